using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;
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
            .WithSummary("Lists the benchmark functions with their domains and known minima.");
        group.MapGet("/{name}", Describe)
            .WithName("describeFunction")
            .WithSummary("Describes one benchmark function; `dimension` picks the size of a d-dimensional one.");
        group.MapPost("/{name}/evaluate", Evaluate)
            .WithName("evaluateFunction")
            .WithSummary("Evaluates a benchmark function at a batch of points.");
        return group;
    }

    private static Ok<FunctionInfo[]> List() =>
        TypedResults.Ok(BenchmarkFunctions.All.Select(f => ToInfo(f, f.DefaultDimension)).ToArray());

    private static Results<Ok<FunctionInfo>, ValidationProblem> Describe(string name, int? dimension)
    {
        var errors = new RequestErrors();
        var function = FindFunction(name, errors);
        if (function is null)
            return errors.ToProblem();
        int d = dimension ?? function.DefaultDimension;
        if (d < function.MinDimension || d > function.MaxDimension)
        {
            errors.Add("dimension", $"Must be between {function.MinDimension} and {function.MaxDimension} for {function.Name}.");
            return errors.ToProblem();
        }
        return TypedResults.Ok(ToInfo(function, d));
    }

    private static Results<Ok<EvaluateResponse>, ValidationProblem> Evaluate(
        string name, EvaluateRequest request, IOptions<LimitsOptions> limits)
    {
        var errors = new RequestErrors();
        var function = FindFunction(name, errors);
        if (function is null)
            return errors.ToProblem();
        var points = PointsValidator.Validate(request.Points, "points", errors, limits.Value.MaxEvaluationPoints,
            dimensionRange: (function.MinDimension, function.MaxDimension));
        CostlyFunctionWork.Check(function, points?.Count, "points", errors, limits.Value);
        if (points is null || !errors.IsEmpty)
            return errors.ToProblem();

        var values = new double[points.Count];
        function.EvaluateBatch(points, values);
        for (int i = 0; i < values.Length; i++)
        {
            // Far outside its domain a function may overflow; say so rather than send a wrong number.
            if (!double.IsFinite(values[i]))
                errors.Add($"points[{i}]", $"{function.Name} is not finite at this point.");
        }
        return errors.IsEmpty ? TypedResults.Ok(new EvaluateResponse(values)) : errors.ToProblem();
    }

    private static IBenchmarkFunction? FindFunction(string name, RequestErrors errors) =>
        NameLookup.Find(name, "name", errors, BenchmarkFunctions.All, f => f.Name);

    private static FunctionInfo ToInfo(IBenchmarkFunction function, int dimension)
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
            function.Minima(dimension).Select(m => new MinimumInfo(m.Value, m.Locations)).ToArray());
    }
}
