using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// GEKPLS as Bouhlel &amp; Martins (2019, "Gradient-enhanced kriging for high-dimensional problems", Engineering with
/// Computers 35) build it, and SMT's GEKPLS: the gradients never enter a covariance matrix. They give (1) the
/// partial-least-squares directions and (2) extra points a small step from each training point, whose values are
/// first-order Taylor steps y_i + ∇y_i·Δ; KPLS is then fitted to the values alone, n·(1 + m) of them instead of the
/// n·(d + 1) rows of gradient-enhanced Kriging.
/// </summary>
/// <remarks>
/// Directions. The paper fits PLS to first-order Taylor data around every training point and averages the local
/// coefficients. Taylor data are linear, y = y_i + g̃_iᵀΔu (g̃ the gradient in unit-box coordinates), so on a symmetric
/// local design whose columns are orthogonal and equally spread (SMT's Box–Behnken and 2-D factorial designs) the local
/// PLS has a single component, the normalised gradient ĝ_i = g̃_i/‖g̃_i‖, and further ones vanish. To have h directions
/// we take the h principal axes of the local directions, the orthonormal w_k maximising Σ_i (w_kᵀĝ_i)², eigenvectors
/// of M = Σ_i ĝ_iĝ_iᵀ/n (the construction of active subspaces, Constantine, Dow &amp; Wang 2014, on normalised
/// gradients): the first is the direction closest to all the local ones.
/// Extra points. Around each point with a gradient, one step of δ (unit-box length) along each of the first m
/// directions, turned inwards where it would leave the box. δ = 1e-4 is SMT GEKPLS's default delta_x (its option
/// documentation: "Step used in the FOTA", 1e-4), small enough that the Taylor step's error, O(δ²), is far below the
/// value change O(δ), large enough that the correlation of a point with its neighbour stays resolvable in doubles.
/// </remarks>
internal static class TaylorPoints
{
    /// <summary>SMT GEKPLS's default delta_x, as a length in the unit box.</summary>
    public const double Step = 1e-4;

    /// <summary>
    /// Row-major d×h directions (columns orthonormal in the unit box, sorted by importance); fewer than
    /// <paramref name="components"/> columns when the gradients span fewer (all zero: none).
    /// </summary>
    public static double[,] Directions(TrainingSet data, int components)
    {
        ArgumentNullException.ThrowIfNull(data);
        int d = data.Dimension;
        var moment = new double[d * d];
        int counted = 0;
        var scaled = new double[d];
        for (int i = 0; i < data.Count; i++)
        {
            if (data.Gradients![i] is not { } gradient || !UnitBoxGradient(data.Box, gradient, scaled))
                continue;
            counted++;
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                    moment[a * d + b] += scaled[a] * scaled[b];
            }
        }
        if (counted == 0)
            return new double[d, 0];
        for (int k = 0; k < moment.Length; k++)
            moment[k] /= counted;
        var (eigenvalues, vectors) = SymmetricJacobi.Decompose(moment, d);
        double largest = eigenvalues.Length == 0 ? 0 : eigenvalues[0];
        int h = 0;
        // An axis no local direction leans on (to rounding) carries no information: stop there.
        while (h < Math.Min(components, d) && eigenvalues[h] > 1e-12 * largest)
            h++;
        var directions = new double[d, h];
        for (int k = 0; k < h; k++)
        {
            // A deterministic sign: the largest entry positive, so that the extra points do not depend on the solver's sign.
            int largestEntry = 0;
            for (int l = 1; l < d; l++)
            {
                if (Math.Abs(vectors[l * d + k]) > Math.Abs(vectors[largestEntry * d + k]))
                    largestEntry = l;
            }
            double sign = vectors[largestEntry * d + k] < 0 ? -1 : 1;
            for (int l = 0; l < d; l++)
                directions[l, k] = sign * vectors[l * d + k];
        }
        return directions;
    }

    /// <summary>
    /// The training set with, after the given points, m extra points per point with a gradient (in point order, then
    /// direction order): x = x_i ± δ·w·(ub − lb), value y_i + ∇y_i·(x − x_i). No gradients in the result.
    /// </summary>
    public static TrainingSet Augment(TrainingSet data, double[,] directions, int extraPoints)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(directions);
        int n = data.Count, d = data.Dimension;
        var rows = new List<double[]>(n * (1 + extraPoints));
        var values = new List<double>(n * (1 + extraPoints));
        for (int i = 0; i < n; i++)
        {
            rows.Add(data.Points[i].ToArray());
            values.Add(data.Values[i]);
        }
        for (int i = 0; i < n; i++)
        {
            if (data.Gradients![i] is not { } gradient)
                continue;
            for (int k = 0; k < extraPoints; k++)
            {
                var point = data.Points[i].ToArray();
                double sign = FitsInside(data.Box, point, directions, k, 1) || !FitsInside(data.Box, point, directions, k, -1) ? 1 : -1;
                double change = 0;
                for (int l = 0; l < d; l++)
                {
                    // In a corner neither way may fit: the step is cut at the box, and the Taylor value follows the step taken.
                    double moved = Math.Clamp(point[l] + sign * Step * directions[l, k] * (data.Box.Upper[l] - data.Box.Lower[l]), data.Box.Lower[l], data.Box.Upper[l]);
                    change += gradient[l] * (moved - point[l]);
                    point[l] = moved;
                }
                rows.Add(point);
                values.Add(data.Values[i] + change);
            }
        }
        return new TrainingSet(PointSet.FromRows(rows), [.. values], data.Box);
    }

    /// <summary>How many extra points each training point with a gradient gets (the rest have none).</summary>
    public static int[] GroupOf(TrainingSet data, int extraPoints)
    {
        ArgumentNullException.ThrowIfNull(data);
        var groups = new List<int>(Enumerable.Range(0, data.Count));
        for (int i = 0; i < data.Count; i++)
        {
            if (data.Gradients![i] is not null)
                groups.AddRange(Enumerable.Repeat(i, extraPoints));
        }
        return [.. groups];
    }

    private static bool FitsInside(Box box, ReadOnlySpan<double> point, double[,] directions, int k, double sign)
    {
        for (int l = 0; l < point.Length; l++)
        {
            double moved = point[l] + sign * Step * directions[l, k] * (box.Upper[l] - box.Lower[l]);
            if (moved < box.Lower[l] || moved > box.Upper[l])
                return false;
        }
        return true;
    }

    /// <summary>ĝ = g̃/‖g̃‖ with g̃_l = g_l·(ub_l − lb_l); false for a zero gradient.</summary>
    private static bool UnitBoxGradient(Box box, double[] gradient, double[] scaled)
    {
        double norm = 0;
        for (int l = 0; l < scaled.Length; l++)
        {
            scaled[l] = gradient[l] * (box.Upper[l] - box.Lower[l]);
            norm += scaled[l] * scaled[l];
        }
        norm = Math.Sqrt(norm);
        if (!(norm > 0))
            return false;
        for (int l = 0; l < scaled.Length; l++)
            scaled[l] /= norm;
        return true;
    }
}
