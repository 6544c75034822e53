using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Tests.Sampling;

/// <summary>Short ways to call a sampling method with named options.</summary>
internal static class SamplingTestHelpers
{
    public static OptionValues OptionsFor(ISamplingMethod method, params (string Name, object Value)[] given) =>
        new(method.Options, given.ToDictionary(g => g.Name, g => g.Value));

    public static PointSet Sample(ISamplingMethod method, int count, double[] lower, double[] upper, ulong seed = 0, params (string Name, object Value)[] given) =>
        method.Sample(count, new Box(lower, upper), OptionsFor(method, given), seed);

    /// <summary>Points in the unit cube [0, 1]^d, where scaling is the identity.</summary>
    public static PointSet SampleUnit(ISamplingMethod method, int count, int dimension, ulong seed = 0, params (string Name, object Value)[] given) =>
        method.Sample(count, Box.Uniform(dimension, 0, 1), OptionsFor(method, given), seed);

    public static double[] Column(PointSet points, int dimension)
    {
        var column = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
            column[i] = points[i][dimension];
        return column;
    }

    /// <summary>True when the values of rows [start, start + 2^k) fall one in each interval [i/2^k, (i+1)/2^k).</summary>
    public static bool OnePerInterval(double[] values, int start, int k)
    {
        int cells = 1 << k;
        var seen = new bool[cells];
        for (int i = start; i < start + cells; i++)
        {
            int cell = (int)Math.Floor(values[i] * cells);
            if (cell < 0 || cell >= cells || seen[cell])
                return false;
            seen[cell] = true;
        }
        return true;
    }

    /// <summary>
    /// True when the first 2^m points, projected on dimensions (x, y), form a (0, m, 2)-net: every
    /// elementary interval [a/2^i, (a+1)/2^i) × [b/2^(m−i), (b+1)/2^(m−i)) holds exactly one point.
    /// </summary>
    public static bool IsZeroNet(PointSet points, int x, int y, int m)
    {
        int total = 1 << m;
        for (int i = 0; i <= m; i++)
        {
            int across = 1 << i;
            int down = 1 << (m - i);
            var seen = new bool[total];
            for (int p = 0; p < total; p++)
            {
                int cell = (int)(points[p][x] * across) * down + (int)(points[p][y] * down);
                if (seen[cell])
                    return false;
                seen[cell] = true;
            }
        }
        return true;
    }

    public static double MinimumDistance(PointSet points)
    {
        double best = double.PositiveInfinity;
        for (int a = 0; a < points.Count; a++)
        {
            for (int b = a + 1; b < points.Count; b++)
            {
                double sum = 0;
                for (int j = 0; j < points.Dimension; j++)
                {
                    double difference = points[a][j] - points[b][j];
                    sum += difference * difference;
                }
                best = Math.Min(best, Math.Sqrt(sum));
            }
        }
        return best;
    }
}
