using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A Cholesky factor of K = R + Λ + ν·I, the nugget ν used, and an upper bound on λmax(K).</summary>
internal sealed record RegularisedFactor(Cholesky Factor, double Nugget, double LargestEigenvalueBound);

/// <summary>
/// What goes on the diagonal of the correlation matrix R. Given or heuristic θ: the nugget rule of
/// Surrogates.jl, ν = (λmax − κ·λmin)/(κ − 1) when that is positive, κ = 1e8, which makes
/// cond(R + ν·I) = (λmax + ν)/(λmin + ν) exactly κ (Mohammadi et al. 2016), so a ported notebook
/// gets Surrogates.jl's predictions. Maximum-likelihood θ: a jitter at rounding level
/// (<see cref="FactorWithJitter"/>), because the rule would bias the likelihood towards rough models.
/// </summary>
/// <remarks>
/// For the rule, eigenvalues are estimated, not computed (a symmetric eigensolver costs several
/// times the Cholesky factorisation it protects): λmax by a Collatz–Wielandt upper bound (R is
/// entrywise nonnegative), which can only make the nugget larger, i.e. safer; λmin by inverse
/// iteration through the Cholesky factor of R, a Rayleigh quotient that converges to λmin from
/// above. When R cannot be factored at all its λmin is taken as 0 (R is positive semidefinite in
/// exact arithmetic), which gives ν = λmax/(κ − 1) and still keeps the bound. On well-conditioned
/// data the rule adds nothing, so results agree with Surrogates.jl to rounding.
/// </remarks>
internal static class KrigingRegularisation
{
    public const double MaximumCondition = 1e8;

    /// <summary>Ten units in the last place of 1: the least jitter of a maximum-likelihood fit.</summary>
    public const double SmallestJitter = 10 * MachineEpsilon;

    /// <summary>The gap between 1 and the next double (.NET's double.Epsilon is the smallest subnormal instead).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    // λmax to 1 %: it enters the nugget linearly, and a bound that converges further costs more
    // power iterations than the Cholesky factorisation itself.
    private const double LargestTolerance = 1e-2;

    /// <summary>
    /// Factors R + ν·I with ν = max(rule, <paramref name="nuggetFloor"/>) into <paramref name="workspace"/>
    /// (n×n, owned by the returned factor); only the lower triangle of <paramref name="correlation"/> is
    /// read, and it is left unchanged. Returns null only if even the rule's nugget leaves the matrix
    /// numerically indefinite.
    /// </summary>
    public static RegularisedFactor? FactorWithRule(double[] correlation, int n, double nuggetFloor, double[] workspace)
    {
        double largest = SymmetricEigenvalueEstimates.LargestUpperBound(correlation, n, LargestTolerance);
        double threshold = (largest + nuggetFloor) / MaximumCondition;
        double smallest = 0;
        if (TryFactorShifted(correlation, n, nuggetFloor, workspace) is { } floorFactor)
        {
            // Below 1 % of the threshold the nugget is certainly needed and λmin no longer matters
            // to it (it shifts ν by less than 1 %), so inverse iteration may stop there.
            double estimate = SymmetricEigenvalueEstimates.SmallestEstimate(floorFactor, stopBelow: threshold / 100);
            if (estimate >= threshold)
                return new RegularisedFactor(floorFactor, nuggetFloor, largest + nuggetFloor);
            // NaN (a factor too ill-conditioned to solve with) counts as 0 as well.
            smallest = estimate - nuggetFloor > 0 ? estimate - nuggetFloor : 0;
        }
        double nugget = Math.Max(nuggetFloor, (largest - MaximumCondition * smallest) / (MaximumCondition - 1));
        if (TryFactorShifted(correlation, n, nugget, workspace) is { } factor)
            return new RegularisedFactor(factor, nugget, largest + nugget);
        double safeNugget = Math.Max(nuggetFloor, largest / (MaximumCondition - 1));
        return safeNugget > nugget && TryFactorShifted(correlation, n, safeNugget, workspace) is { } safeFactor
            ? new RegularisedFactor(safeFactor, safeNugget, largest + safeNugget)
            : null;
    }

    /// <summary>
    /// Factors R + ν·I with the jitter of maximum-likelihood fits: the smallest ν = max(floor, 10ε·10^k),
    /// k = 0, 1, …, for which R + ν·I can be factored (null if not even ν = 1 will do). 10ε ≈ 2.2e-15 is ten units in the last place of R's unit
    /// diagonal, about the least shift that still dominates the rounding of the factorisation itself.
    /// </summary>
    /// <remarks>
    /// The cond(R) ≤ 1e8 rule is far too strong here: for smooth data the likelihood keeps rising as
    /// correlations lengthen, up to where R is singular to working precision, so a nugget of
    /// λmax/1e8 moves its maximum to much rougher θ. On the notebook's Branin case (80 Sobol points)
    /// a search under the rule ends at θ = [0.036, 0.0030] with a grid RMSE of 0.18; at
    /// scikit-learn's θ = [0.014, 2.0e-5] the rule's ν = 5.6e-7 gives 1.9 and ν = 1e-14 gives
    /// 0.0028; with this jitter the search reaches 9.5e-4. scikit-learn works at the same level: its
    /// alpha = 1e-10 is relative to the normalised variance of y, and its fitted amplitude there is
    /// 1e5, which makes its jitter 1e-15 relative to R. The price is an ill-conditioned R (cond about
    /// 1e16), which the fitted model reports.
    /// </remarks>
    public static RegularisedFactor? FactorWithJitter(double[] correlation, int n, double nuggetFloor, double[] workspace)
    {
        for (double nugget = Math.Max(nuggetFloor, SmallestJitter); nugget <= 1; nugget *= 10)
        {
            if (TryFactorShifted(correlation, n, nugget, workspace) is { } factor)
                return new RegularisedFactor(factor, nugget, SymmetricEigenvalueEstimates.LargestUpperBound(correlation, n, LargestTolerance) + nugget);
        }
        return null;
    }

    /// <summary>
    /// Factors R with the given diagonal (1 + ν + Λ_ii: a restored model, or the hyperparameters of a
    /// likelihood search), or returns null if that is not positive definite. λmax(K) ≤ λmax(R) + max(diagonal) − 1.
    /// </summary>
    public static RegularisedFactor? FactorWithDiagonal(double[] correlation, ReadOnlySpan<double> diagonal, double nugget, double[] workspace)
    {
        int n = diagonal.Length;
        correlation.CopyTo(workspace, 0);
        double largestShift = 0;
        for (int i = 0; i < n; i++)
        {
            workspace[i * n + i] = diagonal[i];
            largestShift = Math.Max(largestShift, diagonal[i] - 1);
        }
        return Cholesky.TryFactor(workspace, n, out var factor)
            ? new RegularisedFactor(factor, nugget, SymmetricEigenvalueEstimates.LargestUpperBound(correlation, n, LargestTolerance) + largestShift)
            : null;
    }

    private static Cholesky? TryFactorShifted(double[] correlation, int n, double shift, double[] workspace)
    {
        correlation.CopyTo(workspace, 0);
        for (int i = 0; i < n; i++)
            workspace[i * n + i] += shift;
        return Cholesky.TryFactor(workspace, n, out var factor) ? factor : null;
    }
}
