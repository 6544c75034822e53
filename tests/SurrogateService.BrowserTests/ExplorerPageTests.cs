using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SurrogateService.BrowserTests;

/// <summary>A person's path through the explorer page, in a real browser against the running service.</summary>
public class ExplorerPageTests(LiveService service) : IClassFixture<LiveService>
{
    [Fact]
    public async Task Fitting_kriging_on_branin_shows_the_figure_and_the_api_rmse()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        await page.GetByLabel("Function").SelectOptionAsync("branin");
        await page.GetByLabel("Sampling method").SelectOptionAsync("sobol");
        await page.GetByLabel("Sample count").FillAsync("30");
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("kriging");
        var plotResponse = page.WaitForResponseAsync(response => response.Url.EndsWith("/v1/plots/surrogate", StringComparison.Ordinal),
            new() { Timeout = 120_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit and plot" }).ClickAsync();

        var response = await plotResponse;
        Assert.Equal(200, response.Status);
        string apiRmse = (await response.HeaderValueAsync("x-surrogate-rmse"))!;
        var image = page.Locator("#surrogate-image");
        await Expect(image).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.getElementById('surrogate-image'); return i.complete && i.naturalWidth > 0; }");
        Assert.Contains("kriging", await image.GetAttributeAsync("alt"), StringComparison.Ordinal);

        var shown = page.Locator("#rmse");
        Assert.Equal(apiRmse, await shown.GetAttributeAsync("data-value"));
        double api = double.Parse(apiRmse, CultureInfo.InvariantCulture);
        double displayed = double.Parse(await shown.InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(api > 0);
        Assert.Equal(api, displayed, api * 1e-5);
        await LiveService.ScreenshotAsync(page, "explorer-kriging-branin");
    }

    [Fact]
    public async Task A_multi_objective_run_switches_to_ehvi_and_shows_the_front()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        await page.GetByLabel("Problem").SelectOptionAsync("braninCurrin");
        await Expect(page.GetByLabel("Strategy")).ToHaveValueAsync("ehvi");
        await page.GetByLabel("Initial samples").FillAsync("8");
        await page.GetByLabel("Evaluations in all").FillAsync("14");
        var plotResponse = page.WaitForResponseAsync(response => response.Url.EndsWith("/v1/plots/optimization", StringComparison.Ordinal),
            new() { Timeout = 120_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Run and plot the trace" }).ClickAsync();

        Assert.Equal(200, (await plotResponse).Status);
        var image = page.Locator("#optimization-image");
        await Expect(image).ToBeVisibleAsync();
        Assert.Contains("objective space", await image.GetAttributeAsync("alt"), StringComparison.Ordinal);
        await Expect(page.Locator("#optimization-caption")).ToContainTextAsync("hypervolume");
        await LiveService.ScreenshotAsync(page, "explorer-ehvi-branin-currin");

        await page.GetByLabel("Problem").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Expect(page.GetByLabel("Strategy")).ToHaveValueAsync("ei");
    }

    [Fact]
    public async Task Swagger_ui_evaluates_branin_through_try_it_out()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/swagger");
        var operation = page.Locator(".opblock-post", new() { Has = page.Locator(".opblock-summary-path", new() { HasText = "/v1/functions/{name}/evaluate" }) });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await operation.Locator("input[placeholder='name']").FillAsync("branin");
        await operation.Locator("textarea.body-param__text").FillAsync("""{"points": [[-3.14159265, 12.275], [0, 0]]}""");
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var body = operation.Locator(".live-responses-table .response-col_description pre").First;
        await Expect(body).ToContainTextAsync("values");
        string text = await body.InnerTextAsync();
        Assert.Contains("0.39788735", text, StringComparison.Ordinal);
        Assert.Contains("55.602112", text, StringComparison.Ordinal);
        await LiveService.ScreenshotAsync(operation, "swagger-branin-evaluate");
    }
}
