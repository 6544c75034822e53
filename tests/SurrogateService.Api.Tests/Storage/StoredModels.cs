using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>Model documents to store, fitted through the service itself.</summary>
public static class StoredModels
{
    /// <summary>A Kriging fit request on <paramref name="count"/> points of sin(3x)·cos(2y) in [0, 1]², drawn with a fixed seed.</summary>
    public static JsonObject KrigingFit(int count = 20, int seed = 1)
    {
        var random = new Random(seed);
        var points = new JsonArray();
        var values = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            double x = random.NextDouble(), y = random.NextDouble();
            points.Add(new JsonArray(x, y));
            values.Add(Math.Sin(3 * x) * Math.Cos(2 * y));
        }
        return new JsonObject
        {
            ["kind"] = "kriging",
            ["points"] = points,
            ["values"] = values,
            ["lowerBound"] = new JsonArray(0.0, 0.0),
            ["upperBound"] = new JsonArray(1.0, 1.0),
        };
    }

    /// <summary>The document the service returns for the fit, as raw JSON (what a client keeps).</summary>
    public static async Task<JsonObject> FitAsync(HttpClient client, JsonObject fit)
    {
        var response = await client.PostAsJsonAsync("/v1/surrogates/fit", fit);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return body["model"]!.AsObject();
    }

    public static async Task<StoredModelResponse> StoreAsync(HttpClient client, JsonObject document)
    {
        var response = await client.PostAsJsonAsync("/v1/models", new { model = document });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StoredModelResponse>())!;
    }

    /// <summary>A grid of query points in [0, 1]².</summary>
    public static double[][] Grid(int perAxis = 7) =>
        [.. Enumerable.Range(0, perAxis * perAxis).Select(i => new[] { (i % perAxis) / (perAxis - 1.0), (i / perAxis) / (perAxis - 1.0) })];
}
