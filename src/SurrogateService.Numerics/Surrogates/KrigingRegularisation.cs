using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A Cholesky factor of R + ν·I, the nugget ν used, and the bound on λmax(R) that chose it.</summary>
internal sealed record RegularisedFactor(Cholesky Factor, double Nugget, double LargestEigenvalueBound);

/// <summary>
/// The nugget rule: add ν = (λmax − κ·λmin)/(κ − 1) to the diagonal of the correlation matrix R when
/// that is positive, κ = 1e8, which makes cond(R + ν·I) = (λmax + ν)/(λmin + ν) exactly κ
/// (Mohammadi et al. 2016, the rule Surrogates.jl applies with a full eigendecomposition).
/// </summary>
/// <remarks>
/// Eigenvalues are estimated, not computed (a symmetric eigensolver costs several times the
/// Cholesky factorisation it protects, and the likelihood search factors hundreds of matrices):
/// λmax by a Collatz–Wielandt upper bound (R is entrywise nonnegative), which can only make the
/// nugget larger, i.e. safer; λmin by inverse iteration through the Cholesky factor of R, a
/// Rayleigh quotient that converges to λmin from above. When R cannot be factored at all its
/// λmin is taken as 0 (R is positive semidefinite in exact arithmetic), which gives
/// ν = λmax/(κ − 1) and still keeps the bound. On well-conditioned data the rule adds nothing, so
/// results agree with Surrogates.jl to rounding.
/// </remarks>
internal static class KrigingRegularisation
{
    public const double MaximumCondition = 1e8;

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
                return new RegularisedFactor(floorFactor, nuggetFloor, largest);
            // NaN (a factor too ill-conditioned to solve with) counts as 0 as well.
            smallest = estimate - nuggetFloor > 0 ? estimate - nuggetFloor : 0;
        }
        double nugget = Math.Max(nuggetFloor, (largest - MaximumCondition * smallest) / (MaximumCondition - 1));
        if (TryFactorShifted(correlation, n, nugget, workspace) is { } factor)
            return new RegularisedFactor(factor, nugget, largest);
        double safeNugget = Math.Max(nuggetFloor, largest / (MaximumCondition - 1));
        return safeNugget > nugget && TryFactorShifted(correlation, n, safeNugget, workspace) is { } safeFactor
            ? new RegularisedFactor(safeFactor, safeNugget, largest)
            : null;
    }

    /// <summary>Factors R + ν·I exactly as given (a restored model), or returns null if it is not positive definite.</summary>
    public static RegularisedFactor? FactorWithNugget(double[] correlation, int n, double nugget, double[] workspace) =>
        TryFactorShifted(correlation, n, nugget, workspace) is { } factor
            ? new RegularisedFactor(factor, nugget, SymmetricEigenvalueEstimates.LargestUpperBound(correlation, n, LargestTolerance))
            : null;

    private static Cholesky? TryFactorShifted(double[] correlation, int n, double shift, double[] workspace)
    {
        correlation.CopyTo(workspace, 0);
        for (int i = 0; i < n; i++)
            workspace[i * n + i] += shift;
        return Cholesky.TryFactor(workspace, n, out var factor) ? factor : null;
    }
}
