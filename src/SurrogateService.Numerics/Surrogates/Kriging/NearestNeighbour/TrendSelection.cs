using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>What the trend fit chose, and the held-out errors that chose it.</summary>
public sealed record TrendDiagnostics(int Degree, int Terms, double QNorm, int ValidationPoints, double ValidationRmse, double ConstantValidationRmse,
    IReadOnlyList<double?> ValidationRmseByDegree);

/// <summary>A fitted trend with what chose it.</summary>
internal sealed record TrendChoice(PolynomialTrend Trend, TrendDiagnostics Diagnostics, IReadOnlyList<string> Warnings);

/// <summary>
/// Fits the polynomial trend of nearest-neighbour Kriging by least squares and chooses its degree by held-out
/// validation: a seeded draw of up to <see cref="MaximumValidationPoints"/> points is left out, every degree from 0 (the
/// constant) up to the highest affordable one is fitted to the rest, the degree with the smallest held-out RMSE wins and is
/// refitted on all points. One pass over the data builds the normal equations of the largest basis; the smaller bases
/// are sub-blocks of it (every term of a lower degree's basis belongs to the higher one's, also under hyperbolic
/// truncation), so trying all the degrees costs little more than fitting the largest.
/// </summary>
internal static class TrendSelection
{
    /// <summary>The highest degree a request may ask for, and the highest 'auto' tries.</summary>
    public const int MaximumDegree = 10;

    /// <summary>
    /// Budget of multiply-adds for the normal equations, about n·P²/2 for P terms: 10¹¹ is tens of CPU seconds, and lets
    /// 10⁵ points take the 1 287 terms of total degree 5 in 8 inputs (measured in docs/large-data.md).
    /// </summary>
    public const double MaximumNormalEquationWork = 1e11;

    /// <summary>Least points per term left to fit a degree on, so that its held-out error is not dominated by estimation noise.</summary>
    public const int PointsPerTerm = 10;

    /// <summary>Fewest points a trend can be fitted to: a fifth of them are held out, so five hold out one.</summary>
    public const int MinimumPoints = 5;

    /// <summary>Most points held out: 10⁴ estimate an RMSE to about 1 %, and leave the rest to fit.</summary>
    public const int MaximumValidationPoints = 10_000;

    /// <summary>Fixed partitions of the blocks, added in order, so that a fit does not depend on the number of threads.</summary>
    private const int Partitions = 4;

    /// <summary>The terms a fit on <paramref name="n"/> points may use.</summary>
    public static int MaximumTerms(int n) =>
        (int)Math.Max(1, Math.Min((n - ValidationCount(n)) / PointsPerTerm, Math.Floor(Math.Sqrt(2 * MaximumNormalEquationWork / n))));

    private static int ValidationCount(int n) => Math.Min(MaximumValidationPoints, n / 5);

    /// <param name="requestedDegree">The degree to use, or 0 to choose it by validation.</param>
    /// <exception cref="SurrogateFitException">The requested degree has more terms than the data afford (field options.trendDegree), or too few points to hold any out.</exception>
    public static TrendChoice Fit(TrainingSet data, int requestedDegree, double qNorm, ulong seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count, d = data.Dimension, maximumTerms = MaximumTerms(n);
        int validation = ValidationCount(n);
        if (validation < 1)
            throw new SurrogateFitException($"A polynomial trend needs at least {MinimumPoints} training points to hold some out for choosing it; got {n}.") { Field = "options.trend" };
        int top = requestedDegree;
        int[]? largest;
        if (requestedDegree > 0)
        {
            largest = MultiIndexSet.Create(d, requestedDegree, qNorm, maximumTerms);
            if (largest is null)
                throw new SurrogateFitException($"A trend of degree {requestedDegree} in {d} inputs has more than {maximumTerms} terms, the most {n} points afford " +
                    $"(at least {PointsPerTerm} fitting points per term, and normal equations within {MaximumNormalEquationWork:G2} multiply-adds); ask for a lower degree or a smaller trendQNorm.")
                { Field = "options.trendDegree" };
        }
        else
        {
            top = 0;
            largest = MultiIndexSet.Create(d, 0, qNorm, maximumTerms)!;
            while (top < MaximumDegree && MultiIndexSet.Create(d, top + 1, qNorm, maximumTerms) is { } next)
                (top, largest) = (top + 1, next);
        }
        var basis = new ChaosBasis(largest, data.Box);
        var held = HeldOut(n, validation, seed);
        var fitRows = Enumerable.Range(0, n).Where(i => !held[i]).ToArray();
        var validationRows = Enumerable.Range(0, n).Where(i => held[i]).ToArray();
        var (gram, moments) = NormalEquations(basis, data, fitRows, cancellationToken);

        var degrees = requestedDegree > 0 ? new[] { 0, requestedDegree } : Enumerable.Range(0, top + 1).ToArray();
        var positions = degrees.Select(g => Positions(largest, MultiIndexSet.Create(d, g, qNorm, maximumTerms)!, d)).ToArray();
        var coefficients = positions.Select(p => Solve(gram, moments, basis.Count, p)).ToArray();
        var errors = ValidationErrors(basis, data, validationRows, positions, coefficients, cancellationToken);
        var warnings = new List<string>();
        int best = requestedDegree > 0 ? 1 : -1;
        for (int k = 0; k < degrees.Length && requestedDegree == 0; k++)
        {
            if (errors[k] is { } error && (best < 0 || error < errors[best]!.Value))
                best = k;
        }
        if (best < 0 || errors[best] is null)
            throw new SurrogateFitException($"The normal equations of the degree-{degrees[Math.Max(best, 0)]} trend are numerically singular: the points do not determine it.") { Field = "options.trendDegree" };
        for (int k = 0; k < degrees.Length; k++)
        {
            if (errors[k] is null)
                warnings.Add($"The trend of degree {degrees[k]} was not considered: its normal equations are numerically singular on the fitting points.");
        }

        // The chosen degree refitted on all points: the held-out rows' equations added to the fitting rows'.
        var (heldGram, heldMoments) = NormalEquations(basis, data, validationRows, cancellationToken);
        for (int i = 0; i < gram.Length; i++)
            gram[i] += heldGram[i];
        for (int i = 0; i < moments.Length; i++)
            moments[i] += heldMoments[i];
        var final = Solve(gram, moments, basis.Count, positions[best])
            ?? throw new SurrogateFitException($"The normal equations of the degree-{degrees[best]} trend are numerically singular: the points do not determine it.") { Field = "options.trendDegree" };
        var chosen = MultiIndexSet.Create(d, degrees[best], qNorm, maximumTerms)!;
        var trend = new PolynomialTrend(new ChaosBasis(chosen, data.Box), final);
        var byDegree = new double?[top + 1];
        for (int k = 0; k < degrees.Length; k++)
            byDegree[degrees[k]] = errors[k];
        var diagnostics = new TrendDiagnostics(degrees[best], chosen.Length / d, qNorm, validation, errors[best]!.Value, errors[0]!.Value, byDegree);
        return new TrendChoice(trend, diagnostics, warnings);
    }

    /// <summary>A seeded draw of <paramref name="count"/> of the <paramref name="n"/> points (a partial Fisher–Yates shuffle).</summary>
    private static bool[] HeldOut(int n, int count, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var order = Enumerable.Range(0, n).ToArray();
        var held = new bool[n];
        for (int k = 0; k < count; k++)
        {
            int swap = k + random.NextInt(n - k);
            (order[k], order[swap]) = (order[swap], order[k]);
            held[order[k]] = true;
        }
        return held;
    }

    /// <summary>Where each term of <paramref name="subset"/> sits in <paramref name="all"/>.</summary>
    private static int[] Positions(int[] all, int[] subset, int d)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < all.Length / d; k++)
            index[string.Join(',', all.AsSpan(k * d, d).ToArray())] = k;
        var positions = new int[subset.Length / d];
        for (int k = 0; k < positions.Length; k++)
            positions[k] = index[string.Join(',', subset.AsSpan(k * d, d).ToArray())];
        return positions;
    }

    /// <summary>
    /// ΨᵀΨ (lower triangle, row-major) and Ψᵀy over <paramref name="rows"/>, in <see cref="Partitions"/> fixed parts summed in
    /// order. Each part is one symmetric rank-k update (<see cref="GramAccumulator"/>) of the rows [ψ(x), y]: the last row of
    /// its Gram matrix is yᵀΨ.
    /// </summary>
    private static (double[] Gram, double[] Moments) NormalEquations(ChaosBasis basis, TrainingSet data, int[] rows, CancellationToken cancellationToken)
    {
        int t = basis.Count;
        int blocks = (rows.Length + GramAccumulator.BlockRows - 1) / GramAccumulator.BlockRows;
        int parts = Math.Max(1, Math.Min(Partitions, blocks));
        var grams = new double[parts][];
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = cancellationToken }, part =>
        {
            var accumulator = new GramAccumulator(t + 1);
            var table = basis.CreateTable();
            var row = new double[t + 1];
            int first = part * blocks / parts * GramAccumulator.BlockRows, end = Math.Min(rows.Length, (part + 1) * blocks / parts * GramAccumulator.BlockRows);
            for (int k = first; k < end; k++)
            {
                if ((k - first) % GramAccumulator.BlockRows == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                basis.Evaluate(data.Points[rows[k]], table, row.AsSpan(0, t));
                row[t] = data.Values[rows[k]];
                accumulator.AddRow(row);
            }
            grams[part] = accumulator.LowerTriangle();
        });
        for (int part = 1; part < parts; part++)
            VectorKernels.AddScaled(grams[0], 1, grams[part]);
        var gram = new double[t * t];
        var moments = new double[t];
        for (int j = 0; j < t; j++)
            grams[0].AsSpan(j * (t + 1), j + 1).CopyTo(gram.AsSpan(j * t, j + 1));
        grams[0].AsSpan(t * (t + 1), t).CopyTo(moments);
        return (gram, moments);
    }

    /// <summary>The least-squares coefficients of the terms at <paramref name="positions"/>, or null when their normal equations do not factor.</summary>
    private static double[]? Solve(double[] gram, double[] moments, int t, int[] positions)
    {
        int size = positions.Length;
        var matrix = new double[size * size];
        var solution = new double[size];
        for (int a = 0; a < size; a++)
        {
            solution[a] = moments[positions[a]];
            for (int b = 0; b < size; b++)
            {
                int row = Math.Max(positions[a], positions[b]), column = Math.Min(positions[a], positions[b]);
                matrix[a * size + b] = gram[row * t + column];
            }
        }
        if (!Cholesky.TryFactor(matrix, size, out var factor))
            return null;
        factor.Solve(solution);
        return solution.All(double.IsFinite) ? solution : null;
    }

    /// <summary>The held-out RMSE of each candidate (null where it could not be fitted).</summary>
    private static double?[] ValidationErrors(ChaosBasis basis, TrainingSet data, int[] rows, int[][] positions, double[]?[] coefficients, CancellationToken cancellationToken)
    {
        var sums = new double[positions.Length];
        var terms = new double[basis.Count];
        var table = basis.CreateTable();
        foreach (int row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            basis.Evaluate(data.Points[row], table, terms);
            for (int k = 0; k < positions.Length; k++)
            {
                if (coefficients[k] is not { } c)
                    continue;
                double prediction = 0;
                for (int a = 0; a < c.Length; a++)
                    prediction += c[a] * terms[positions[k][a]];
                double error = data.Values[row] - prediction;
                sums[k] += error * error;
            }
        }
        return [.. positions.Select((_, k) => coefficients[k] is null ? (double?)null : Math.Sqrt(sums[k] / rows.Length))];
    }
}
