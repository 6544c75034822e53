using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>A model document over the body limit is refused with 413 and not stored.</summary>
public sealed class ModelSizeLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_document_over_the_body_limit_is_413_problem_and_nothing_is_stored()
    {
        var document = await StoredModels.FitAsync(factory.CreateClient(), StoredModels.KrigingFit(count: 40, seed: 80));
        await using var small = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxRequestBodyBytes", "2048"));
        var client = small.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/models", new { model = document });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await client.GetFromJsonAsync<SurrogateService.Api.Contracts.StoredModelList>("/v1/models"))!.Models);
    }
}
