using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Hosting.HeavyWork;

namespace SurrogateService.Api.Tests.UmBridge;

/// <summary>The parametric wave and the surrogate through the protocol, checked against the REST API of the same service.</summary>
public class UmBridgeModelTests(UmBridgeFactory factory) : IClassFixture<UmBridgeFactory>
{
    private readonly HttpClient _client = factory.Protocol;

    // dx = dy = 0.5: the receivers (5, 5) and (15, 10) sit on grid points (10, 10) and (30, 20).
    private static readonly object WaveConfig = new { nx = 41, ny = 31, lx = 20.0, ly = 15.0, steps = 60, traceEvery = 6, receivers = new[] { new[] { 5.0, 5 }, [15.0, 10] } };

    [Fact]
    public async Task Wave_sizes_follow_its_config()
    {
        Assert.Equal(new[] { 5 }, (await _client.Ok("/InputSizes", new { name = "acoustic2d", config = WaveConfig })).GetProperty("inputSizes").Sizes());
        Assert.Equal(new[] { 10, 10 }, (await _client.Ok("/OutputSizes", new { name = "acoustic2d", config = WaveConfig })).GetProperty("outputSizes").Sizes());
        Assert.Equal(new[] { 1000, 1000, 1000, 1000 }, (await _client.Ok("/OutputSizes", new { name = "acoustic2d" })).GetProperty("outputSizes").Sizes());
    }

    [Fact]
    public async Task Wave_traces_are_the_REST_snapshots_at_the_receivers()
    {
        var output = (await _client.Ok("/Evaluate", new { name = "acoustic2d", input = new[] { new[] { 2.0, 0.5, 8, 6, 1.3 } }, config = WaveConfig }))
            .GetProperty("output").EnumerateArray().Select(o => o.Vector()).ToArray();

        var rest = await factory.Rest.PostAsJsonAsync("/v1/simulations/acoustic2d", new
        {
            nx = 41, ny = 31, lx = 20.0, ly = 15.0, steps = 60, snapshotEvery = 6, bulkModulus = 2.0, density = 0.5,
            pulse = new { centre = new[] { 8.0, 6 }, width = 1.3 },
        });
        var frames = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()).RootElement.GetProperty("frames").EnumerateArray().ToArray();
        Assert.Equal(10, frames.Length);
        for (int s = 0; s < 10; s++)
        {
            var pressure = frames[s].GetProperty("pressure");
            Assert.Equal(pressure[10][10].GetDouble(), output[0][s]);
            Assert.Equal(pressure[20][30].GetDouble(), output[1][s]);
        }
    }

    [Fact]
    public async Task Wave_inputs_and_config_are_checked()
    {
        Assert.Contains("bulkModulus", await _client.Error("/Evaluate", new { name = "acoustic2d", input = new[] { new[] { 0.0, 1, 8, 6, 1 } }, config = WaveConfig }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("source", await _client.Error("/Evaluate", new { name = "acoustic2d", input = new[] { new[] { 1.0, 1, 80, 6, 1 } }, config = WaveConfig }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("config.foo", await _client.Error("/OutputSizes", new { name = "acoustic2d", config = new { foo = 1 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("config.receivers", await _client.Error("/OutputSizes", new { name = "acoustic2d", config = new { receivers = new[] { 1.0 } } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("Receivers", await _client.Error("/OutputSizes", new { name = "acoustic2d", config = new { receivers = new[] { new[] { 50.0, 1 } } } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("MaxWaveGridCells", await _client.Error("/OutputSizes", new { name = "acoustic2d", config = new { nx = 100_000, ny = 100_000 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("MaxWaveCellSteps", await _client.Error("/OutputSizes", new { name = "acoustic2d", config = new { steps = 1_000_000, traceEvery = 1000 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("config must be a JSON object", await _client.Error("/OutputSizes", new { name = "acoustic2d", config = 3 }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surrogate_predicts_as_REST_does_and_its_gradient_matches_finite_differences_of_REST_predictions()
    {
        var model = await FitAsync("radialBasis");
        Assert.Equal(new[] { 2 }, (await _client.Ok("/InputSizes", new { name = "surrogate", config = new { model } })).GetProperty("inputSizes").Sizes());
        await AssertPredictsAndDifferentiatesAsRestAsync(model, tolerance: 1e-5);
    }

    [Fact]
    public async Task Co_kriging_and_polynomial_chaos_documents_predict_and_differentiate_as_REST_does()
    {
        // A low fidelity of Branin, 0.8·f + 5 plus a tilt and a wave in x2, on a 6 × 6 grid. (Without the wave it
        // is quadratic in x2, the likelihood drives θ2 to ~0 and the low level's predictions lose the digits
        // that finite differences need.)
        var low = Enumerable.Range(0, 36).Select(k => new[] { -5 + 3.0 * (k % 6), 3.0 * (k / 6) }).ToArray();
        var lowValues = low.Select(p => 0.8 * Branin(p) + 5 + 2 * p[0] + 8 * Math.Sin(p[1])).ToArray();
        // Gradients about 10: a relative 1e-5.
        foreach (var model in new[] { await FitAsync("kriging", new { points = low, values = lowValues }), await FitAsync("polynomialChaos") })
            await AssertPredictsAndDifferentiatesAsRestAsync(model, tolerance: 1e-4);
    }

    /// <summary>UM-Bridge's value at (2.5, 7) is REST's prediction; its gradient, central differences of REST's predictions.</summary>
    private async Task AssertPredictsAndDifferentiatesAsRestAsync(JsonElement model, double tolerance)
    {
        double[] x = [2.5, 7.0];
        var value = (await _client.Ok("/Evaluate", new { name = "surrogate", input = new[] { x }, config = new { model } })).GetProperty("output")[0].Vector()[0];
        Assert.Equal((await PredictAsync(model, x))[0], value);
        var gradient = (await _client.Ok("/Gradient", new { name = "surrogate", input = new[] { x }, inWrt = 0, outWrt = 0, sens = new[] { 1.0 }, config = new { model } }))
            .GetProperty("output").Vector();
        const double h = 1e-5;
        var around = await PredictAsync(model, [x[0] + h, x[1]], [x[0] - h, x[1]], [x[0], x[1] + h], [x[0], x[1] - h]);
        Assert.Equal((around[0] - around[1]) / (2 * h), gradient[0], tolerance);
        Assert.Equal((around[2] - around[3]) / (2 * h), gradient[1], tolerance);
    }

    [Fact]
    public async Task Surrogate_of_a_kind_without_gradient_is_UnsupportedFeature_and_a_bad_document_InvalidInput()
    {
        var idw = await FitAsync("inverseDistance");
        Assert.Contains("gradient", await _client.Error("/Gradient", new { name = "surrogate", input = new[] { new[] { 1.0, 1 } }, inWrt = 0, outWrt = 0, sens = new[] { 1.0 }, config = new { model = idw } },
            HttpStatusCode.BadRequest, "UnsupportedFeature"), StringComparison.Ordinal);
        Assert.Contains("config.model is required", await _client.Error("/Evaluate", new { name = "surrogate", input = new[] { new[] { 1.0, 1 } } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("config.model.kind", await _client.Error("/Evaluate", new { name = "surrogate", input = new[] { new[] { 1.0, 1 } }, config = new { model = new { formatVersion = 1, kind = "nope" } } },
            HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("length 3", await _client.Error("/Evaluate", new { name = "surrogate", input = new[] { new[] { 1.0, 1, 1 } }, config = new { model = idw } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_model_named_by_modelId_evaluates_and_differentiates_as_its_document_does()
    {
        var model = await FitAsync("kriging");
        var stored = await factory.Rest.PostAsJsonAsync("/v1/models", new { model });
        string id = JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var input = new[] { new[] { 2.5, 7.0 } };

        foreach (var route in new[] { "/Evaluate", "/Gradient" })
        {
            object byDocument = route == "/Evaluate"
                ? new { name = "surrogate", input, config = new { model } }
                : new { name = "surrogate", input, inWrt = 0, outWrt = 0, sens = new[] { 1.0 }, config = new { model } };
            object byId = route == "/Evaluate"
                ? new { name = "surrogate", input, config = new { modelId = id } }
                : new { name = "surrogate", input, inWrt = 0, outWrt = 0, sens = new[] { 1.0 }, config = new { modelId = id } };
            Assert.Equal((await _client.Ok(route, byDocument)).GetRawText(), (await _client.Ok(route, byId)).GetRawText());
        }
        Assert.Contains("config.modelId", await _client.Error("/Evaluate", new { name = "surrogate", input, config = new { modelId = new string('0', 64) } },
            HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("not both", await _client.Error("/Evaluate", new { name = "surrogate", input, config = new { model, modelId = id } },
            HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_member_inside_config_model_is_refused_on_both_ports_naming_it()
    {
        var document = JsonNode.Parse((await FitAsync("inverseDistance")).GetRawText())!.AsObject();
        document["lowerBounds"] = document["lowerBound"]!.DeepClone();
        var misspelt = JsonDocument.Parse(document.ToJsonString()).RootElement;

        string message = await _client.Error("/Evaluate", new { name = "surrogate", input = new[] { new[] { 1.0, 1 } }, config = new { model = misspelt } },
            HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Contains("config.model.lowerBounds", message, StringComparison.Ordinal);
        Assert.Contains("lowerBound,", message, StringComparison.Ordinal);

        var rest = await factory.Rest.PostAsJsonAsync("/v1/surrogates/predict", new { model = misspelt, points = new[] { new[] { 1.0, 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        Assert.Contains("model.lowerBounds", await rest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heavy_model_without_a_free_slot_or_queue_place_is_ModelBusy_at_once()
    {
        var pool = factory.Services.GetRequiredService<HeavyWorkPool>();
        using (var held = pool.TryAcquire("a REST caller"))
        {
            Assert.NotNull(held);
            var response = await _client.PostAsJsonAsync("/Evaluate", new { name = "acoustic2d", input = new[] { new[] { 1.0, 1, 8, 6, 1 } }, config = WaveConfig });
            Assert.Contains("heavy-work slot", await UmBridgeClient.Error(response, HttpStatusCode.ServiceUnavailable, "ModelBusy"), StringComparison.Ordinal);
            Assert.NotNull(response.Headers.RetryAfter);
            // Light models do not queue behind heavy ones.
            await _client.Ok("/Evaluate", new { name = "branin", input = new[] { new[] { 1.0, 1 } } });
        }
        await _client.Ok("/Evaluate", new { name = "acoustic2d", input = new[] { new[] { 1.0, 1, 8, 6, 1 } }, config = WaveConfig });
    }

    private static double Branin(double[] p) =>
        Math.Pow(p[1] - 5.1 / (4 * Math.PI * Math.PI) * p[0] * p[0] + 5 / Math.PI * p[0] - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.Cos(p[0]) + 10;

    private async Task<JsonElement> FitAsync(string kind, object? lowFidelity = null)
    {
        double[][] points = [[-5, 0], [10, 15], [2.5, 7.5], [-1.25, 11.25], [6.25, 3.75], [0.625, 1.875], [8.125, 9.375], [-3.125, 5.625], [4.375, 13.125], [-4.0625, 14.0625]];
        var values = points.Select(Branin).ToArray();
        var response = await factory.Rest.PostAsJsonAsync("/v1/surrogates/fit", new { kind, points, values, lowerBound = new[] { -5.0, 0 }, upperBound = new[] { 10.0, 15 }, lowFidelity });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("model").Clone();
    }

    private async Task<double[]> PredictAsync(JsonElement model, params double[][] points)
    {
        var response = await factory.Rest.PostAsJsonAsync("/v1/surrogates/predict", new { model, points });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("values").Vector();
    }
}

/// <summary>A heavy model past its timeout answers ModelTimeout instead of hanging.</summary>
public class UmBridgeTimeoutTests(ShortTimeoutUmBridgeFactory factory) : IClassFixture<ShortTimeoutUmBridgeFactory>
{
    [Fact]
    public async Task A_wave_run_past_the_heavy_timeout_is_ModelTimeout()
    {
        // 255² × 20 000 steps is seconds of solver at least; the heavy timeout is 1 s.
        var response = await factory.Protocol.PostAsJsonAsync("/Evaluate", new
        {
            name = "acoustic2d", input = new[] { new[] { 1.0, 1, 20, 20, 1 } }, config = new { steps = 20_000, traceEvery = 100 },
        });
        Assert.Contains("1 s", await UmBridgeClient.Error(response, HttpStatusCode.GatewayTimeout, "ModelTimeout"), StringComparison.Ordinal);
    }
}
