using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;

namespace SurrogateService.Api.Endpoints;

/// <summary>Simulations: the 2-D acoustic wave of ParallelStencil's acoustic2D miniapp, streamed as snapshots.</summary>
public static class SimulationsEndpoints
{
    public static RouteGroupBuilder MapSimulations(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/simulations").WithTags("Simulations");
        group.MapPost("/acoustic2d", Acoustic2D)
            .WithName("simulateAcoustic2d")
            .WithSummary("Runs the 2-D acoustic wave and streams its snapshots as JSON, .npy, a PNG of one frame or an animated GIF.")
            .WithDescription(
                "Staggered-grid velocity–pressure scheme with rigid walls, started from a Gaussian pressure pulse. " +
                "A snapshot is taken every `snapshotEvery` steps (steps snapshotEvery, 2·snapshotEvery, … ≤ steps). " +
                "The format comes from `format`, else from the Accept header (application/json, application/x-npy, image/png, image/gif), else JSON. " +
                "JSON: `{ dx, dy, dt, frames: [{ step, time, pressure }] }` with `pressure[j][i]` at x = i·stride·dx, y = j·stride·dy. " +
                "npy: one float32 (or `precision: float64`) array of shape (frames, ny, nx). " +
                "png: frame `frame` (default the last); gif: every frame. Images use viridis on the fixed scale ±max|P| of the initial pulse, y upwards. " +
                "`threads` (1–64) defaults to every core; more than the machine's cores are not used. " +
                "Frames are written as they are computed; closing the connection stops the run.")
            .Accepts<SimulationRequest>("application/json")
            .Produces<SimulationResponse>(StatusCodes.Status200OK, "application/json")
            .WithMetadata(new BinaryResponses("application/x-npy", "image/png", "image/gif"))
            .AsHeavyWork()
            .RunsAsJob(SimulationJob.KindName);
        return group;
    }

    private static IResult Acoustic2D(SimulationRequest request, HttpRequest http, IOptions<LimitsOptions> limits)
    {
        var errors = new RequestErrors();
        var plan = SimulationRequestReader.Read(request, http.Headers.Accept.OfType<string>().ToList(), limits.Value, errors);
        return plan is null ? errors.ToProblem() : new SimulationStreamResult(plan);
    }
}
