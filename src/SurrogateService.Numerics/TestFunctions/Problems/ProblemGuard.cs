using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>Argument checks shared by the benchmark problems.</summary>
internal static class ProblemGuard
{
    public static void RequireSupported(IBenchmarkProblem problem, int dimension)
    {
        if (dimension < problem.MinDimension || dimension > problem.MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"{problem.Name} is defined for {problem.MinDimension}..{problem.MaxDimension} dimensions.");
        }
    }

    /// <summary>Checks the point's dimension, its variable kinds and the output spans.</summary>
    public static void RequireEvaluable(IBenchmarkProblem problem, ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
    {
        RequireSupported(problem, x.Length);
        if (objectives.Length != problem.ObjectiveCount)
            throw new ArgumentException($"Expected room for {problem.ObjectiveCount} objectives.", nameof(objectives));
        if (constraints.Length != problem.ConstraintCount)
            throw new ArgumentException($"Expected room for {problem.ConstraintCount} constraints.", nameof(constraints));
        var variables = problem.Variables(x.Length);
        for (int j = 0; j < x.Length; j++)
        {
            if (!variables[j].Admits(x[j]))
                throw new ArgumentException($"Coordinate {j} is not a valid {variables[j].Kind} value.", nameof(x));
        }
    }

    // Evaluate checks the kinds at every call, so the all-continuous lists are built once per dimension.
    private static readonly IReadOnlyList<DesignVariable>[] ContinuousByDimension =
        Enumerable.Range(0, 31).Select(d => (IReadOnlyList<DesignVariable>)Enumerable.Repeat(DesignVariable.Continuous, d).ToArray()).ToArray();

    public static IReadOnlyList<DesignVariable> AllContinuous(int dimension) => ContinuousByDimension[dimension];
}
