using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Waves;

/// <summary>
/// "Where was the source?": the 2-D acoustic wave on a 10 × 10 box (33² grid, k = ρ = 1, pulse
/// width 1.5, 160 steps) recorded by four receivers at (2, 2), (8, 2), (2, 8) and (8, 8), a sample
/// every 2 steps. The input is a source position (x, y) in [1, 9]²; the value is the relative misfit
/// Σ(p − p*)²/Σp*² between its traces and those of the hidden reference source at (6.3, 3.7), which
/// is therefore the global minimum, 0. A source outside the simulated box gives NaN (a failed
/// evaluation), which the optimisation strategies and the REST API treat as such.
/// </summary>
/// <remarks>
/// Each evaluation runs the solver on one thread, (33 + 32)·33·160 ≈ 3.4·10⁵ cell updates (well
/// under a millisecond); callers bound a request's evaluations with <see cref="WorkPerEvaluation"/>.
/// The reference traces come from the same solver with the same settings, so the minimum is exact.
/// </remarks>
public sealed class SourceLocationProblem : IBenchmarkFunction, ICostlyFunction
{
    /// <summary>The hidden reference source; documented so the optimum is known.</summary>
    public static readonly double[] ReferenceSource = [6.3, 3.7];

    private const double Side = 10;

    private static readonly ParametricWaveConfiguration Configuration = new()
    {
        Nx = 33, Ny = 33, Lx = Side, Ly = Side, Steps = 160, TraceEvery = 2, Threads = 1,
        Receivers = [(2, 2), (8, 2), (2, 8), (8, 8)],
    };

    private const double PulseWidth = 1.5;

    private readonly Lazy<double[][]> _reference = new(() => Traces(ReferenceSource[0], ReferenceSource[1]));

    public string Name => "waveSource";

    public string Description =>
        "Locate a source from its traces: relative misfit between the 2-D acoustic wave's traces at four receivers and those of a hidden reference source at (6.3, 3.7) on [1,9]² (10×10 box, 33² grid, 160 steps); minimum 0.";

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 2;

    public long WorkPerEvaluation => ((long)Configuration.Nx + 32) * Configuration.Ny * Configuration.Steps;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return new Box([1, 1], [9, 9]);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(0, [(double[])ReferenceSource.Clone()])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        if (!(x[0] >= 0 && x[0] <= Side && x[1] >= 0 && x[1] <= Side))
            return double.NaN;
        var traces = Traces(x[0], x[1]);
        var reference = _reference.Value;
        double misfit = 0, energy = 0;
        for (int r = 0; r < reference.Length; r++)
        {
            for (int s = 0; s < reference[r].Length; s++)
            {
                double difference = traces[r][s] - reference[r][s];
                misfit += difference * difference;
                energy += reference[r][s] * reference[r][s];
            }
        }
        return misfit / energy;
    }

    private static double[][] Traces(double sourceX, double sourceY)
    {
        using var wave = new AcousticWave2D(Configuration.Settings(1, 1, sourceX, sourceY, PulseWidth));
        wave.Advance(Configuration.Steps);
        var traces = wave.Traces!;
        var result = new double[traces.Count][];
        for (int r = 0; r < traces.Count; r++)
            result[r] = traces.Trace(r).ToArray();
        return result;
    }
}
