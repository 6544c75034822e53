using System.Runtime.InteropServices;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The points a suggestion must keep away from (known, failed and already chosen ones) with the
/// minimum distance τ = minDistance·‖ub − lb‖: the distance rule every strategy obeys.
/// </summary>
internal sealed class OccupiedPoints
{
    private readonly List<double> _coordinates = [];
    private readonly int _dimension;
    private readonly VariableSpace _space;

    public OccupiedPoints(VariableSpace space, PointSet known, double relativeTolerance)
    {
        _space = space;
        _dimension = space.Dimension;
        _coordinates.AddRange(known.Data.ToArray());
        Tolerance = relativeTolerance * BoxGeometry.Diagonal(space.Box);
    }

    /// <summary>τ, in the units of the box.</summary>
    public double Tolerance { get; }

    public void Add(ReadOnlySpan<double> point) => _coordinates.AddRange(point);

    /// <summary>Squared distance to the nearest occupied point (+∞ when there is none), in the metric of the variables.</summary>
    public double NearestSquaredDistance(ReadOnlySpan<double> point)
    {
        ReadOnlySpan<double> all = CollectionsMarshal.AsSpan(_coordinates);
        double best = double.PositiveInfinity;
        for (int offset = 0; offset < all.Length; offset += _dimension)
            best = Math.Min(best, _space.SquaredDistance(point, all.Slice(offset, _dimension)));
        return best;
    }

    /// <summary>True when the point keeps at least τ from every occupied point.</summary>
    public bool IsFree(ReadOnlySpan<double> point) => NearestSquaredDistance(point) >= Tolerance * Tolerance;
}
