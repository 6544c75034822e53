using System.Text.Json;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// The config of <c>acoustic2d</c>: nx, ny, lx, ly, steps, cflFactor, traceEvery, receivers [[x, y], …]
/// and threads, each defaulting to <see cref="ParametricWaveConfiguration"/>'s; the same caps as the
/// REST simulation (Limits:MaxWaveGridCells, MaxWaveCellSteps, and MaxWaveFrameCells for the trace values).
/// </summary>
internal static class WaveConfigReader
{
    public const string ModelName = "acoustic2d";

    /// <summary>More threads than this cannot help on any machine the service runs on (as for the REST simulation).</summary>
    private const int MaxThreads = 64;

    private static readonly string[] Known = ["nx", "ny", "lx", "ly", "steps", "cflFactor", "traceEvery", "receivers", "threads"];

    public static ParametricAcousticWave Read(JsonElement? config, LimitsOptions limits)
    {
        var settings = ConfigObject.Read(config, Known);
        var d = new ParametricWaveConfiguration();
        int nx = settings.Integer("nx", d.Nx, AcousticWaveSettings.MinimumGridSize, int.MaxValue);
        int ny = settings.Integer("ny", d.Ny, AcousticWaveSettings.MinimumGridSize, int.MaxValue);
        int steps = settings.Integer("steps", d.Steps, 1, int.MaxValue);
        int every = settings.Integer("traceEvery", d.TraceEvery, 1, steps);
        int threads = settings.Integer("threads", Math.Min(d.Threads, MaxThreads), 1, MaxThreads);
        var receivers = settings.Pairs("receivers") ?? [.. d.Receivers];
        if (receivers.Length == 0)
            throw UmBridgeError.InvalidInput("config.receivers must name at least one receiver.");

        long cells = (long)nx * ny;
        if (cells > limits.MaxWaveGridCells)
            throw UmBridgeError.InvalidInput($"config.nx × config.ny is {cells}; the limit is {limits.MaxWaveGridCells} (Limits:MaxWaveGridCells).");
        long values = (long)receivers.Length * (steps / every);
        if (values > limits.MaxWaveFrameCells)
            throw UmBridgeError.InvalidInput($"receivers × samples is {values}; the limit is {limits.MaxWaveFrameCells} (Limits:MaxWaveFrameCells). Sample less often (config.traceEvery).");
        var configuration = new ParametricWaveConfiguration
        {
            Nx = nx, Ny = ny, Lx = settings.Positive("lx", d.Lx), Ly = settings.Positive("ly", d.Ly), Steps = steps,
            CflFactor = settings.Positive("cflFactor", d.CflFactor), TraceEvery = every, Receivers = receivers,
            // More threads than cores only take turns on them, as in the REST simulation.
            Threads = Math.Min(threads, Environment.ProcessorCount),
        };
        ParametricAcousticWave model;
        try
        {
            model = new ParametricAcousticWave(configuration);
        }
        catch (ArgumentException ex)
        {
            throw UmBridgeError.InvalidInput($"config: {ex.Message}");
        }
        if (model.WorkPerEvaluation > limits.MaxWaveCellSteps)
            throw UmBridgeError.InvalidInput($"(nx + 32) × ny × steps is {model.WorkPerEvaluation}; the limit is {limits.MaxWaveCellSteps} (Limits:MaxWaveCellSteps).");
        return model;
    }
}
