namespace SurrogateService.Numerics.Minimisation;

/// <summary>
/// Derivative-free minimisation by the Nelder–Mead simplex method (Lagarias et al. 1998 rules),
/// with the dimension-adaptive coefficients of Gao &amp; Han (2012), which keep the method
/// effective beyond two or three variables, and an optional box enforced by projection.
/// </summary>
/// <remarks>
/// Projection keeps every evaluated point feasible but can flatten the simplex against a face of
/// the box; when the minimum may lie inside, restarting from the result with a fresh simplex is the
/// usual remedy. Non-finite objective values are treated as +∞, so an objective may refuse a point.
/// The method is deterministic: the same objective and start give the same result.
/// </remarks>
public static class NelderMead
{
    public static NelderMeadResult Minimize(
        Func<ReadOnlySpan<double>, double> objective,
        IReadOnlyList<double> start,
        NelderMeadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        options ??= new NelderMeadOptions();
        int n = start.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(start));
        var box = new Projection(options.LowerBounds, options.UpperBounds, n);
        int maxEvaluations = options.MaxEvaluations > 0 ? options.MaxEvaluations : 200 * n;

        // Gao & Han: reflection 1, expansion 1 + 2/n, contraction 3/4 − 1/(2n), shrink 1 − 1/n;
        // in one dimension the shrink would vanish, so the classic coefficients are used there.
        double expansion = n > 1 ? 1 + 2.0 / n : 2;
        double contraction = n > 1 ? 0.75 - 0.5 / n : 0.5;
        double shrink = n > 1 ? 1 - 1.0 / n : 0.5;

        int evaluations = 0;
        double Evaluate(double[] point)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluations++;
            double value = objective(point);
            return double.IsNaN(value) ? double.PositiveInfinity : value;
        }

        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        simplex[0] = start.ToArray();
        box.Apply(simplex[0]);
        values[0] = Evaluate(simplex[0]);
        for (int j = 0; j < n; j++)
        {
            double step = options.InitialSteps is { } steps ? steps[j] : 0.1 * Math.Max(1, Math.Abs(simplex[0][j]));
            var vertex = (double[])simplex[0].Clone();
            vertex[j] += step;
            box.Apply(vertex);
            // A start on the upper face would give a degenerate edge: step the other way.
            if (vertex[j] == simplex[0][j])
            {
                vertex[j] -= step;
                box.Apply(vertex);
            }
            simplex[j + 1] = vertex;
            values[j + 1] = Evaluate(vertex);
        }

        var centroid = new double[n];
        var reflected = new double[n];
        var trial = new double[n];
        bool converged = false;
        while (true)
        {
            SortByValue(simplex, values);
            if (HasConverged(simplex, values, options.PointTolerance, options.ValueTolerance))
            {
                converged = true;
                break;
            }
            if (evaluations >= maxEvaluations)
                break;

            ComputeCentroid(simplex, centroid);
            double[] worst = simplex[n];
            Extrapolate(centroid, worst, -1, reflected, box);
            double reflectedValue = Evaluate(reflected);

            if (reflectedValue < values[0])
            {
                Extrapolate(centroid, worst, -expansion, trial, box);
                double expandedValue = Evaluate(trial);
                if (expandedValue < reflectedValue)
                    Replace(simplex, values, n, trial, expandedValue);
                else
                    Replace(simplex, values, n, reflected, reflectedValue);
            }
            else if (reflectedValue < values[n - 1])
            {
                Replace(simplex, values, n, reflected, reflectedValue);
            }
            else
            {
                // Outside contraction towards the reflected point, or inside towards the worst one.
                bool outside = reflectedValue < values[n];
                Extrapolate(centroid, worst, outside ? -contraction : contraction, trial, box);
                double contractedValue = Evaluate(trial);
                if (outside ? contractedValue <= reflectedValue : contractedValue < values[n])
                {
                    Replace(simplex, values, n, trial, contractedValue);
                }
                else
                {
                    for (int i = 1; i <= n; i++)
                    {
                        for (int j = 0; j < n; j++)
                            simplex[i][j] = simplex[0][j] + shrink * (simplex[i][j] - simplex[0][j]);
                        box.Apply(simplex[i]);
                        values[i] = Evaluate(simplex[i]);
                    }
                }
            }
        }
        return new NelderMeadResult((double[])simplex[0].Clone(), values[0], evaluations, converged);
    }

    /// <summary>target = centroid + coefficient·(worst − centroid), projected into the box.</summary>
    private static void Extrapolate(double[] centroid, double[] worst, double coefficient, double[] target, Projection box)
    {
        for (int j = 0; j < centroid.Length; j++)
            target[j] = centroid[j] + coefficient * (worst[j] - centroid[j]);
        box.Apply(target);
    }

    private static void Replace(double[][] simplex, double[] values, int index, double[] point, double value)
    {
        point.CopyTo(simplex[index], 0);
        values[index] = value;
    }

    private static void ComputeCentroid(double[][] simplex, double[] centroid)
    {
        int n = centroid.Length;
        Array.Clear(centroid);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                centroid[j] += simplex[i][j];
        }
        for (int j = 0; j < n; j++)
            centroid[j] /= n;
    }

    /// <summary>Stable insertion sort: ties keep their order, which keeps runs reproducible.</summary>
    private static void SortByValue(double[][] simplex, double[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            double value = values[i];
            double[] vertex = simplex[i];
            int k = i - 1;
            while (k >= 0 && values[k] > value)
            {
                values[k + 1] = values[k];
                simplex[k + 1] = simplex[k];
                k--;
            }
            values[k + 1] = value;
            simplex[k + 1] = vertex;
        }
    }

    private static bool HasConverged(double[][] simplex, double[] values, double pointTolerance, double valueTolerance)
    {
        for (int i = 1; i < simplex.Length; i++)
        {
            if (!(Math.Abs(values[i] - values[0]) <= valueTolerance))
                return false;
            for (int j = 0; j < simplex[0].Length; j++)
            {
                if (Math.Abs(simplex[i][j] - simplex[0][j]) > pointTolerance)
                    return false;
            }
        }
        return true;
    }

    /// <summary>Clamps points into an optional box.</summary>
    private readonly struct Projection
    {
        private readonly IReadOnlyList<double>? _lower;
        private readonly IReadOnlyList<double>? _upper;

        public Projection(IReadOnlyList<double>? lower, IReadOnlyList<double>? upper, int dimension)
        {
            if (lower is not null && lower.Count != dimension || upper is not null && upper.Count != dimension)
                throw new ArgumentException($"Bounds must have {dimension} entries.");
            _lower = lower;
            _upper = upper;
        }

        public void Apply(double[] point)
        {
            for (int j = 0; j < point.Length; j++)
            {
                if (_lower is not null)
                    point[j] = Math.Max(point[j], _lower[j]);
                if (_upper is not null)
                    point[j] = Math.Min(point[j], _upper[j]);
            }
        }
    }
}
