namespace SurrogateService.Numerics.Optimization;

/// <summary>The ask–tell strategies the service offers, looked up by name (case-insensitive).</summary>
public static class OptimizationStrategies
{
    public static IReadOnlyList<IOptimizationStrategy> All { get; } =
    [
        new ExpectedImprovementStrategy(),
        new LowerConfidenceBoundStrategy(),
        new SrbfStrategy(),
        new DycorsStrategy(),
        new EhviStrategy(),
        new ParegoStrategy(),
        new TurboStrategy(),
    ];

    public static IOptimizationStrategy? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
