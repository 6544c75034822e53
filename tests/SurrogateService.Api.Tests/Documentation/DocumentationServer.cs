using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Api.UmBridge;

namespace SurrogateService.Api.Tests.Documentation;

/// <summary>
/// The service as `dotnet run` starts it (Development, no authentication), listening on real loopback
/// sockets so that curl can reach it: REST on a free port and the UM-Bridge port on another.
/// </summary>
public sealed class DocumentationServer : WebApplicationFactory<Program>
{
    public DocumentationServer() => UseKestrel(0);

    /// <summary>The REST address, e.g. http://127.0.0.1:40123 (no trailing slash).</summary>
    public string RestAddress
    {
        get
        {
            StartServer();
            string address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.TrimEnd('/');
        }
    }

    /// <summary>The UM-Bridge address (no trailing slash).</summary>
    public string UmBridgeAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<UmBridgeServer>().Address ?? throw new InvalidOperationException("The UM-Bridge port did not open.");
            return address.ToString().TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("UmBridge:Port", "0");
        builder.WithoutWarmUp();
    }
}
