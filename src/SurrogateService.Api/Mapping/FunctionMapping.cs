using SurrogateService.Api.Contracts;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Mapping;

/// <summary>Benchmark functions and problems as the function list shows them.</summary>
public static class FunctionMapping
{
    public static FunctionInfo ToInfo(IBenchmarkFunction function, int dimension)
    {
        var domain = function.Domain(dimension);
        return new FunctionInfo(
            function.Name,
            function.Description,
            dimension,
            function.MinDimension,
            function.MaxDimension,
            domain.Lower.ToArray(),
            domain.Upper.ToArray(),
            ToInfo(function.Minima(dimension)));
    }

    public static FunctionInfo ToInfo(IBenchmarkProblem problem, int dimension)
    {
        var domain = problem.Domain(dimension);
        var variables = problem.Variables(dimension);
        var front = problem.ParetoFront(dimension);
        return new FunctionInfo(
            problem.Name,
            problem.Description,
            dimension,
            problem.MinDimension,
            problem.MaxDimension,
            domain.Lower.ToArray(),
            domain.Upper.ToArray(),
            ToInfo(problem.Minima(dimension)),
            problem.ObjectiveCount,
            problem.ConstraintCount,
            variables.All(v => v.Kind == VariableKind.Continuous) ? null : variables.Select(ToInfo).ToArray(),
            front is null ? null : new ParetoFrontInfo(front.Values, front.ReferencePoint, front.Hypervolume));
    }

    public static VariableInfo ToInfo(DesignVariable variable) => new(KindName(variable.Kind), variable.Levels);

    public static string KindName(VariableKind kind) => kind switch
    {
        VariableKind.Integer => "integer",
        VariableKind.Categorical => "categorical",
        _ => "continuous",
    };

    private static MinimumInfo[] ToInfo(IReadOnlyList<KnownMinimum> minima) =>
        minima.Select(m => new MinimumInfo(m.Value, m.Locations)).ToArray();
}
