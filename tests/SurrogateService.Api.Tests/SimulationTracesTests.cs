using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Receivers on the simulation route: traces in JSON beside the snapshots, alone, and as .npy.</summary>
public class SimulationTracesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Route = "/v1/simulations/acoustic2d";

    // dx = 30/22, dy = 0.4: (15, 8) is grid point (11, 20) and (0, 0) the corner; (7.7, 3.3) lies between points.
    private const string Run =
        """ "nx":23,"ny":41,"lx":30,"ly":16,"bulkModulus":2,"density":0.5,"steps":30,"cflFactor":3,"pulse":{"centre":[12,7],"width":2.5},"receivers":[[15,8],[0,0],[7.7,3.3]] """;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_trace_at_a_grid_point_is_that_point_of_every_snapshot()
    {
        var body = await OkJson($$"""{{{Run}},"snapshotEvery":5,"traceEvery":5}""");
        Assert.Equal(6, body.Frames.Count);
        var traces = body.Traces!;
        Assert.Equal(5, traces.Every);
        Assert.Equal([[15.0, 8], [0, 0], [7.7, 3.3]], traces.Receivers);
        Assert.Equal(body.Frames.Select(f => f.Pressure[20][11]), traces.Values[0]);
        Assert.Equal(body.Frames.Select(f => f.Pressure[0][0]), traces.Values[1]);
        Assert.Equal(6, traces.Values[2].Length);
    }

    [Fact]
    public async Task Traces_alone_come_without_frames_sampled_every_step_by_default()
    {
        var alone = await OkJson($$"""{{{Run}},"snapshots":false}""");
        Assert.Empty(alone.Frames);
        Assert.Equal(1, alone.Traces!.Every);
        Assert.All(alone.Traces.Values, v => Assert.Equal(30, v.Length));

        var withSnapshots = await OkJson($$"""{{{Run}},"snapshotEvery":10}""");
        Assert.Equal(withSnapshots.Traces!.Values, alone.Traces.Values);
        Assert.Null((await OkJson($$"""{"nx":23,"ny":41,"steps":10}""")).Traces);
    }

    [Fact]
    public async Task Npy_traces_are_one_float64_array_of_receivers_by_samples()
    {
        var json = await OkJson($$"""{{{Run}},"snapshots":false,"traceEvery":3}""");
        var response = await _client.PostAsync(Route, JsonBody.Of($$"""{{{Run}},"snapshots":false,"traceEvery":3,"format":"npy"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var npy = NpyFile.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("<f8", npy.Descr);
        Assert.Equal([3, 10], npy.Shape);
        Assert.Equal(json.Traces!.Values.SelectMany(v => v), npy.Values);
    }

    [Theory]
    [InlineData("""{"receivers":[[50,1]]}""", "receivers[0]")]
    [InlineData("""{"receivers":[[1]]}""", "receivers[0]")]
    [InlineData("""{"receivers":[]}""", "receivers")]
    [InlineData("""{"traceEvery":2}""", "traceEvery")]
    [InlineData("""{"receivers":[[1,1]],"steps":10,"traceEvery":11}""", "traceEvery")]
    [InlineData("""{"snapshots":false}""", "snapshots")]
    [InlineData("""{"receivers":[[1,1]],"format":"npy"}""", "snapshots")]
    [InlineData("""{"receivers":[[1,1]],"snapshots":false,"format":"png"}""", "format")]
    [InlineData("""{"receivers":[[1,1]],"format":"gif"}""", "receivers")]
    [InlineData("""{"receivers":[[1,1]],"snapshots":false,"snapshotEvery":5}""", "snapshotEvery")]
    public async Task Bad_receiver_requests_are_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync(Route, JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    private async Task<SimulationResponse> OkJson(string body)
    {
        var response = await _client.PostAsync(Route, JsonBody.Of(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SimulationResponse>())!;
    }
}
