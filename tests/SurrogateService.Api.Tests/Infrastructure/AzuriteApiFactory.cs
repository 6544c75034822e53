using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>The Development service storing in Blob Storage: its own Azurite, started with the factory and stopped with it.</summary>
public sealed class AzuriteApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public Azurite Azurite { get; } = new();

    public Task InitializeAsync() => Azurite.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => Azurite.DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.WithoutWarmUp().UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
}
