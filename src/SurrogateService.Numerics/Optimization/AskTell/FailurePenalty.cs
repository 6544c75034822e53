using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// How much a failed evaluation repels a candidate: π = exp(−½(δ/ρ)²) with δ the distance to the
/// nearest failed point and ρ = failureRadius·‖ub − lb‖. π is 1 on a failed point and fades to 0 a
/// few radii away; each strategy folds it into its acquisition (see their remarks). Failures say
/// nothing about the objective's value, so they are kept out of the fit and only steer the search away.
/// </summary>
internal sealed class FailurePenalty
{
    private readonly PointSet _failed;
    private readonly double _radius;
    private readonly VariableSpace _space;

    public FailurePenalty(PointSet failed, VariableSpace space, double relativeRadius)
    {
        _failed = failed;
        _space = space;
        _radius = relativeRadius * BoxGeometry.Diagonal(space.Box);
    }

    public bool IsActive => _failed.Count > 0 && _radius > 0;

    public double At(ReadOnlySpan<double> point)
    {
        if (!IsActive)
            return 0;
        double nearest = double.PositiveInfinity;
        for (int i = 0; i < _failed.Count; i++)
            nearest = Math.Min(nearest, _space.SquaredDistance(point, _failed[i]));
        return Math.Exp(-0.5 * nearest / (_radius * _radius));
    }
}
