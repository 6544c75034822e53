using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The points to evaluate next, each with the acquisition value that chose it (NaN when a
/// space-filling fallback chose it), the state to send back with the next call, the incumbent
/// (null while no evaluation has succeeded; with constraints, the best feasible evaluation, null while
/// none is feasible), warnings about fallbacks taken, and with constraints which known points are feasible.
/// With several objectives the incumbent is null and <see cref="ParetoFront"/> carries the current front.
/// </summary>
public sealed record Suggestion(
    PointSet Points,
    double[] Acquisition,
    OptimizerState State,
    Incumbent? Incumbent,
    IReadOnlyList<string> Warnings,
    bool[]? Feasible = null,
    ParetoFront? ParetoFront = null);
