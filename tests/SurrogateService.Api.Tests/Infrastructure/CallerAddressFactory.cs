using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// The service in Development (authentication off, so callers are told apart by their address) where
/// each test client can stand for another machine: the in-memory server has no client address, so
/// the header <c>X-Test-Client-Address</c> supplies one before any of the service's middleware runs.
/// </summary>
public class CallerAddressFactory : WebApplicationFactory<Program>
{
    public const string Header = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.WithoutWarmUp().ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header] is [{ } address])
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
