using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SkiaSharp;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Tests;

public class SimulationEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Route = "/v1/simulations/acoustic2d";

    // A small run with every physical setting away from its default: non-square cells, an
    // off-centre wide pulse, k ≠ ρ ≠ 1, and two threads on the server (one in the reference).
    private const string SmallRun =
        """ "nx":23,"ny":41,"lx":30,"ly":16,"bulkModulus":2,"density":0.5,"steps":30,"snapshotEvery":10,"cflFactor":3,"pulse":{"centre":[12,7],"width":2.5},"threads":2 """;

    private static readonly AcousticWaveSettings SmallSettings = new()
    {
        Nx = 23, Ny = 41, Lx = 30, Ly = 16, BulkModulus = 2, Density = 0.5, Steps = 30, SnapshotEvery = 10,
        CflFactor = 3, PulseCentre = (12, 7), PulseWidth = 2.5, Threads = 1,
    };

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Json_frames_equal_the_solver_s_to_the_bit()
    {
        var response = await _client.PostAsync(Route, JsonBody.Of($"{{{SmallRun}}}"));
        var body = await response.Content.ReadFromJsonAsync<SimulationResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var (dx, dy, dt, frames) = Reference(SmallSettings);
        Assert.Equal((dx, dy, dt), (body!.Dx, body.Dy, body.Dt));
        Assert.Equal(frames.Select(f => f.Step), body.Frames.Select(f => f.Step));
        Assert.Equal(frames.Select(f => f.Time), body.Frames.Select(f => f.Time));
        for (int f = 0; f < frames.Count; f++)
            Assert.Equal(Rows(frames[f].Pressure, 23, 41, stride: 1), body.Frames[f].Pressure);
    }

    [Fact]
    public async Task Stride_keeps_every_stride_th_point_of_every_stride_th_row()
    {
        var response = await _client.PostAsync(Route, JsonBody.Of($$"""{{{SmallRun}},"stride":3}"""));
        var body = await response.Content.ReadFromJsonAsync<SimulationResponse>();

        var last = Reference(SmallSettings).Frames[^1];
        var pressure = body!.Frames[^1].Pressure;
        Assert.Equal(14, pressure.Length);      // rows 0, 3, …, 39
        Assert.All(pressure, row => Assert.Equal(8, row.Length)); // columns 0, 3, …, 21
        Assert.Equal(Rows(last.Pressure, 23, 41, stride: 3), pressure);
    }

    [Fact]
    public async Task Npy_is_one_float32_array_of_shape_frames_ny_nx()
    {
        var response = await _client.PostAsync(Route, JsonBody.Of($$"""{{{SmallRun}},"format":"npy"}"""));
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        var npy = NpyFile.Parse(bytes);

        Assert.Equal("application/x-npy", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("acoustic2d.npy", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal(("<f4", false), (npy.Descr, npy.FortranOrder));
        Assert.Equal([3, 41, 23], npy.Shape);
        var expected = Reference(SmallSettings).Frames.SelectMany(f => f.Pressure).Select(p => (double)(float)p);
        Assert.Equal(expected, npy.Values);
    }

    [Fact]
    public async Task Npy_from_the_Accept_header_in_float64_with_a_stride()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = JsonBody.Of($$"""{{{SmallRun}},"precision":"float64","stride":2}""") };
        request.Headers.Accept.ParseAdd("image/gif;q=0.5, application/x-npy");
        var response = await _client.SendAsync(request);
        var npy = NpyFile.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("<f8", npy.Descr);
        Assert.Equal([3, 21, 12], npy.Shape);
        var expected = Reference(SmallSettings).Frames.SelectMany(f => Rows(f.Pressure, 23, 41, stride: 2).SelectMany(row => row));
        Assert.Equal(expected, npy.Values);
    }

    [Fact]
    public async Task Format_field_wins_over_the_Accept_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = JsonBody.Of($$"""{{{SmallRun}},"format":"json"}""") };
        request.Headers.Accept.ParseAdd("image/gif");
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Gif_decodes_to_every_frame_in_viridis_on_a_fixed_scale()
    {
        var response = await _client.PostAsync(Route, JsonBody.Of($$"""{{{SmallRun}},"format":"gif"}"""));
        var gif = GifAnimation.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("image/gif", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("acoustic2d.gif", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal((23, 41), (gif.Width, gif.Height));
        Assert.True(gif.LoopsForever);
        var reference = Reference(SmallSettings);
        double amplitude = InitialAmplitude(SmallSettings);
        Assert.Equal(reference.Frames.Count, gif.Frames.Count);
        for (int f = 0; f < gif.Frames.Count; f++)
            Assert.Equal(ExpectedColours(reference.Frames[f].Pressure, 23, 41, 1, amplitude), gif.Frames[f].Pixels);
    }

    [Fact]
    public async Task Gif_of_a_larger_grid_survives_table_resets()
    {
        // 255² pixels: the LZW table fills (4096 codes) and restarts many times per frame.
        var response = await _client.PostAsync(Route, JsonBody.Of("""{"steps":40,"snapshotEvery":20,"format":"gif"}"""));
        var gif = GifAnimation.Read(await response.Content.ReadAsByteArrayAsync());

        var settings = new AcousticWaveSettings { Steps = 40, SnapshotEvery = 20, Threads = 1 };
        var reference = Reference(settings);
        Assert.Equal(2, gif.Frames.Count);
        Assert.Equal(ExpectedColours(reference.Frames[1].Pressure, 255, 255, 1, InitialAmplitude(settings)), gif.Frames[1].Pixels);
    }

    [Fact]
    public async Task Png_draws_the_last_frame_by_default_and_any_frame_on_request()
    {
        var last = PngImage.Read(await (await _client.PostAsync(Route, JsonBody.Of($$"""{{{SmallRun}},"format":"png"}"""))).Content.ReadAsByteArrayAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = JsonBody.Of($$"""{{{SmallRun}},"frame":0,"stride":2}""") };
        request.Headers.Accept.ParseAdd("image/png");
        var response = await _client.SendAsync(request);
        var first = PngImage.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var reference = Reference(SmallSettings);
        double amplitude = InitialAmplitude(SmallSettings);
        Assert.Equal((23, 41, 8, 3), (last.HeaderWidth, last.HeaderHeight, last.BitDepth, last.ColorType));
        Assert.Equal(ExpectedColours(reference.Frames[^1].Pressure, 23, 41, 1, amplitude), last.Pixels);
        Assert.Equal((12, 21), (first.Width, first.Height));
        Assert.Equal(ExpectedColours(reference.Frames[0].Pressure, 23, 41, 2, amplitude), first.Pixels);
        Assert.True(first.DistinctColours() > 10, "the pulse should show as many colours");
    }

    [Fact]
    public async Task Frames_stream_out_while_the_run_is_still_going()
    {
        var logs = new CapturedLogs();
        using var host = WithLogs(logs);
        var client = host.CreateClient();
        // Minutes of work (about 10¹⁰ cell updates) with a frame every 100 steps: the first frame is read
        // while the run is far from its end, whatever the machine's load; then the client leaves.
        const int steps = 9000;
        var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonBody.Of($$"""{"nx":1023,"ny":1023,"steps":{{steps}},"snapshotEvery":100,"format":"npy","threads":2}"""),
        };
        bool finishedBeforeFirstFrame;
        using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[128 + 1023 * 1023 * sizeof(float)]);
            finishedBeforeFirstFrame = logs.Events.Any(IsFinish);
        }

        Assert.False(finishedBeforeFirstFrame, "the first frame should arrive while the run is still going");
        await Condition.WaitUntil(() => logs.Events.Any(IsAbandoned), "the run stops when the client leaves");
        Assert.DoesNotContain(logs.Events, IsFinish);
    }

    [Fact]
    public async Task A_client_that_disconnects_stops_the_run_without_an_error()
    {
        var logs = new CapturedLogs();
        using var host = WithLogs(logs);
        var client = host.CreateClient();
        const int steps = 9000; // minutes of work if nobody stopped it
        var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonBody.Of($$"""{"nx":1023,"ny":1023,"steps":{{steps}},"snapshotEvery":{{steps}},"format":"npy"}"""),
        };
        using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[128]);
        }

        await Condition.WaitUntil(() => logs.Events.Any(IsAbandoned), "the run stops when the client leaves");

        var abandoned = Assert.Single(logs.Events, IsAbandoned);
        int taken = int.Parse(abandoned.Properties["Taken"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(taken, 0, steps - 1);
        Assert.DoesNotContain(logs.Events, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(logs.Events, IsFinish);
    }

    [Fact]
    public async Task A_run_past_the_heavy_request_timeout_stops_and_cuts_the_response()
    {
        var logs = new CapturedLogs();
        using var host = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Limits:HeavyRequestTimeoutSeconds", "1")
            .ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(logs)));
        var client = host.CreateClient();
        const int steps = 9000; // minutes of work: only the timeout can end it before the test's client gives up

        // The headers went out with the npy header, so the cut shows as a broken body.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.PostAsync(Route,
            JsonBody.Of($$"""{"nx":1023,"ny":1023,"steps":{{steps}},"snapshotEvery":{{steps}},"format":"npy"}""")));
        await Condition.WaitUntil(() => logs.Events.Any(IsAbandoned), "the timed-out run stops");
        var stopped = Assert.Single(logs.Events, IsAbandoned);
        Assert.InRange(int.Parse(stopped.Properties["Taken"].ToString(), System.Globalization.CultureInfo.InvariantCulture), 0, steps - 1);
        Assert.DoesNotContain(logs.Events, e => e.Level >= LogEventLevel.Error);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"nx":2}""", "nx" },
        { """{"ny":0}""", "ny" },
        { """{"nx":4097,"ny":4097,"steps":1}""", "nx" },
        { """{"lx":0}""", "lx" },
        { """{"ly":-3}""", "ly" },
        { """{"lx":NaN}""", "lx" },
        { """{"bulkModulus":0}""", "bulkModulus" },
        { """{"density":-1}""", "density" },
        { """{"steps":0}""", "steps" },
        { """{"nx":4096,"ny":4096,"steps":1200,"snapshotEvery":1200}""", "steps" },
        { """{"nx":3,"ny":20000,"steps":30000,"snapshotEvery":30000}""", "steps" },
        { """{"steps":100,"snapshotEvery":0}""", "snapshotEvery" },
        { """{"steps":100,"snapshotEvery":101}""", "snapshotEvery" },
        { """{"nx":4096,"ny":4096,"steps":100,"snapshotEvery":10}""", "snapshotEvery" },
        { """{"nx":3,"ny":3,"steps":1000000,"snapshotEvery":1,"format":"npy"}""", "snapshotEvery" },
        { """{"cflFactor":1.41}""", "cflFactor" },
        { """{"nx":101,"ny":11,"lx":10,"ly":10,"cflFactor":1.0}""", "cflFactor" },
        { """{"pulse":{"width":0}}""", "pulse.width" },
        { """{"pulse":{"centre":[41,1]}}""", "pulse.centre" },
        { """{"pulse":{"centre":[1,-0.5]}}""", "pulse.centre" },
        { """{"pulse":{"centre":[1]}}""", "pulse.centre" },
        { """{"threads":0}""", "threads" },
        { """{"threads":65}""", "threads" },
        { """{"format":"bmp"}""", "format" },
        { """{"stride":0}""", "stride" },
        { """{"format":"npy","precision":"float16"}""", "precision" },
        { """{"format":"json","precision":"float64"}""", "precision" },
        { """{"format":"gif","frame":3}""", "frame" },
        { """{"format":"png","steps":100,"snapshotEvery":10,"frame":10}""", "frame" },
        { """{"format":"png","frame":-1}""", "frame" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_simulation_request_is_a_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync(Route, JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("""{"nx":4097,"ny":4097,"steps":1}""", "nx", "16777216")]
    [InlineData("""{"nx":4096,"ny":4096,"steps":1200,"snapshotEvery":1200}""", "steps", "20000000000")]
    [InlineData("""{"nx":4096,"ny":4096,"steps":100,"snapshotEvery":10}""", "snapshotEvery", "100000000")]
    [InlineData("""{"cflFactor":1.41}""", "cflFactor", "1.414213562373095")]
    public async Task Over_a_cap_the_message_states_the_cap(string body, string field, string cap)
    {
        var response = await _client.PostAsync(Route, JsonBody.Of(body));
        string message = await ProblemAssert.ErrorMessageAsync(response, field);
        Assert.Contains(cap, message, StringComparison.Ordinal);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithLogs(ILogEventSink sink) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(sink)));

    private static bool IsFinish(LogEvent e) => e.MessageTemplate.Text.StartsWith("Wave {Nx}", StringComparison.Ordinal);

    private static bool IsAbandoned(LogEvent e) => e.MessageTemplate.Text.StartsWith("Wave run stopped", StringComparison.Ordinal);

    /// <summary>The solver run directly: spacing, time step and a copy of every snapshot.</summary>
    private static (double Dx, double Dy, double Dt, List<(int Step, double Time, double[] Pressure)> Frames) Reference(AcousticWaveSettings settings)
    {
        using var wave = new AcousticWave2D(settings);
        var frames = wave.Snapshots().Select(f => (f.Step, f.Time, f.Pressure.ToArray())).ToList();
        return (wave.Dx, wave.Dy, wave.Dt, frames);
    }

    private static double InitialAmplitude(AcousticWaveSettings settings)
    {
        using var wave = new AcousticWave2D(settings);
        return wave.Pressure.ToArray().Max(Math.Abs);
    }

    private static double[][] Rows(double[] pressure, int nx, int ny, int stride) =>
        Enumerable.Range(0, (ny - 1) / stride + 1)
            .Select(r => Enumerable.Range(0, (nx - 1) / stride + 1).Select(c => pressure[r * stride * nx + c * stride]).ToArray())
            .ToArray();

    /// <summary>
    /// The colour ScottPlot's viridis gives every thinned point on the scale ±amplitude, top image
    /// row = largest y: the wave images must agree with the figures value for value.
    /// </summary>
    private static SKColor[] ExpectedColours(double[] pressure, int nx, int ny, int stride, double amplitude)
    {
        var viridis = new ScottPlot.Colormaps.Viridis();
        var rows = Rows(pressure, nx, ny, stride);
        int width = rows[0].Length, height = rows.Length;
        var colours = new SKColor[width * height];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
            {
                var colour = viridis.GetColor(Math.Clamp((rows[r][c] + amplitude) / (2 * amplitude), 0, 1));
                colours[(height - 1 - r) * width + c] = new SKColor(colour.R, colour.G, colour.B);
            }
        return colours;
    }
}
