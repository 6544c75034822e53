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
        var (values, objectives) = ValuesOrObjectives(request, strategy, points?.Count, errors);
        var reference = ObjectivesReader.ReferencePoint(request.ReferencePoint, request.Objectives is not null, objectives?[0].Length, errors);
        int? batchSize = StrategyReader.BatchSize(request.BatchSize, errors, limits);
        ulong? seed = SeedReader.Read(request.Seed, errors);
        var options = StrategyReader.Options(request.Options, strategy, errors);
        var variables = VariablesReader.Read(request.Variables, box, limits.MaxOptimizationDimension, errors, out bool variablesValid);
        if (variables is not null && points is not null)
            VariableValuesValidator.Validate(points, variables, "points", errors);
        int? modelDimension = box is null || !variablesValid ? null : VariableRules.ModelDimension(variables, box.Dimension);
        var surrogate = StrategyReader.Surrogate(request.Surrogate, strategy, errors, modelDimension);
        if (points is not null && modelDimension is int dimension && Work(points.Count, dimension) > limits.MaxOptimizationWork)
            errors.Add("points", WorkMessage($"{points.Count} points", points.Count, dimension, limits));
        var state = strategy is null || modelDimension is null ? null : OptimizerStateReader.Read(request.State, strategy, modelDimension.Value, errors, out _);
        var constraints = ConstraintReader.Read(request.Constraints, points?.Count, strategy, errors, limits.MaxOptimizationConstraints);
        var gradients = SuggestGradientReader.Read(request.Gradients, points, surrogate, errors, limits.MaxGradientObservations);
        if (gradients is not null && variables is not null && variables.Any(v => v.Kind != VariableKind.Continuous))
            errors.Add("gradients", "Gradients need every variable continuous: a derivative along an integer or a category means nothing to the surrogate.");
        if (request.Gradients is not null && request.Objectives is not null)
            errors.Add("gradients", "Are taken for a single objective only: ehvi and parego do not use them.");
        if (strategy is { SupportsDiscreteVariables: false } && variables is not null && variables.Any(v => v.Kind != VariableKind.Continuous))
            errors.Add("variables", $"{strategy.Name} searches a continuous box: integer and categorical variables are not supported; use ei, lcb, srbf or dycors for them.");
        if (strategy is not null && state is not null && points is not null)
        {
            foreach (var problem in strategy.CheckStatePoints(state, points.Count))
                errors.Add("state." + problem.Field, problem.Message);
        }
        if (objectives is not null && variables is not null && variables.Any(v => v.Kind != VariableKind.Continuous))
            errors.Add("variables", "Integer and categorical variables are taken for a single objective only: ehvi and parego search a continuous box.");
        if (!errors.IsEmpty || strategy is null || points is null || box is null || (values is null && objectives is null) || options is null || surrogate is null)
            return null;
        if (objectives is not null)
            return (strategy, SuggestionRequest.WithObjectives(box, points, objectives, batchSize!.Value, seed!.Value, state, options, surrogate, reference));
        return (strategy, new SuggestionRequest(box, points, values!, batchSize!.Value, seed!.Value, state, options, surrogate, constraints, gradients, variables));
    }

    public static (IBenchmarkFunction Function, Box Box, RunSettings Settings)? ReadRun(RunRequest request, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var function = NameLookup.Find(request.Function, "function", errors, RunnableFunctions, f => f.Name,
            alsoValid: string.Join(", ", MultiObjectiveProblems.Select(p => p.Name)));
        int? dimension = function is null ? null : Dimension(function.Name, function.MinDimension, function.MaxDimension, function.DefaultDimension, request.Dimension, errors, limits);
        var variables = dimension is null ? null : RunVariables(request.Variables, function!, dimension.Value, errors, limits, out dimension);
        var strategy = StrategyReader.Strategy(request.Strategy, errors);
        if (strategy is { HandlesSeveralObjectives: true })
            errors.Add("strategy", $"{strategy.Name} optimises several objectives; for a function of one objective use ei, lcb, srbf or dycors, or run it on {string.Join(", ", MultiObjectiveProblems.Select(p => p.Name))}.");
        if (request.ReferencePoint is not null)
            errors.Add("referencePoint", "Is only used with a multi-objective problem.");
        if (strategy is { SupportsDiscreteVariables: false } && variables is not null && variables.Any(v => v.Kind != VariableKind.Continuous))
            errors.Add(request.Variables is null ? "function" : "variables",
                $"{strategy.Name} searches a continuous box: integer and categorical variables are not supported; use ei, lcb, srbf or dycors for them.");
        CostlyFunctionWork.Check(function, request.MaxEvaluations, "maxEvaluations", errors, limits);
        var settings = Settings(request, strategy, dimension, variables, errors, limits);
        if (!errors.IsEmpty || function is null || settings is null)
            return null;
        return (function, function.Domain(dimension!.Value), settings);
    }

    /// <summary>The built-in problems with several objectives, which runs accept beside the functions.</summary>
    public static IEnumerable<IBenchmarkProblem> MultiObjectiveProblems => BenchmarkProblems.All.Where(p => p.ObjectiveCount >= SuggestionRequest.MinObjectives);

    public static bool IsMultiObjectiveProblem(string? name) =>
        MultiObjectiveProblems.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A run of a built-in multi-objective problem: the reported hypervolume's reference point is the request's or the problem's own.</summary>
    public static (IBenchmarkProblem Problem, Box Box, RunSettings Settings, double[] ReferencePoint)? ReadMultiObjectiveRun(RunRequest request, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var problem = NameLookup.Find(request.Function, "function", errors, MultiObjectiveProblems.ToArray(), p => p.Name);
        int? dimension = problem is null ? null : Dimension(problem.Name, problem.MinDimension, problem.MaxDimension, problem.DefaultDimension, request.Dimension, errors, limits);
        var strategy = StrategyReader.Strategy(request.Strategy, errors);
        if (strategy is { HandlesSeveralObjectives: false } && problem is not null)
            errors.Add("strategy", $"{problem.Name} has {problem.ObjectiveCount} objectives: use {ObjectivesReader.MultiObjectiveNames()}.");
        var reference = problem is null || dimension is null ? null : request.ReferencePoint ?? problem.ParetoFront(dimension.Value)?.ReferencePoint;
        if (problem is not null && reference is not null && (reference.Length != problem.ObjectiveCount || !Array.TrueForAll(reference, double.IsFinite)))
            errors.Add("referencePoint", $"Needs {problem.ObjectiveCount} numbers, one per objective.");
        if (request.Variables is not null)
            errors.Add("variables", "Is not taken by a multi-objective problem: its variables are continuous.");
        var settings = Settings(request, strategy, dimension, variables: null, errors, limits);
        if (!errors.IsEmpty || problem is null || settings is null || reference is null)
            return null;
        return (problem, problem.Domain(dimension!.Value), settings, reference);
    }

    /// <summary>What every run reads: strategy options and surrogate, batch size, seed, budget, initial plan and noise.</summary>
    private static RunSettings? Settings(RunRequest request, IOptimizationStrategy? strategy, int? dimension, IReadOnlyList<DesignVariable>? variables,
        RequestErrors errors, LimitsOptions limits)
    {
        var options = StrategyReader.Options(request.Options, strategy, errors);
        var surrogate = StrategyReader.Surrogate(request.Surrogate, strategy, errors, dimension is null ? null : VariableRules.ModelDimension(variables, dimension.Value));
        int? batchSize = StrategyReader.BatchSize(request.BatchSize, errors, limits);
        ulong? seed = SeedReader.Read(request.Seed, errors);
        int? budget = request.MaxEvaluations;
        if (budget is null)
            errors.Add("maxEvaluations", "Is required: the total number of evaluations, initial points included.");
        else if (budget < 2 || budget > limits.MaxOptimizationEvaluations)
            errors.Add("maxEvaluations", $"Must be between 2 and {limits.MaxOptimizationEvaluations}.");
        else if (dimension is int d && Work(budget.Value, VariableRules.ModelDimension(variables, d)) > limits.MaxOptimizationWork)
            errors.Add("maxEvaluations", WorkMessage($"A budget of {budget}", budget.Value, VariableRules.ModelDimension(variables, d), limits));
        var initial = InitialSamples(request.InitialSamples, budget, errors);
        double noise = request.Noise ?? 0;
        if (!(noise >= 0) || !double.IsFinite(noise))
            errors.Add("noise", "Must be a standard deviation σ ≥ 0.");
        if (!errors.IsEmpty || strategy is null || options is null || surrogate is null || initial is null)
            return null;
        var (method, methodOptions, count) = initial.Value;
        return new RunSettings(strategy, options, surrogate, method, methodOptions, count, budget!.Value, batchSize!.Value, seed!.Value)
        {
            Noise = noise,
            Variables = variables,
        };
    }

    /// <summary>n²·d, what a Kriging likelihood search over n points in d (model) dimensions keeps and costs per step.</summary>
    private static double Work(int points, int dimension) => (double)points * points * dimension;

    private static string WorkMessage(string what, int points, int dimension, LimitsOptions limits) =>
        $"{what} in {dimension} dimensions exceed the work limit: points² × dimension = {Work(points, dimension):G3} > {limits.MaxOptimizationWork:G3} " +
        $"(Limits:MaxOptimizationWork); in {dimension} dimensions at most {(int)Math.Sqrt(limits.MaxOptimizationWork / dimension)} points.";

    /// <summary>One value per point for a single objective, or one row per point for several: whichever the strategy optimises.</summary>
    private static (double[]? Values, double[][]? Objectives) ValuesOrObjectives(SuggestRequest request, IOptimizationStrategy? strategy, int? count, RequestErrors errors)
    {
        if (request.Objectives is not null)
        {
            if (request.Values is not null)
                errors.Add("values", "Give either values (one objective) or objectives (several), not both.");
            return (null, ObjectivesReader.Read(request.Objectives, count, strategy, errors));
        }
        if (strategy is { HandlesSeveralObjectives: true })
        {
            errors.Add("objectives", $"Is required: {strategy.Name} optimises {SuggestionRequest.MinObjectives} to {SuggestionRequest.MaxObjectives} objectives, " +
                "one row of objective values per point (null where the evaluation failed) instead of values.");
            return (null, null);
        }
        return (Values(request.Values, count, errors), null);
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

    private static int? Dimension(string name, int minimum, int maximum, int defaultDimension, int? requested, RequestErrors errors, LimitsOptions limits)
    {
        int d = requested ?? defaultDimension;
        int max = Math.Min(maximum, limits.MaxOptimizationDimension);
        if (d >= minimum && d <= max)
            return d;
        errors.Add("dimension", minimum == max
            ? $"{name} is defined in {max} dimensions only."
            : $"Must be between {minimum} and {max} for {name}.");
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
