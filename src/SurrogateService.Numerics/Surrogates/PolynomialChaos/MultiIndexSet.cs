namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The multi-indices α ∈ ℕ^d of a truncated polynomial chaos basis: total degree |α| ≤ p, optionally
/// with hyperbolic truncation (Σ α_i^q)^{1/q} ≤ p, 0 &lt; q ≤ 1, which keeps the main effects and
/// low-order interactions and drops most high-order interactions (Blatman &amp; Sudret 2011, J. Comput.
/// Phys. 230:2345–2367, §4.2). Ordered by total degree, the constant first; within a degree in
/// lexicographic order with the first coordinate's degree largest first.
/// </summary>
internal static class MultiIndexSet
{
    /// <summary>Slack for the q-norm test, so that a term exactly on the boundary stays in despite round-off.</summary>
    private const double BoundaryTolerance = 1e-9;

    /// <summary>
    /// The multi-indices, row-major (count × d), or null when there would be more than
    /// <paramref name="maximumCount"/> of them (the enumeration stops there, so huge sets cost nothing).
    /// </summary>
    public static int[]? Create(int dimension, int degree, double qNorm, int maximumCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        if (!(qNorm > 0 && qNorm <= 1))
            throw new ArgumentOutOfRangeException(nameof(qNorm), qNorm, "Must lie in (0, 1].");
        var byDegree = new List<int[]>[degree + 1];
        for (int k = 0; k <= degree; k++)
            byDegree[k] = [];
        var current = new int[dimension];
        int count = 0;
        double budget = Math.Pow(degree, qNorm) * (1 + BoundaryTolerance);
        if (!Enumerate(0, 0, 0))
            return null;
        var result = new int[count * dimension];
        int row = 0;
        foreach (var level in byDegree)
        {
            foreach (var alpha in level)
                alpha.CopyTo(result, dimension * row++);
        }
        return result;

        // Depth-first over coordinates; a prefix whose q-sum already exceeds the budget is pruned,
        // so the work is proportional to the accepted terms times d, not to C(d + p, p).
        bool Enumerate(int coordinate, int totalDegree, double qSum)
        {
            if (coordinate == dimension)
            {
                if (++count > maximumCount)
                    return false;
                byDegree[totalDegree].Add((int[])current.Clone());
                return true;
            }
            for (int a = degree - totalDegree; a >= 0; a--)
            {
                double sum = qSum + (a == 0 ? 0 : Math.Pow(a, qNorm));
                if (sum > budget)
                    continue;
                current[coordinate] = a;
                if (!Enumerate(coordinate + 1, totalDegree + a, sum))
                    return false;
            }
            current[coordinate] = 0;
            return true;
        }
    }
}
