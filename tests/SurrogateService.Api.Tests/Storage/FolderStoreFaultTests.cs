using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>The folder store failing (here: its owner folder cannot be created) and working again.</summary>
public sealed class FolderStoreFaultTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_failing_folder_is_503_with_Retry_After_nothing_is_half_written_and_a_retry_stores_the_model_whole()
    {
        var client = _factory.CreateClient();
        var document = await StoredModels.FitAsync(client, StoredModels.KrigingFit(seed: 60));
        // A file where the anonymous owner's folder must go: creating the folder fails with an IOException, as a
        // read-only or full disk would.
        string models = Path.Combine(_factory.StoreFolder, "models");
        Directory.CreateDirectory(models);
        string blocker = Path.Combine(models, "anonymous");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var refused = await client.PostAsJsonAsync("/v1/models", new { model = document });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
        File.Delete(blocker);
        Assert.Empty(Directory.EnumerateFileSystemEntries(models));
        var retried = await client.PostAsJsonAsync("/v1/models", new { model = document });
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var stored = await retried.Content.ReadFromJsonAsync<StoredModelResponse>();
        byte[] served = await client.GetByteArrayAsync($"/v1/models/{stored!.Id}");
        Assert.Equal(stored.Id, Convert.ToHexStringLower(SHA256.HashData(served)));
        Assert.Equal([stored.Id + ".json"], Directory.EnumerateFiles(Path.Combine(models, "anonymous")).Select(Path.GetFileName));
    }
}
