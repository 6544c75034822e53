using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Api.UmBridge;

namespace SurrogateService.Api.Tests.UmBridge;

/// <summary>
/// The service in Development with the UM-Bridge port on a free port (UmBridge:Port = 0) and one
/// heavy-work slot and no queue. <see cref="Protocol"/> talks to that real socket; <see cref="Rest"/> to the REST API.
/// </summary>
public class UmBridgeFactory : WebApplicationFactory<Program>
{
    private readonly Infrastructure.TemporaryFolder _store = new("surrogate-store-");
    private HttpClient? _protocol;

    public HttpClient Rest => CreateClient();

    public HttpClient Protocol => _protocol ??= new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    public Uri Address
    {
        get
        {
            // Creating the server starts the host, and with it the UM-Bridge port.
            _ = Server;
            return Services.GetRequiredService<UmBridgeServer>().Address ?? throw new InvalidOperationException("The UM-Bridge port did not open.");
        }
    }

    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("UmBridge:Port", "0");
        builder.UseSetting("Limits:HeavyConcurrency", "1");
        builder.UseSetting("Storage:Folder", _store.Path);
        builder.UseSetting("Limits:HeavyQueueLength", "0");
        builder.WithoutWarmUp();
        Configure(builder);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _protocol?.Dispose();
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }
}

/// <summary>The same with a heavy timeout of one second, to see a wave run cut short.</summary>
public sealed class ShortTimeoutUmBridgeFactory : UmBridgeFactory
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Limits:HeavyRequestTimeoutSeconds", "1");
}
