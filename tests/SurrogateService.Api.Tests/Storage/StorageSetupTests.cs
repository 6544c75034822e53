using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using SurrogateService.Api.Storage;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>Where stored data goes: one configured place, a folder by default only in Development, Azurite through the real client.</summary>
public sealed class StorageSetupTests(Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public void Development_without_settings_uses_a_folder_under_the_content_root()
    {
        var location = StorageLocation.Resolve(new StorageOptions(), new Environment(Environments.Development, "/srv/app"));
        Assert.Equal(new StorageLocation(StorageKind.Folder, "/srv/app/App_Data/store"), location);
    }

    [Fact]
    public void A_relative_folder_is_under_the_content_root_and_an_absolute_one_is_kept()
    {
        var production = new Environment(Environments.Production, "/srv/app");
        Assert.Equal("/srv/app/data", StorageLocation.Resolve(new StorageOptions { Folder = "data" }, production).FolderPath);
        Assert.Equal("/mnt/models", StorageLocation.Resolve(new StorageOptions { Folder = "/mnt/models" }, production).FolderPath);
    }

    [Fact]
    public void A_uri_or_a_connection_string_is_blob_storage()
    {
        var production = new Environment(Environments.Production, "/srv/app");
        Assert.Equal(StorageKind.Blob, StorageLocation.Resolve(new StorageOptions { BlobServiceUri = new Uri("https://account.blob.core.windows.net/") }, production).Kind);
        Assert.Equal(StorageKind.Blob, StorageLocation.Resolve(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }, production).Kind);
    }

    [Fact]
    public void Two_places_at_once_are_refused()
    {
        var options = new StorageOptions { Folder = "data", ConnectionString = "UseDevelopmentStorage=true" };
        var error = Assert.Throws<InvalidOperationException>(() => StorageLocation.Resolve(options, new Environment(Environments.Development, "/srv/app")));
        Assert.Contains("exactly one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_without_storage_refuses_to_start_and_says_what_to_set()
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("AzureAd:TenantId", TestTokens.TenantId);
            b.UseSetting("AzureAd:ClientId", TestTokens.ClientId);
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Storage:BlobServiceUri", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_registers_a_client_that_reaches_Azurite_and_data_outlives_a_restart()
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b =>
            b.UseSetting("Storage:ConnectionString", azurite.ConnectionString));
        var client = factory.Services.GetRequiredService<BlobServiceClient>();
        Assert.Equal(StorageKind.Blob, factory.Services.GetRequiredService<StorageLocation>().Kind);

        var container = client.GetBlobContainerClient("setup-test");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("greeting").UploadAsync(BinaryData.FromString("stored"), overwrite: true);
        await azurite.RestartAsync();

        var read = await container.GetBlobClient("greeting").DownloadContentAsync();
        Assert.Equal("stored", read.Value.Content.ToString());
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);

    private sealed class Environment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "SurrogateService.Api";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
