using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Endpoints;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>The figures are PNGs of the requested size with real content and a drawn title; the surrogate RMSE is the grid's.</summary>
public class PlotsEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly double[] BraninLower = [-5, 0];
    private static readonly double[] BraninUpper = [10, 15];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Function_figure_with_samples()
    {
        var png = await PostForPngAsync("/v1/plots/function",
            new { function = "branin", samples = new { method = "sobol", count = 80 }, width = 640, height = 480 });
        AssertReadable(png, 640, 480);
    }

    [Fact]
    public async Task One_dimensional_function_is_a_curve()
    {
        var png = await PostForPngAsync("/v1/plots/function",
            new { function = "gramacyLee", points = new[] { new[] { 0.7 }, [1.9] }, width = 500, height = 300 });
        AssertReadable(png, 500, 300);
    }

    [Fact]
    public async Task Higher_dimensional_function_is_sliced_through_a_point_and_scaled()
    {
        var png = await PostForPngAsync("/v1/plots/function", new
        {
            function = "hartmann6",
            dimensions = new[] { 3, 5 },
            slice = new[] { 0.2, 0.15, 0.48, 0.28, 0.31, 0.66 },
            resolution = 41,
            width = 900,
            height = 700,
            scale = 2.0,
        });
        AssertReadable(png, 900, 700, scale: 2);
    }

    [Fact]
    public async Task Surrogate_figure_reports_the_rmse_of_its_grid()
    {
        const int resolution = 21;
        var model = (await FitBraninAsync("kriging")).Model;
        var response = await _client.PostAsJsonAsync("/v1/plots/surrogate", new
        {
            model,
            function = "branin",
            includeStandardError = true,
            resolution,
            width = 1400,
            height = 400,
        });
        AssertReadable(await PngOf(response), 1400, 400);
        double reported = double.Parse(response.Headers.GetValues(PlotsEndpoints.RmseHeader).Single(), CultureInfo.InvariantCulture);

        // The same grid, predicted and evaluated through the public API.
        var grid = new List<double[]>();
        for (int row = 0; row < resolution; row++)
        {
            for (int column = 0; column < resolution; column++)
                grid.Add([Along(0, column, resolution), Along(1, row, resolution)]);
        }
        var predicted = await (await _client.PostAsJsonAsync("/v1/surrogates/predict", new { model, points = grid }))
            .Content.ReadFromJsonAsync<PredictResponse>();
        var truth = await (await _client.PostAsJsonAsync("/v1/functions/branin/evaluate", new { points = grid }))
            .Content.ReadFromJsonAsync<EvaluateResponse>();
        double expected = Math.Sqrt(truth!.Values!.Zip(predicted!.Values!, (t, p) => (t - p) * (t - p)).Average());

        Assert.True(expected > 0);
        Assert.Equal(expected, reported, expected * 1e-9);
    }

    [Fact]
    public async Task Surrogate_figure_of_a_polynomial_chaos_model_beside_the_function()
    {
        var response = await _client.PostAsJsonAsync("/v1/plots/surrogate", new
        {
            model = (await FitBraninAsync("polynomialChaos")).Model,
            function = "branin",
            width = 900,
            height = 400,
        });
        AssertReadable(await PngOf(response), 900, 400);
        // Branin's range on its box is about 0.4 to 308; 30 points give a rough but honest fit.
        double rmse = double.Parse(response.Headers.GetValues(PlotsEndpoints.RmseHeader).Single(), CultureInfo.InvariantCulture);
        Assert.InRange(rmse, 1e-6, 30);
    }

    [Fact]
    public async Task Surrogate_figure_without_a_function_shows_the_surrogate_alone()
    {
        var response = await _client.PostAsJsonAsync("/v1/plots/surrogate", new
        {
            fit = await BraninFitRequestAsync("radialBasis"),
            width = 600,
            height = 450,
        });
        AssertReadable(await PngOf(response), 600, 450);
        Assert.False(response.Headers.Contains(PlotsEndpoints.RmseHeader));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Optimization_figure_from_a_trace(bool withBestSoFar)
    {
        double[][] points = [[0, 5], [9, 3], [3, 2.5], [-3, 12], [3.1, 2.3], [9.4, 2.5]];
        var values = await EvaluateBraninAsync(points);
        double best = double.PositiveInfinity;
        var trace = points.Select((p, i) =>
        {
            best = Math.Min(best, values[i]);
            return new PlotTraceEntry(p, values[i], withBestSoFar ? best : null);
        });

        var png = await PostForPngAsync("/v1/plots/optimization", new { function = "branin", trace, width = 1000, height = 450 });
        AssertReadable(png, 1000, 450);
    }

    private static double Along(int axis, int k, int resolution) =>
        BraninLower[axis] + (BraninUpper[axis] - BraninLower[axis]) * k / (resolution - 1);

    private async Task<byte[]> PostForPngAsync(string path, object request) =>
        await PngOf(await _client.PostAsJsonAsync(path, request));

    private static async Task<byte[]> PngOf(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    /// <summary>The size asked for, many colours (heatmaps, not a blank canvas) and text in the title band.</summary>
    private static void AssertReadable(byte[] png, int width, int height, double scale = 1)
    {
        var image = PngImage.Read(png);
        Assert.Equal(width, image.HeaderWidth);
        Assert.Equal(height, image.HeaderHeight);
        int colours = image.DistinctColours();
        Assert.True(colours > 50, $"Only {colours} colours: the figure looks blank.");
        int titleText = image.DarkPixels(0, (int)(30 * scale));
        Assert.True(titleText > 100, $"Only {titleText} dark pixels in the title band: no title was drawn.");
    }

    private async Task<double[]> EvaluateBraninAsync(double[][] points)
    {
        var response = await _client.PostAsJsonAsync("/v1/functions/branin/evaluate", new { points });
        return (await response.Content.ReadFromJsonAsync<EvaluateResponse>())!.Values!;
    }

    private async Task<object> BraninFitRequestAsync(string kind)
    {
        var sample = await (await _client.PostAsJsonAsync("/v1/samples",
            new { method = "sobol", count = 30, lowerBound = BraninLower, upperBound = BraninUpper })).Content.ReadFromJsonAsync<SampleResponse>();
        var values = await EvaluateBraninAsync(sample!.Points);
        return new { kind, points = sample.Points, values, lowerBound = BraninLower, upperBound = BraninUpper };
    }

    private async Task<FitResponse> FitBraninAsync(string kind)
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", await BraninFitRequestAsync(kind));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FitResponse>())!;
    }
}
