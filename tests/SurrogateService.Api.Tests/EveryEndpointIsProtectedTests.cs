using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Walks every mapped /v1 endpoint, so that no future endpoint can be born open.</summary>
public class EveryEndpointIsProtectedTests(AzureAdFactory factory) : IClassFixture<AzureAdFactory>
{
    [Fact]
    public async Task Every_v1_endpoint_rejects_an_anonymous_call()
    {
        var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("v1", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(endpoints.Count >= 5, $"Expected the v1 endpoints, found {endpoints.Count}.");

        foreach (var endpoint in endpoints)
        {
            string path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment =>
                string.Concat(segment.Parts.Select(part => part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    _ => "branin",
                }))));
            foreach (string method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = method == "GET" ? null : BodyItAccepts(endpoint),
                };
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} to an anonymous call.");
            }
        }
    }

    /// <summary>
    /// An empty body of the media type the endpoint declares (JSON unless it says otherwise): routing answers
    /// 415 to any other type before authentication runs, which would hide whether the endpoint is protected.
    /// </summary>
    private static HttpContent BodyItAccepts(RouteEndpoint endpoint)
    {
        string? declared = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault();
        if (declared is null || declared == "application/json")
            return JsonBody.Of("{}");
        var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", declared + "; boundary=empty");
        return content;
    }
}
