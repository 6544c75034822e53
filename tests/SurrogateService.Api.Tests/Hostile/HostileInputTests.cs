using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Hostile;

/// <summary>
/// Property: whatever the body, no endpoint answers 5xx, every 4xx is problem+json, and nothing
/// echoes internals. Runs in Production (real JWT pipeline, a valid token) with a fixed seed, so the
/// corpus of cases is the same on every run.
/// </summary>
public class HostileInputTests(AzureAdFactory factory) : IClassFixture<AzureAdFactory>
{
    private const int Cases = 240;

    [Fact]
    public async Task No_body_makes_any_endpoint_fail_or_leak()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(scope: "Surrogates.Invoke"));
        var routes = ExampleBodies.All.Keys.ToArray();
        var examples = routes.Select(r => ExampleBodies.All[r]).ToArray();

        await HostileBodies.For(examples).SampleAsync(async (route, body) =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(routes[route], content);
            string text = await response.Content.ReadAsStringAsync();
            string context = $"POST {routes[route]} {Shorten(body)} → {(int)response.StatusCode} {Shorten(text)}";

            Assert.True((int)response.StatusCode < 500, context);
            if ((int)response.StatusCode >= 400)
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", context);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }, seed: "0N0XIzNsQ0O2", iter: Cases, threads: 1);
    }

    [Fact]
    public void Every_JSON_POST_endpoint_has_an_example_in_the_corpus()
    {
        // The multipart routes take .npy parts, not JSON; their malformed parts have tests of their own.
        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") != true)
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/').Replace("{name}", "branin", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Empty(posts.Except(ExampleBodies.All.Keys));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
