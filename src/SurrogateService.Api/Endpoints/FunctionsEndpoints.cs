using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Endpoints;

/// <summary>Benchmark functions: list, describe, batch-evaluate.</summary>
public static class FunctionsEndpoints
{
    public static RouteGroupBuilder MapFunctions(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/functions").WithTags("Functions");
        group.MapGet("/", List)
            .WithName("listFunctions")
            .WithSummary("Lists the benchmark functions and problems with their domains, known minima, objectives, constraints, variable kinds and Pareto fronts.");
        group.MapGet("/{name}", Describe)
            .WithName("describeFunction")
            .WithSummary("Describes one benchmark function; `dimension` picks the size of a d-dimensional one.");
        group.MapPost("/{name}/evaluate", Evaluate)
            .WithName("evaluateFunction")
            .WithSummary("Evaluates a benchmark function or problem at a batch of points (values, or objectives and constraint values per point).");
        return group;
    }

    private static Ok<FunctionInfo[]> List() =>
        TypedResults.Ok(BenchmarkFunctions.All.Select(f => FunctionMapping.ToInfo(f, f.DefaultDimension))
            .Concat(BenchmarkProblems.All.Select(p => FunctionMapping.ToInfo(p, p.DefaultDimension)))
            .ToArray());

    private static Results<Ok<FunctionInfo>, ValidationProblem> Describe(string name, int? dimension)
    {
        var errors = new RequestErrors();
        var entry = FindEntry(name, errors);
        if (entry is null)
            return errors.ToProblem();
        int d = dimension ?? entry.DefaultDimension;
        if (d < entry.MinDimension || d > entry.MaxDimension)
        {
            errors.Add("dimension", $"Must be between {entry.MinDimension} and {entry.MaxDimension} for {entry.Name}.");
            return errors.ToProblem();
        }
        return TypedResults.Ok(entry.Function is { } function ? FunctionMapping.ToInfo(function, d) : FunctionMapping.ToInfo(entry.Problem!, d));
    }

    private static Results<Ok<EvaluateResponse>, ValidationProblem> Evaluate(
        string name, EvaluateRequest request, IOptions<LimitsOptions> limits)
    {
        var errors = new RequestErrors();
        var entry = FindEntry(name, errors);
        if (entry is null)
            return errors.ToProblem();
        var points = PointsValidator.Validate(request.Points, "points", errors, limits.Value.MaxEvaluationPoints,
            dimensionRange: (entry.MinDimension, entry.MaxDimension));
        if (entry.Function is { } costly)
            CostlyFunctionWork.Check(costly, points?.Count, "points", errors, limits.Value);
        if (points is null || !errors.IsEmpty)
            return errors.ToProblem();
        if (entry.Problem is { } problem)
            return EvaluateProblem(problem, points, errors);

        var values = new double[points.Count];
        entry.Function!.EvaluateBatch(points, values);
        RequireFinite(values, entry.Name, errors);
        return errors.IsEmpty ? TypedResults.Ok(new EvaluateResponse(values)) : errors.ToProblem();
    }

    private static Results<Ok<EvaluateResponse>, ValidationProblem> EvaluateProblem(IBenchmarkProblem problem, PointSet points, RequestErrors errors)
    {
        if (!VariableValuesValidator.Validate(points, problem.Variables(points.Dimension), "points", errors))
            return errors.ToProblem();
        var objectives = new double[points.Count][];
        var constraints = new double[points.Count][];
        for (int i = 0; i < points.Count; i++)
        {
            objectives[i] = new double[problem.ObjectiveCount];
            constraints[i] = new double[problem.ConstraintCount];
            problem.Evaluate(points[i], objectives[i], constraints[i]);
            RequireFinite([.. objectives[i], .. constraints[i]], problem.Name, errors, i);
        }
        if (!errors.IsEmpty)
            return errors.ToProblem();
        return TypedResults.Ok(new EvaluateResponse(
            problem.ObjectiveCount == 1 ? objectives.Select(o => o[0]).ToArray() : null,
            problem.ObjectiveCount == 1 ? null : objectives,
            problem.ConstraintCount == 0 ? null : constraints));
    }

    // Far outside its domain a function may overflow; say so rather than send a wrong number.
    private static void RequireFinite(ReadOnlySpan<double> values, string name, RequestErrors errors, int? point = null)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                errors.Add($"points[{point ?? i}]", $"{name} is not finite at this point.");
                if (point is not null)
                    return;
            }
        }
    }

    /// <summary>A function or a problem found under one name; the list of valid names covers both.</summary>
    private static CatalogueEntry? FindEntry(string name, RequestErrors errors)
    {
        var entries = BenchmarkFunctions.All.Select(f => new CatalogueEntry(f, null))
            .Concat(BenchmarkProblems.All.Select(p => new CatalogueEntry(null, p)))
            .ToArray();
        return NameLookup.Find(name, "name", errors, entries, e => e.Name);
    }

    private sealed record CatalogueEntry(IBenchmarkFunction? Function, IBenchmarkProblem? Problem)
    {
        public string Name => Function?.Name ?? Problem!.Name;

        public int DefaultDimension => Function?.DefaultDimension ?? Problem!.DefaultDimension;

        public int MinDimension => Function?.MinDimension ?? Problem!.MinDimension;

        public int MaxDimension => Function?.MaxDimension ?? Problem!.MaxDimension;
    }
}
