namespace SurrogateService.Numerics.Minimisation;

/// <summary>
/// Quasi-Newton minimisation of a smooth function with a gradient, optionally in a box: BFGS with a
/// dense inverse-Hessian approximation, steps projected into the box, and a backtracking Armijo
/// line search along the projected path.
/// </summary>
/// <remarks>
/// A coordinate is held while it sits on a bound and the gradient pushes it outward; the
/// quasi-Newton step moves the others (the projected-Newton idea of Bertsekas 1982, which L-BFGS-B
/// refines with a limited memory; dense BFGS suits the handful of variables of a hyperparameter
/// search, at O(k²) per iteration). A trial point where the objective is +∞ or NaN shrinks the step
/// like an insufficient decrease does, so an objective may refuse a region (a singular matrix,
/// say) and the search stays out of it. When the curvature model leads nowhere it is dropped for
/// a steepest-descent step; when even that step cannot lower f the run ends, unless refused points
/// were in the way: then the coordinate that moved most is held and the others go on (sliding
/// along the edge of the refused region). Deterministic: the
/// same objective and start give the same result.
/// </remarks>
public static class ProjectedBfgs
{
    private const double ArmijoSlope = 1e-4;
    // Each cut shortens the step 2 to 10 times: twelve reach below 1e-3 of it, far enough for a
    // refused region, while a line search that fails on a noisy objective wastes few evaluations.
    private const int MaxBacktracks = 12;

    public static ProjectedBfgsResult Minimize(
        ObjectiveWithGradient objective,
        IReadOnlyList<double> start,
        ProjectedBfgsOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        options ??= new ProjectedBfgsOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(start.Count, 1, nameof(start));
        return new Run(objective, start.Count, options, cancellationToken).From(start);
    }

    /// <summary>The state of one minimisation: the box, the evaluation count and the work arrays.</summary>
    private sealed class Run(ObjectiveWithGradient objective, int size, ProjectedBfgsOptions options, CancellationToken cancellationToken)
    {
        private readonly Bounds _bounds = new(options.LowerBounds, options.UpperBounds, size);
        private readonly double[] _trial = new double[size];
        private readonly double[] _trialGradient = new double[size];
        private int _evaluations;

        private bool BudgetLeft => _evaluations < options.MaxEvaluations;

        public ProjectedBfgsResult From(IReadOnlyList<double> start)
        {
            var x = start.ToArray();
            _bounds.Project(x);
            var g = new double[size];
            double f = Evaluate(x, g);
            if (!double.IsFinite(f))
                return new ProjectedBfgsResult(x, f, 0, _evaluations, false);

            var inverseHessian = new BfgsInverseHessian(size);
            var direction = new double[size];
            // Coordinates held because stepping along them met refused points (the edge of a refused
            // region, which unlike a bound the box does not know about); released after a step that met none.
            var stuck = new bool[size];
            // Steepest-descent steps (first, or after the curvature model was dropped) are as long as
            // the last accepted step: near a minimum InitialStep would overshoot.
            double lastStep = options.InitialStep;
            int iterations = 0;
            bool converged = false;
            while (iterations < options.MaxIterations && BudgetLeft)
            {
                if (_bounds.ProjectedGradientNorm(x, g) <= options.GradientTolerance)
                {
                    converged = true;
                    break;
                }
                var held = _bounds.Held(x, g);
                for (int i = 0; i < size; i++)
                    held[i] |= stuck[i];
                double slope = inverseHessian.Direction(g, held, lastStep, direction);
                if (!(slope < 0) && !inverseHessian.IsIdentity)
                {
                    inverseHessian.Reset();
                    slope = inverseHessian.Direction(g, held, lastStep, direction);
                }
                if (!(slope < 0))
                    break;

                double fTrial = LineSearch(x, f, g, direction, out bool refused);
                // Refused points cut the step short: the edge of a refused region is in the way. Hold
                // the coordinate that moved most for the next step, so the others can slide along it.
                bool canSlide = refused && HoldLargest(direction, stuck);
                if (!(fTrial < f))
                {
                    // No acceptable step: retry along the gradient. If that was the step already, f
                    // cannot be lowered any more (to rounding), unless sliding is still possible.
                    if (!inverseHessian.IsIdentity)
                        inverseHessian.Reset();
                    else if (!canSlide)
                        break;
                    continue;
                }
                if (!refused)
                    Array.Clear(stuck);
                iterations++;
                lastStep = 0;
                for (int i = 0; i < size; i++)
                    lastStep = Math.Max(lastStep, Math.Abs(_trial[i] - x[i]));
                inverseHessian.Update(x, _trial, g, _trialGradient);
                double decrease = f - fTrial;
                _trial.CopyTo(x, 0);
                _trialGradient.CopyTo(g, 0);
                f = fTrial;
                if (decrease <= options.ValueTolerance * Math.Max(1, Math.Abs(f)) || lastStep <= options.StepTolerance)
                {
                    converged = true;
                    break;
                }
            }
            return new ProjectedBfgsResult(x, f, iterations, _evaluations, converged);
        }

        /// <summary>Marks the free coordinate with the largest step as stuck; false when none is left.</summary>
        private static bool HoldLargest(double[] direction, bool[] stuck)
        {
            int largest = -1;
            for (int i = 0; i < direction.Length; i++)
            {
                if (!stuck[i] && direction[i] != 0 && (largest < 0 || Math.Abs(direction[i]) > Math.Abs(direction[largest])))
                    largest = i;
            }
            if (largest < 0)
                return false;
            stuck[largest] = true;
            return true;
        }

        /// <summary>f(x), with ∇f in <paramref name="gradient"/>; +∞ for a point the objective refuses.</summary>
        private double Evaluate(double[] x, double[] gradient)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _evaluations++;
            double value = objective(x, gradient);
            return double.IsNaN(value) || !Array.TrueForAll(gradient, double.IsFinite) ? double.PositiveInfinity : value;
        }

        /// <summary>
        /// Backtracks from the full step until Armijo's sufficient decrease holds on the projected
        /// path; returns the accepted value (the point and its gradient are then in the trial
        /// arrays), or +∞ when no step is acceptable.
        /// </summary>
        private double LineSearch(double[] x, double f, double[] g, double[] direction, out bool refused)
        {
            refused = false;
            double alpha = 1;
            for (int backtrack = 0; backtrack < MaxBacktracks && BudgetLeft; backtrack++)
            {
                double predicted = 0;
                for (int i = 0; i < size; i++)
                {
                    _trial[i] = _bounds.Clamp(i, x[i] + alpha * direction[i]);
                    predicted += g[i] * (_trial[i] - x[i]);
                }
                // The step has shrunk below rounding: x can no longer move.
                if (!(predicted < 0))
                    return double.PositiveInfinity;
                double value = Evaluate(_trial, _trialGradient);
                if (value <= f + ArmijoSlope * predicted)
                    return value;
                refused |= double.IsPositiveInfinity(value);
                alpha = ShorterStep(alpha, f, value, predicted);
            }
            return double.PositiveInfinity;
        }
    }

    /// <summary>
    /// The minimiser of the quadratic through f(0), the slope at 0 and f(α), kept within [α/10, α/2];
    /// α/2 when f(α) is infinite (a refused point says nothing about curvature).
    /// </summary>
    private static double ShorterStep(double alpha, double f, double value, double predicted)
    {
        if (!double.IsFinite(value))
            return alpha / 2;
        double curvature = value - f - predicted;
        double minimiser = curvature > 0 ? -predicted * alpha / (2 * curvature) : alpha / 2;
        return Math.Clamp(minimiser, alpha / 10, alpha / 2);
    }

    /// <summary>The optional box: projection, held coordinates and the projected gradient.</summary>
    private sealed class Bounds
    {
        private readonly double[] _lower;
        private readonly double[] _upper;

        public Bounds(IReadOnlyList<double>? lower, IReadOnlyList<double>? upper, int size)
        {
            if (lower is not null && lower.Count != size || upper is not null && upper.Count != size)
                throw new ArgumentException($"Bounds must have {size} entries.");
            _lower = lower?.ToArray() ?? Enumerable.Repeat(double.NegativeInfinity, size).ToArray();
            _upper = upper?.ToArray() ?? Enumerable.Repeat(double.PositiveInfinity, size).ToArray();
            for (int i = 0; i < size; i++)
            {
                if (!(_lower[i] <= _upper[i]))
                    throw new ArgumentException($"Lower bound {i} ({_lower[i]}) exceeds the upper bound ({_upper[i]}).");
            }
        }

        public double Clamp(int i, double value) => Math.Min(Math.Max(value, _lower[i]), _upper[i]);

        public void Project(double[] x)
        {
            for (int i = 0; i < x.Length; i++)
                x[i] = Clamp(i, x[i]);
        }

        /// <summary>‖P(x − g) − x‖∞: zero exactly where the first-order conditions in the box hold.</summary>
        public double ProjectedGradientNorm(double[] x, double[] g)
        {
            double norm = 0;
            for (int i = 0; i < x.Length; i++)
                norm = Math.Max(norm, Math.Abs(Clamp(i, x[i] - g[i]) - x[i]));
            return norm;
        }

        /// <summary>Coordinates on a bound whose gradient pushes them outward: the step leaves them in place.</summary>
        public bool[] Held(double[] x, double[] g)
        {
            var held = new bool[x.Length];
            for (int i = 0; i < x.Length; i++)
                held[i] = x[i] <= _lower[i] && g[i] > 0 || x[i] >= _upper[i] && g[i] < 0;
            return held;
        }
    }
}
