using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Maximin improvement of a design by coordinate swaps: each iteration swaps one column's values
/// between a point of the closest pair and a random other point, and keeps the swap only if the
/// smallest pairwise distance does not decrease. Swaps within a column keep a Latin hypercube Latin.
/// </summary>
/// <remarks>
/// Only a swap that moves a point of the closest pair can enlarge the minimum, so the first point
/// is drawn from that pair. Each point's nearest neighbour is tracked, so an iteration costs
/// O(n·d) instead of recomputing all n² distances.
/// </remarks>
internal static class MaximinSwaps
{
    public static void Improve(PointSet points, int iterations, DeterministicRandom random)
    {
        int n = points.Count;
        int d = points.Dimension;
        // With two points a swap only exchanges their coordinates and their distance stays put.
        if (n < 3)
            return;
        var coordinates = points.Data;
        var nearest = new double[n];
        var nearestIndex = new int[n];
        for (int k = 0; k < n; k++)
            FindNearest(coordinates, n, d, k, nearest, nearestIndex);
        var toA = new double[n];
        var toB = new double[n];

        for (int iteration = 0; iteration < iterations; iteration++)
        {
            int closest = ArgMin(nearest);
            double minimum = nearest[closest];
            int a = random.NextInt(2) == 0 ? closest : nearestIndex[closest];
            int b = random.NextInt(n - 1);
            if (b >= a)
                b++;
            int column = random.NextInt(d);

            Swap(coordinates, d, a, b, column);
            // The distance between a and b does not change; every other pair touching a or b must stay ≥ minimum.
            if (!DistancesAtLeast(coordinates, n, d, a, b, minimum, toA) || !DistancesAtLeast(coordinates, n, d, b, a, minimum, toB))
            {
                Swap(coordinates, d, a, b, column);
                continue;
            }
            double between = SquaredDistance(coordinates, d, a, b);
            UpdateNearest(a, b, between, toA, nearest, nearestIndex);
            UpdateNearest(b, a, between, toB, nearest, nearestIndex);
            for (int k = 0; k < n; k++)
            {
                if (k == a || k == b)
                    continue;
                if (nearestIndex[k] == a || nearestIndex[k] == b)
                {
                    // Its nearest neighbour moved, maybe away: look again.
                    FindNearest(coordinates, n, d, k, nearest, nearestIndex);
                }
                else if (toA[k] < nearest[k] || toB[k] < nearest[k])
                {
                    bool aCloser = toA[k] <= toB[k];
                    nearest[k] = aCloser ? toA[k] : toB[k];
                    nearestIndex[k] = aCloser ? a : b;
                }
            }
        }
    }

    /// <summary>Fills squared distances from <paramref name="from"/> to every point but
    /// <paramref name="other"/>; false as soon as one is below <paramref name="minimum"/>.</summary>
    private static bool DistancesAtLeast(Span<double> coordinates, int n, int d, int from, int other, double minimum, double[] distances)
    {
        for (int k = 0; k < n; k++)
        {
            if (k == from || k == other)
                continue;
            distances[k] = SquaredDistance(coordinates, d, from, k);
            if (distances[k] < minimum)
                return false;
        }
        return true;
    }

    private static void UpdateNearest(int point, int partner, double between, double[] distances, double[] nearest, int[] nearestIndex)
    {
        nearest[point] = between;
        nearestIndex[point] = partner;
        for (int k = 0; k < distances.Length; k++)
        {
            if (k != point && k != partner && distances[k] < nearest[point])
            {
                nearest[point] = distances[k];
                nearestIndex[point] = k;
            }
        }
    }

    private static void FindNearest(Span<double> coordinates, int n, int d, int point, double[] nearest, int[] nearestIndex)
    {
        nearest[point] = double.PositiveInfinity;
        for (int k = 0; k < n; k++)
        {
            if (k == point)
                continue;
            double distance = SquaredDistance(coordinates, d, point, k);
            if (distance < nearest[point])
            {
                nearest[point] = distance;
                nearestIndex[point] = k;
            }
        }
    }

    private static int ArgMin(double[] values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] < values[best])
                best = k;
        }
        return best;
    }

    private static void Swap(Span<double> coordinates, int d, int a, int b, int column) =>
        (coordinates[a * d + column], coordinates[b * d + column]) = (coordinates[b * d + column], coordinates[a * d + column]);

    private static double SquaredDistance(Span<double> coordinates, int d, int a, int b)
    {
        ReadOnlySpan<double> x = coordinates.Slice(a * d, d);
        ReadOnlySpan<double> y = coordinates.Slice(b * d, d);
        double sum = 0;
        for (int j = 0; j < d; j++)
        {
            double difference = x[j] - y[j];
            sum += difference * difference;
        }
        return sum;
    }
}
