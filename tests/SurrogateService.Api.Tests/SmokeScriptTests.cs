using System.Diagnostics;
using System.Globalization;
using SurrogateService.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SurrogateService.Api.Tests;

/// <summary>
/// infra/smoke.sh against the published build on loopback, started as in the container (Production,
/// Entra ID on) against a fake tenant's metadata, with locally signed tokens.
/// </summary>
public class SmokeScriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Smoke_script_passes_against_the_published_build()
    {
        var (exitCode, text) = await RunSmokeScriptAsync(entra => TestTokens.Create(scope: "Surrogates.Invoke", issuer: entra.V2Issuer));
        output.WriteLine(text);

        Assert.True(exitCode == 0, text);
        Assert.Contains("ok    POST /v1/functions/branin/evaluate without a token", text, StringComparison.Ordinal);
        Assert.Contains("ok    Branin's value at its three minimisers is 0.397887", text, StringComparison.Ordinal);
        Assert.Matches(@"first request: \d+\.\d+ s", text);
    }

    [Fact]
    public async Task Smoke_script_fails_when_the_token_is_refused()
    {
        var (exitCode, text) = await RunSmokeScriptAsync(entra => TestTokens.Create(scope: "Something.Else", issuer: entra.V2Issuer));

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  POST /v1/functions/branin/evaluate with the token: expected 200, got 403", text, StringComparison.Ordinal);
    }

    /// <summary>Starts the published build against a fake tenant and runs the script with the token made for that tenant.</summary>
    private static async Task<(int ExitCode, string Output)> RunSmokeScriptAsync(Func<FakeEntraMetadata, string> token)
    {
        await using var entra = await FakeEntraMetadata.StartAsync();
        int port = FreePort();
        var serviceOutput = new List<string>();
        using var service = await PublishedBuild.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture),
            ["AzureAd__Instance"] = entra.Instance,
            ["AzureAd__TenantId"] = TestTokens.TenantId,
            ["AzureAd__ClientId"] = TestTokens.ClientId,
            // The fake tenant serves its metadata over plain HTTP on loopback, which the issuer
            // validator will not fetch; it takes the configured issuer instead. Signature, lifetime,
            // audience and scope are checked as in production.
            ["AzureAd__RequireHttpsMetadata"] = "false",
            ["AzureAd__TokenValidationParameters__ValidIssuers__0"] = entra.V2Issuer,
        }, serviceOutput);
        try
        {
            string url = $"http://127.0.0.1:{port}";
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await PublishedBuild.WaitUntilReadyAsync(service, client, serviceOutput);
            var (exitCode, text) = await RunAsync("bash", RepositoryRoot.File("infra/smoke.sh"), url, token(entra));
            lock (serviceOutput)
                return (exitCode, exitCode == 0 ? text : text + "\nservice output:\n" + string.Join('\n', serviceOutput));
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, text + await error);
    }
}
