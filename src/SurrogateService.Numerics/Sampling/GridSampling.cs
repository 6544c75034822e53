using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Full tensor grid with k levels per dimension, lb + (ub − lb)·i/(k − 1) for i = 0 … k − 1, so
/// the bounds themselves are grid points (k = 1 is the centre of the box). The k^d points come in
/// lexicographic order: the last coordinate varies fastest.
/// </summary>
/// <remarks>
/// The requested count is an upper bound, never exceeded: with <c>pointsPerDimension</c> = 0 the
/// grid takes the largest k with k^d ≤ count (so it may return fewer points than asked); an
/// explicit k must satisfy k^d ≤ count, or the request is rejected.
/// </remarks>
public sealed class GridSampling : ISamplingMethod
{
    public const string PointsPerDimensionOption = "pointsPerDimension";

    public string Name => "grid";

    public string Description =>
        "Full tensor grid including the bounds, k points per dimension, k^d points in all (never more than count; k = largest with k^d ≤ count unless pointsPerDimension is set). Deterministic.";

    public bool UsesSeed => false;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Integer(PointsPerDimensionOption, 0,
            "Points per dimension k (the grid has k^d points, which must not exceed count); 0 = the largest k with k^d ≤ count.",
            0, 1_000_000),
    ];

    public PointSet Sample(int count, Box box, OptionValues options, ulong seed)
    {
        SamplingArguments.Validate(count, box, options);
        int d = box.Dimension;
        int k = options.Integer(PointsPerDimensionOption);
        if (k == 0)
            k = LargestLevels(count, d);
        else if (k < 0 || GridSize(k, d) > count)
            throw new ArgumentException($"{PointsPerDimensionOption} = {k} in {d} dimensions gives more than the {count} points requested.", nameof(options));

        double[] levels = Levels(box, k);
        int total = (int)GridSize(k, d);
        var points = new PointSet(total, d);
        Span<double> data = points.Data;
        // An odometer over the level indices: the last digit turns fastest.
        Span<int> digits = d <= 256 ? stackalloc int[d] : new int[d];
        for (int p = 0; p < total; p++)
        {
            Span<double> row = data.Slice(p * d, d);
            for (int j = 0; j < d; j++)
                row[j] = levels[j * k + digits[j]];
            for (int j = d - 1; j >= 0 && ++digits[j] == k; j--)
                digits[j] = 0;
        }
        return points;
    }

    /// <summary>The largest k with k^d ≤ count (at least 1, as count ≥ 1).</summary>
    private static int LargestLevels(int count, int dimension)
    {
        int k = Math.Max(1, (int)Math.Floor(Math.Pow(count, 1.0 / dimension)));
        // Math.Pow may land one off either way; settle on exact integer powers.
        while (k > 1 && GridSize(k, dimension) > count)
            k--;
        while (GridSize(k + 1, dimension) <= count)
            k++;
        return k;
    }

    /// <summary>k^d, saturated at long.MaxValue so oversized grids compare as too big.</summary>
    private static long GridSize(int k, int dimension)
    {
        long size = 1;
        for (int j = 0; j < dimension && size <= int.MaxValue; j++)
            size *= k;
        return size > int.MaxValue ? long.MaxValue : size;
    }

    /// <summary>The k coordinates of every dimension, dimension-major; the ends are the bounds exactly.</summary>
    private static double[] Levels(Box box, int k)
    {
        var levels = new double[box.Dimension * k];
        for (int j = 0; j < box.Dimension; j++)
        {
            double lower = box.Lower[j];
            double upper = box.Upper[j];
            if (k == 1)
            {
                levels[j] = lower + 0.5 * (upper - lower);
                continue;
            }
            for (int i = 0; i < k; i++)
                levels[j * k + i] = i == k - 1 ? upper : lower + (upper - lower) * i / (k - 1);
        }
        return levels;
    }
}
