using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

public class NumericWarmUpTests
{
    [Fact]
    public void The_warm_up_honours_its_bound()
    {
        // The bound is a cancellation the numeric work observes: a cancelled one stops it instead of delaying the start.
        Assert.ThrowsAny<OperationCanceledException>(() => NumericWarmUp.Exercise(ContractJson.Strict, new LimitsOptions(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void The_warm_ups_own_fit_request_passes_the_routes_validation()
    {
        // A refused request is only logged at start-up (the service starts without the warm-up), so check it here:
        // the request is read with the contract's strict rules and the default limits, fitted, and its answer written.
        NumericWarmUp.Exercise(ContractJson.Strict, new LimitsOptions(), CancellationToken.None);
    }

    [Fact]
    public async Task A_configuration_the_set_up_refuses_stops_the_warm_up()
    {
        // Production without the AzureAd section fails closed while the services are added, after the warm-up started.
        var builder = Builder(Environments.Production);
        Assert.ThrowsAny<Exception>(() => builder.AddSurrogateService());
        await AssertStopped(WarmUpOf(builder));
    }

    [Fact]
    public async Task A_limit_out_of_its_range_stops_the_warm_up()
    {
        // The middleware reads the limits while the pipeline is built, after the host was built.
        var builder = Builder(Environments.Development);
        builder.Configuration["Limits:MaxDimension"] = "0";
        builder.AddSurrogateService();
        await using var app = builder.Build();
        Assert.Throws<OptionsValidationException>(() => app.MapSurrogateService());
        await AssertStopped(WarmUpOf(builder));
    }

    [Fact]
    public async Task A_host_that_fails_to_start_stops_the_warm_up()
    {
        // A jobs setting out of its range passes the set-up and the pipeline and fails the host's start
        // (ValidateOnStart), as app.Run() meets it.
        var builder = Builder(Environments.Development);
        builder.Configuration["Jobs:MaxAttempts"] = "0";
        builder.AddSurrogateService();
        var app = builder.Build();
        app.MapSurrogateService();
        // Should the start succeed after all, stop at once, so that the assertion fails instead of the test hanging.
        app.Lifetime.ApplicationStarted.Register(app.Lifetime.StopApplication);
        await Assert.ThrowsAsync<OptionsValidationException>(() => app.RunAsync());
        await AssertStopped(WarmUpOf(builder));
    }

    /// <summary>A builder with the warm-up on and a bound far beyond the test's wait, on a port of this test's own.</summary>
    private static WebApplicationBuilder Builder(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration[NumericWarmUp.SecondsKey] = "3600";
        builder.Configuration["Authentication:Mode"] = environment == Environments.Development ? "None" : null;
        builder.WebHost.UseUrls("http://127.0.0.1:5614");
        return builder;
    }

    private static NumericWarmUp.Run WarmUpOf(WebApplicationBuilder builder) =>
        builder.Services.Select(service => service.ImplementationInstance).OfType<NumericWarmUp.Run>().Single();

    /// <summary>Told to stop by the failure itself (its bound is an hour away), and then its work ends.</summary>
    private static async Task AssertStopped(NumericWarmUp.Run run)
    {
        Assert.True(run.IsStopping);
        await Condition.WaitUntil(() => run.Work!.IsCompleted, "the warm-up's work ended");
    }
}
