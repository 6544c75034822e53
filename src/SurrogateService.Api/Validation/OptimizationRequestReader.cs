using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Validation;

/// <summary>Validates suggest and run requests into the Numerics requests; every problem becomes a field error.</summary>
public static class OptimizationRequestReader
{
    public static (IOptimizationStrategy Strategy, SuggestionRequest Request)? ReadSuggest(SuggestRequest request, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var strategy = StrategyReader.Strategy(request.Strategy, errors);
        var points = PointsValidator.Validate(request.Points, "points", errors, limits.MaxOptimizationPoints,
            dimensionRange: (1, Math.Min(limits.MaxOptimizationDimension, limits.MaxDimension)));
        var box = BoundsValidator.Validate(request.LowerBound, request.UpperBound, errors, limits.MaxOptimizationDimension, points?.Dimension);
        var values = Values(request.Values, points?.Count, errors);
        int? batchSize = StrategyReader.BatchSize(request.BatchSize, errors, limits);
        ulong? seed = SeedReader.Read(request.Seed, errors);
        var options = StrategyReader.Options(request.Options, strategy, errors);
        var variables = VariablesReader.Read(request.Variables, box, limits.MaxOptimizationDimension, errors, out bool variablesValid);
        if (variables is not null && points is not null)
            VariableValuesValidator.Validate(points, variables, "points", errors);
        int? modelDimension = box is null || !variablesValid ? null : VariableRules.ModelDimension(variables, box.Dimension);
        var surrogate = StrategyReader.Surrogate(request.Surrogate, strategy, errors, modelDimension);
        var state = strategy is null || modelDimension is null ? null : OptimizerStateReader.Read(request.State, strategy, modelDimension.Value, errors, out _);
        var constraints = ConstraintReader.Read(request.Constraints, points?.Count, strategy, errors, limits.MaxOptimizationConstraints);
        var gradients = SuggestGradientReader.Read(request.Gradients, points, surrogate, errors, limits.MaxGradientObservations);
        if (gradients is not null && variables is not null && variables.Any(v => v.Kind != VariableKind.Continuous))
            errors.Add("gradients", "Gradients need every variable continuous: a derivative along an integer or a category means nothing to the surrogate.");
        if (!errors.IsEmpty || strategy is null || points is null || box is null || values is null || options is null || surrogate is null)
            return null;
        return (strategy, new SuggestionRequest(box, points, values, batchSize!.Value, seed!.Value, state, options, surrogate, constraints, gradients, variables));
    }

    public static (IBenchmarkFunction Function, Box Box, RunSettings Settings)? ReadRun(RunRequest request, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var function = NameLookup.Find(request.Function, "function", errors, RunnableFunctions, f => f.Name);
        int? dimension = function is null ? null : Dimension(function, request.Dimension, errors, limits);
        var variables = dimension is null ? null : RunVariables(request.Variables, function!, dimension.Value, errors, limits, out dimension);
        var strategy = StrategyReader.Strategy(request.Strategy, errors);
        var options = StrategyReader.Options(request.Options, strategy, errors);
        var surrogate = StrategyReader.Surrogate(request.Surrogate, strategy, errors, dimension is null ? null : VariableRules.ModelDimension(variables, dimension.Value));
        int? batchSize = StrategyReader.BatchSize(request.BatchSize, errors, limits);
        ulong? seed = SeedReader.Read(request.Seed, errors);
        int? budget = request.MaxEvaluations;
        if (budget is null)
            errors.Add("maxEvaluations", "Is required: the total number of evaluations, initial points included.");
        else if (budget < 2 || budget > limits.MaxOptimizationEvaluations)
            errors.Add("maxEvaluations", $"Must be between 2 and {limits.MaxOptimizationEvaluations}.");
        var initial = InitialSamples(request.InitialSamples, budget, errors);
        CostlyFunctionWork.Check(function, budget, "maxEvaluations", errors, limits);
        double noise = request.Noise ?? 0;
        if (!(noise >= 0) || !double.IsFinite(noise))
            errors.Add("noise", "Must be a standard deviation σ ≥ 0.");
        if (!errors.IsEmpty || function is null || strategy is null || options is null || surrogate is null || initial is null)
            return null;
        var (method, methodOptions, count) = initial.Value;
        var settings = new RunSettings(strategy, options, surrogate, method, methodOptions, count, budget!.Value, batchSize!.Value, seed!.Value)
        {
            Noise = noise,
            Variables = variables,
        };
        return (function, function.Domain(dimension!.Value), settings);
    }

    /// <summary>The built-in functions, and the problems with one objective and no constraints (mixedBranin).</summary>
    private static IReadOnlyList<IBenchmarkFunction> RunnableFunctions { get; } = [.. BenchmarkFunctions.All, .. SingleObjectiveProblem.All];

    /// <summary>
    /// The variables of a run: a problem's own kinds (then the request may not give any), or the
    /// request's for a continuous function's domain; null when all are continuous.
    /// </summary>
    /// <param name="checkedDimension">The dimension, or null when the variables were invalid (so that nothing downstream trusts it).</param>
    private static IReadOnlyList<DesignVariable>? RunVariables(
        VariableSpec[]? specs, IBenchmarkFunction function, int dimension, RequestErrors errors, LimitsOptions limits, out int? checkedDimension)
    {
        checkedDimension = dimension;
        if (function is SingleObjectiveProblem problem && problem.Variables(dimension).Any(v => v.Kind != VariableKind.Continuous))
        {
            if (specs is null)
                return problem.Variables(dimension);
            errors.Add("variables", $"{function.Name} has its own integer and categorical variables; leave variables out.");
            checkedDimension = null;
            return null;
        }
        var variables = VariablesReader.Read(specs, function.Domain(dimension), limits.MaxOptimizationDimension, errors, out bool valid);
        if (!valid)
            checkedDimension = null;
        return variables;
    }

    /// <summary>Values with null for failed evaluations, which the strategies read as NaN.</summary>
    private static double[]? Values(double?[]? values, int? count, RequestErrors errors)
    {
        if (values is null)
        {
            errors.Add("values", "Is required: one number per point, or null where the evaluation failed.");
            return null;
        }
        if (count is int n && values.Length != n)
        {
            errors.Add("values", $"Has {values.Length} entries, expected one per point ({n}).");
            return null;
        }
        return values.Select(v => v ?? double.NaN).ToArray();
    }

    private static int? Dimension(IBenchmarkFunction function, int? requested, RequestErrors errors, LimitsOptions limits)
    {
        int d = requested ?? function.DefaultDimension;
        int max = Math.Min(function.MaxDimension, limits.MaxOptimizationDimension);
        if (d >= function.MinDimension && d <= max)
            return d;
        errors.Add("dimension", function.MinDimension == max
            ? $"{function.Name} is defined in {max} dimensions only."
            : $"Must be between {function.MinDimension} and {max} for {function.Name}.");
        return null;
    }

    private static (ISamplingMethod Method, Numerics.Options.OptionValues Options, int Count)? InitialSamples(InitialSamplesSpec? spec, int? budget, RequestErrors errors)
    {
        if (spec is null)
        {
            errors.Add("initialSamples", "Is required: { method, count } of the initial sampling plan.");
            return null;
        }
        var method = spec.Method is null
            ? SamplingMethods.Find("sobol")
            : NameLookup.Find(spec.Method, "initialSamples.method", errors, SamplingMethods.All, m => m.Name);
        if (spec.Count is not int count)
            errors.Add("initialSamples.count", "Is required.");
        else if (count < 1 || budget is int max && count > max)
            errors.Add("initialSamples.count", "Must be at least 1 and at most maxEvaluations.");
        var options = method is null ? null : OptionsBinder.Bind(spec.Options, method.Options, "initialSamples.options", errors);
        return method is null || options is null || spec.Count is null ? null : (method, options, spec.Count.Value);
    }
}
