using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SurrogateService.Api.Tests.UmBridge;

/// <summary>
/// The protocol spoken to the running service on its own port: messages and shapes of the UM-Bridge
/// protocol document (docs/source/umbridge/lib.md) for the benchmark functions.
/// </summary>
public class UmBridgeProtocolTests(UmBridgeFactory factory) : IClassFixture<UmBridgeFactory>
{
    private readonly HttpClient _client = factory.Protocol;

    [Fact]
    public async Task Info_gives_protocol_version_1_and_every_model()
    {
        var info = JsonDocument.Parse(await _client.GetStringAsync("/Info")).RootElement;
        Assert.Equal(1.0, info.GetProperty("protocolVersion").GetDouble());
        var models = info.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ToArray();
        Assert.Contains("branin", models);
        Assert.Contains("waveSource", models);
        Assert.Contains("acoustic2d", models);
        Assert.Contains("surrogate", models);
        Assert.Equal(2, info.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("branin", true)]
    [InlineData("sphere", true)]
    [InlineData("ackley", false)]
    [InlineData("waveSource", false)]
    [InlineData("acoustic2d", false)]
    [InlineData("surrogate", true)]
    public async Task ModelInfo_announces_what_each_model_supports(string name, bool gradient)
    {
        var support = (await _client.Ok("/ModelInfo", new { name })).GetProperty("support");
        Assert.True(support.GetProperty("Evaluate").GetBoolean());
        Assert.Equal(gradient, support.GetProperty("Gradient").GetBoolean());
        Assert.Equal(gradient, support.GetProperty("ApplyJacobian").GetBoolean());
        Assert.False(support.GetProperty("ApplyHessian").GetBoolean());
    }

    [Fact]
    public async Task Sizes_follow_the_dimension_in_config()
    {
        Assert.Equal(new[] { 2 }, (await _client.Ok("/InputSizes", new { name = "branin", config = new { } })).GetProperty("inputSizes").Sizes());
        Assert.Equal(new[] { 1 }, (await _client.Ok("/OutputSizes", new { name = "branin" })).GetProperty("outputSizes").Sizes());
        Assert.Equal(new[] { 7 }, (await _client.Ok("/InputSizes", new { name = "rosenbrock", config = new { dimension = 7 } })).GetProperty("inputSizes").Sizes());
    }

    [Fact]
    public async Task Branin_evaluates_to_its_minimum_and_its_gradient_vanishes_there()
    {
        var output = (await _client.Ok("/Evaluate", new { name = "branin", input = new[] { new[] { Math.PI, 2.275 } }, config = new { } })).GetProperty("output");
        Assert.Equal(5 / (4 * Math.PI), Assert.Single(Assert.Single(output.EnumerateArray()).Vector()), 1e-12);

        var gradient = (await _client.Ok("/Gradient", new { name = "branin", input = new[] { new[] { Math.PI, 2.275 } }, inWrt = 0, outWrt = 0, sens = new[] { 1.0 } }))
            .GetProperty("output").Vector();
        Assert.Equal(2, gradient.Length);
        Assert.All(gradient, g => Assert.Equal(0, g, 1e-10));
    }

    [Fact]
    public async Task Gradient_and_ApplyJacobian_of_the_sphere_are_2x_scaled()
    {
        // f = Σx², ∇f = 2x: Gradient = sens·2x, ApplyJacobian = 2x·vec.
        double[] x = [1, -2, 0.5];
        var gradient = (await _client.Ok("/Gradient", new { name = "sphere", input = new[] { x }, inWrt = 0, outWrt = 0, sens = new[] { 3.0 }, config = new { dimension = 3 } }))
            .GetProperty("output").Vector();
        Assert.Equal([6.0, -12, 3], gradient);
        var product = (await _client.Ok("/ApplyJacobian", new { name = "sphere", input = new[] { x }, inWrt = 0, outWrt = 0, vec = new[] { 1.0, 1, 1 }, config = new { dimension = 3 } }))
            .GetProperty("output").Vector();
        Assert.Equal([2 * (1 - 2 + 0.5)], product);
    }

    [Fact]
    public async Task The_source_location_problem_is_zero_at_the_documented_reference_source()
    {
        var output = (await _client.Ok("/Evaluate", new { name = "waveSource", input = new[] { new[] { 6.3, 3.7 } } })).GetProperty("output");
        Assert.Equal(0, Assert.Single(Assert.Single(output.EnumerateArray()).Vector()));
    }

    [Fact]
    public async Task An_unknown_model_is_ModelNotFound_on_every_endpoint()
    {
        foreach (var endpoint in new[] { "/InputSizes", "/OutputSizes", "/ModelInfo", "/Evaluate", "/Gradient", "/ApplyJacobian", "/ApplyHessian" })
        {
            var message = await _client.Error(endpoint, new { name = "wrong_model_name" }, HttpStatusCode.BadRequest, "ModelNotFound");
            Assert.Contains("branin", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Wrong_input_sizes_and_indices_are_InvalidInput()
    {
        Assert.Contains("length 3", await _client.Error("/Evaluate", new { name = "branin", input = new[] { new[] { 0.0, 0, 0 } } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("input vector", await _client.Error("/Evaluate", new { name = "branin", input = new[] { new[] { 0.0, 0 }, [1.0] } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("input is required", await _client.Error("/Evaluate", new { name = "branin" }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("inWrt", await _client.Error("/Gradient", new { name = "branin", input = new[] { new[] { 0.0, 0 } }, inWrt = 1, outWrt = 0, sens = new[] { 1.0 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("outWrt", await _client.Error("/Gradient", new { name = "branin", input = new[] { new[] { 0.0, 0 } }, inWrt = 0, outWrt = 1, sens = new[] { 1.0 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("sens", await _client.Error("/Gradient", new { name = "branin", input = new[] { new[] { 0.0, 0 } }, inWrt = 0, outWrt = 0, sens = new[] { 1.0, 2 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("vec", await _client.Error("/ApplyJacobian", new { name = "branin", input = new[] { new[] { 0.0, 0 } }, inWrt = 0, outWrt = 0, vec = new[] { 1.0 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("config.dimension", await _client.Error("/InputSizes", new { name = "rosenbrock", config = new { dimension = 0 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
        Assert.Contains("config.dimension", await _client.Error("/InputSizes", new { name = "branin", config = new { dimension = 2 } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_bodies_and_non_finite_values_are_InvalidInput()
    {
        var malformed = await _client.PostAsync("/Evaluate", Infrastructure.JsonBody.Of("""{"name":"branin","input":[[1,"""));
        await UmBridgeClient.Error(malformed, HttpStatusCode.BadRequest, "InvalidInput");
        var nan = await _client.PostAsync("/Evaluate", Infrastructure.JsonBody.Of("""{"name":"branin","input":[[NaN,1]]}"""));
        await UmBridgeClient.Error(nan, HttpStatusCode.BadRequest, "InvalidInput");
        var text = await _client.PostAsync("/Evaluate", Infrastructure.JsonBody.Of("""{"name":"branin","input":[["1",1]]}"""));
        await UmBridgeClient.Error(text, HttpStatusCode.BadRequest, "InvalidInput");
        // Far outside its domain Rosenbrock overflows: an error, never a wrong number.
        Assert.Contains("not finite", await _client.Error("/Evaluate", new { name = "rosenbrock", input = new[] { new[] { 1e200, 1e200 } } }, HttpStatusCode.BadRequest, "InvalidInput"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_features_are_UnsupportedFeature()
    {
        Assert.Contains("ApplyHessian", await _client.Error("/ApplyHessian", new { name = "branin" }, HttpStatusCode.BadRequest, "UnsupportedFeature"), StringComparison.Ordinal);
        Assert.Contains("Gradient", await _client.Error("/Gradient", new { name = "ackley" }, HttpStatusCode.BadRequest, "UnsupportedFeature"), StringComparison.Ordinal);
        Assert.Contains("ApplyJacobian", await _client.Error("/ApplyJacobian", new { name = "acoustic2d" }, HttpStatusCode.BadRequest, "UnsupportedFeature"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_REST_port_does_not_speak_the_protocol()
    {
        var rest = factory.Rest;
        Assert.Equal(HttpStatusCode.NotFound, (await rest.GetAsync("/Info")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rest.PostAsJsonAsync("/Evaluate", new { name = "branin" })).StatusCode);
        // …and the protocol port serves nothing of the REST API.
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/v1/functions")).StatusCode);
    }
}
