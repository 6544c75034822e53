using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The non-dominated evaluations of a multi-objective request (exact duplicates merged into their
/// mean), their objective values, and their hypervolume for <see cref="ReferencePoint"/> — the
/// client's, or one derived from the front (<see cref="ReferencePointDerived"/>); the reference is
/// null only while no evaluation has succeeded.
/// </summary>
public sealed record ParetoFront(PointSet Points, double[][] Values, double[]? ReferencePoint, bool ReferencePointDerived, double Hypervolume);
