using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>The benchmark functions the service offers, looked up by name (case-insensitive).</summary>
public static class BenchmarkFunctions
{
    public static IReadOnlyList<IBenchmarkFunction> All { get; } =
    [
        new Branin(),
        new Rosenbrock(),
        new Ackley(),
        new SixHumpCamel(),
        new GoldsteinPrice(),
        new GramacyLee(),
        new Hartmann3(),
        new Hartmann6(),
        new Ishigami(),
        new Sphere(),
        new WaterFlow(),
        new WeldedBeam(),
        new CantileverBeam(),
        new CurrinHigh(),
        new CurrinLow(),
        new SourceLocationProblem(),
    ];

    public static IBenchmarkFunction? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Evaluates every point of the batch into <paramref name="values"/>.</summary>
    public static void EvaluateBatch(this IBenchmarkFunction function, PointSet points, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(points);
        if (values.Length != points.Count)
            throw new ArgumentException("One value per point is required.", nameof(values));
        for (int i = 0; i < points.Count; i++)
            values[i] = function.Evaluate(points[i]);
    }
}
