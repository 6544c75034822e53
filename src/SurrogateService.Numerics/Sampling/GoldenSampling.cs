using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Roberts' R-sequence, the d-dimensional golden-ratio sequence: u_i = frac(i·g_j) for
/// i = 1 … n, with g_j = r^j (j = 1 … d) and r = 1/φ_d, φ_d the real root above 1 of
/// x^(d+1) = x + 1. In 1-D φ_1 is the golden ratio and g_1 = 0.6180339887….
/// </summary>
public sealed class GoldenSampling : ISamplingMethod
{
    public string Name => "golden";

    public string Description =>
        "Golden-ratio (Roberts' R) sequence: frac(i·g) with g_j = φ_d^−j, φ_d the root of x^(d+1) = x + 1. Deterministic.";

    public bool UsesSeed => false;

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public PointSet Sample(int count, Box box, OptionValues options, ulong seed)
    {
        SamplingArguments.Validate(count, box, options);
        double[] generators = Generators(box.Dimension);
        var points = new PointSet(count, box.Dimension);
        KroneckerSampling.Fill(points, generators, shifts: null);
        box.ScaleFromUnitCube(points);
        return points;
    }

    /// <summary>The generators g_j = φ_d^−j, j = 1 … <paramref name="dimension"/>.</summary>
    public static double[] Generators(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        double r = 1 / GeneralisedGoldenRatio(dimension);
        var generators = new double[dimension];
        double power = 1;
        for (int j = 0; j < dimension; j++)
        {
            power *= r;
            generators[j] = power;
        }
        return generators;
    }

    /// <summary>The root above 1 of x^(d+1) = x + 1, by the fixed point x ← (1 + x)^(1/(d+1)),
    /// a contraction there (derivative below 1/2), so it converges from any start ≥ 1.</summary>
    private static double GeneralisedGoldenRatio(int dimension)
    {
        double exponent = 1.0 / (dimension + 1);
        double x = 2;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double next = Math.Pow(1 + x, exponent);
            if (next == x)
                break;
            x = next;
        }
        return x;
    }
}
