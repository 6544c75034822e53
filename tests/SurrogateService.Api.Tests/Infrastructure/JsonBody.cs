using System.Text;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>Raw JSON request bodies, so tests can send what a serializer never would (NaN, ragged arrays, truncation).</summary>
public static class JsonBody
{
    public static StringContent Of(string json) => new(json, Encoding.UTF8, "application/json");
}
