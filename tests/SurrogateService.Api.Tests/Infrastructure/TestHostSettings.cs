using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SurrogateService.Api.Hosting;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>Settings every in-memory test host shares.</summary>
public static class TestHostSettings
{
    /// <summary>
    /// Turns off the start-up's numeric warm-up: it only shortens a first heavy request after a cold start, costs
    /// each test host about a second of CPU, and is tested where it matters, on the published build
    /// (<see cref="PublishedServiceTests"/>) and directly (<see cref="NumericWarmUpTests"/>).
    /// </summary>
    public static IWebHostBuilder WithoutWarmUp(this IWebHostBuilder builder) =>
        builder.UseSetting(NumericWarmUp.SecondsKey, "0");
}

/// <summary>The service as <see cref="WebApplicationFactory{TEntryPoint}"/> hosts it, without the start-up's numeric warm-up.</summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.WithoutWarmUp();
}
