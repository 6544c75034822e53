using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>Blob Storage going away and coming back; replicas sharing one store; restarts.</summary>
public sealed class BlobStoreFaultTests : IAsyncLifetime
{
    private readonly AzuriteApiFactory _factory = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_factory).InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_factory).DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task An_unreachable_store_is_503_with_Retry_After_and_a_later_retry_stores_the_model_whole()
    {
        var client = _factory.CreateClient();
        var document = await StoredModels.FitAsync(client, StoredModels.KrigingFit(seed: 40));
        await _factory.Azurite.StopAsync();

        var refused = await client.PostAsJsonAsync("/v1/models", new { model = document });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);

        await _factory.Azurite.StartAgainAsync();
        Assert.Empty((await client.GetFromJsonAsync<StoredModelList>("/v1/models"))!.Models);
        var retried = await client.PostAsJsonAsync("/v1/models", new { model = document });
        var stored = await retried.Content.ReadFromJsonAsync<StoredModelResponse>();
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        byte[] served = await client.GetByteArrayAsync($"/v1/models/{stored!.Id}");
        Assert.Equal(stored.Id, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(served)));
    }

    [Fact]
    public async Task Reading_from_an_unreachable_store_is_503_with_Retry_After_and_works_again_when_it_is_back()
    {
        var client = _factory.CreateClient();
        var stored = await StoredModels.StoreAsync(client, await StoredModels.FitAsync(client, StoredModels.KrigingFit(seed: 42)));
        // A replica whose cache has never seen the model, and which checks ownership in the store every time.
        await using var cold = _factory.WithWebHostBuilder(b => b.UseSetting("Storage:OwnershipCheckSeconds", "0"));
        var coldClient = cold.CreateClient();
        var predict = new { modelId = stored.Id, points = StoredModels.Grid(3) };
        await _factory.Azurite.StopAsync();

        foreach (var refused in new[]
        {
            await coldClient.PostAsJsonAsync("/v1/surrogates/predict", predict),
            await coldClient.GetAsync($"/v1/models/{stored.Id}"),
            await coldClient.GetAsync("/v1/models"),
        })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
        }

        await _factory.Azurite.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, (await coldClient.PostAsJsonAsync("/v1/surrogates/predict", predict)).StatusCode);
    }

    [Fact]
    public async Task A_model_stored_through_one_replica_predicts_identically_through_another_and_outlives_restarts()
    {
        var first = _factory.CreateClient();
        var document = await StoredModels.FitAsync(first, StoredModels.KrigingFit(seed: 41));
        var stored = await StoredModels.StoreAsync(first, document);
        var request = new { modelId = stored.Id, points = StoredModels.Grid(), includeStandardError = true };
        var throughFirst = await (await first.PostAsJsonAsync("/v1/surrogates/predict", request)).Content.ReadAsByteArrayAsync();

        // A second replica: its own process state and cache, the same store.
        await using var second = _factory.WithWebHostBuilder(_ => { });
        var throughSecond = await second.CreateClient().PostAsJsonAsync("/v1/surrogates/predict", request);
        Assert.Equal(HttpStatusCode.OK, throughSecond.StatusCode);
        Assert.Equal(throughFirst, await throughSecond.Content.ReadAsByteArrayAsync());

        await _factory.Azurite.RestartAsync();
        await using var restarted = _factory.WithWebHostBuilder(_ => { });
        var afterRestart = await restarted.CreateClient().PostAsJsonAsync("/v1/surrogates/predict", request);
        Assert.Equal(throughFirst, await afterRestart.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_deletion_through_one_replica_is_seen_by_another_that_checks_ownership_every_time()
    {
        var first = _factory.CreateClient();
        var stored = await StoredModels.StoreAsync(first, await StoredModels.FitAsync(first, StoredModels.KrigingFit(seed: 42)));
        await using var second = _factory.WithWebHostBuilder(b => b.UseSetting("Storage:OwnershipCheckSeconds", "0"));
        var other = second.CreateClient();
        var request = new { modelId = stored.Id, points = new[] { new[] { 0.5, 0.5 } } };
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/v1/surrogates/predict", request)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync($"/v1/models/{stored.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/v1/surrogates/predict", request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.PostAsJsonAsync("/v1/surrogates/predict", request)).StatusCode);
    }
}
