using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// The UM-Bridge port: a second, minimal web application inside the service with a pipeline of its
/// own (no Entra ID, no REST routes, no Swagger), on <see cref="UmBridgeOptions.Port"/>. It shares
/// the service's limits, heavy-work slots and logging. The REST port never serves the protocol, and
/// this port never serves the REST API.
/// </summary>
public sealed partial class UmBridgeServer(
    IOptions<UmBridgeOptions> options,
    IOptions<LimitsOptions> limits,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<UmBridgeServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Where the port listens once started (its real port when configured as 0); null when off.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Port is not int port)
            return;
        if (!environment.IsDevelopment() && !options.Value.AllowUnauthenticated)
        {
            throw new InvalidOperationException(
                $"UmBridge:Port is set in the {environment.EnvironmentName} environment, but the UM-Bridge protocol has no authentication. " +
                "Set UmBridge:AllowUnauthenticated=true to confirm that only trusted callers can reach the port (in Azure: the internal port of the Container Apps environment).");
        }
        // An empty builder: no configuration sources, so ASPNETCORE_URLS and appsettings of the
        // REST host cannot leak into this port; only routing and Kestrel are added.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment.EnvironmentName });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(services.GetRequiredService<InlineFitGate>());
        builder.Services.AddSingleton(services.GetRequiredService<UmBridgeCatalog>());
        ListenOptions? listening = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Any, port, options => listening = options);
        });
        _app = builder.Build();
        _app.MapUmBridge();
        await _app.StartAsync(cancellationToken);
        Address = new Uri($"http://localhost:{BoundPort(listening, _app)}");
        LogListening(logger, Address.Port);
    }

    /// <summary>
    /// The port Kestrel bound. It replaces the listen options' endpoint with the one it bound (the real port
    /// when 0 asked for any), but once in a full test run that endpoint was not there after the start, so the
    /// server-addresses feature, which Kestrel fills in as it binds, is the second source.
    /// </summary>
    private static int BoundPort(ListenOptions? listening, WebApplication app)
    {
        if (listening?.IPEndPoint is { Port: > 0 } endPoint)
            return endPoint.Port;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port > 0
            ? uri.Port
            : throw new InvalidOperationException("The UM-Bridge port started, but Kestrel reported no bound port.");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
            await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "UM-Bridge 1.0 listening on port {Port} without authentication; keep the port internal")]
    private static partial void LogListening(ILogger logger, int port);
}
