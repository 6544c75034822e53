namespace SurrogateService.Numerics.Optimization;

/// <summary>Checks shared by the strategies' <see cref="IOptimizationStrategy.CheckState"/>: a returned state is client input.</summary>
internal sealed class StateRules(OptimizerState state)
{
    private readonly List<StateProblem> _problems = [];

    public IReadOnlyList<StateProblem> Problems => _problems;

    /// <summary>The fields every strategy writes: the strategy name, the iteration and the best value.</summary>
    public StateRules Common(string strategy)
    {
        if (!string.Equals(state.Strategy, strategy, StringComparison.Ordinal))
            Add("strategy", $"This state was written by '{state.Strategy}', not '{strategy}'; send the state of the same strategy, or none to start afresh.");
        if (state.Iteration < 0)
            Add("iteration", "Must be at least 0.");
        if (state.BestValue is double best && !double.IsFinite(best))
            Add("bestValue", "Must be a finite number.");
        return this;
    }

    public StateRules Count(string field, int? value, int minimum = 0)
    {
        if (value is null)
            Add(field, "Is required.");
        else if (value < minimum)
            Add(field, $"Must be at least {minimum}.");
        return this;
    }

    public StateRules Within(string field, double? value, double exclusiveMinimum, double maximum)
    {
        if (value is null)
            Add(field, "Is required.");
        else if (!double.IsFinite(value.Value) || value <= exclusiveMinimum || value > maximum)
            Add(field, $"Must be greater than {exclusiveMinimum} and at most {maximum}.");
        return this;
    }

    /// <summary>An optional vector with one finite, positive entry per dimension.</summary>
    public StateRules OptionalPositiveVector(string field, double[]? values, int dimension)
    {
        if (values is null)
            return this;
        if (values.Length != dimension)
        {
            Add(field, $"Has {values.Length} entries, expected {dimension}.");
            return this;
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] <= 0)
                Add($"{field}[{i}]", "Must be a finite number greater than 0.");
        }
        return this;
    }

    /// <summary>An optional list of vectors, each with one finite, positive entry per dimension.</summary>
    public StateRules OptionalPositiveVectors(string field, double[][]? vectors, int dimension)
    {
        if (vectors is null)
            return this;
        for (int k = 0; k < vectors.Length; k++)
        {
            if (vectors[k] is null)
                Add($"{field}[{k}]", "Is required.");
            else
                OptionalPositiveVector($"{field}[{k}]", vectors[k], dimension);
        }
        return this;
    }

    /// <summary>ei, lcb, parego: the Kriging θ and the evaluations it was searched on, optional but together.</summary>
    public StateRules KrigingTheta(string field, double[]? theta, int dimension) =>
        OptionalPositiveVector(field, theta, dimension).SearchedOn(field, theta);

    /// <summary>ehvi: one Kriging θ per objective and the evaluations they were searched on, optional but together.</summary>
    public StateRules KrigingTheta(string field, double[][]? thetas, int dimension) =>
        OptionalPositiveVectors(field, thetas, dimension).SearchedOn(field, thetas);

    private StateRules SearchedOn(string field, object? theta) =>
        OptionalCount("thetaPoints", state.ThetaPoints, minimum: 2)
            .Together(field, theta, "thetaPoints", state.ThetaPoints)
            .Together("thetaPoints", state.ThetaPoints, field, theta);

    /// <summary>The fields of srbf and dycors, which other strategies reject.</summary>
    public StateRules NoRadialBasisFields(string strategy) =>
        Absent("stepSize", state.StepSize, strategy)
            .Absent("successes", state.Successes, strategy)
            .Absent("failures", state.Failures, strategy)
            .Absent("cycleIndex", state.CycleIndex, strategy)
            .Absent("initialPoints", state.InitialPoints, strategy);

    /// <summary>Two optional fields that are given together or not at all.</summary>
    public StateRules Together(string field, object? value, string partner, object? partnerValue)
    {
        if (value is null && partnerValue is not null)
            Add(field, $"Is required together with {partner}.");
        return this;
    }

    public StateRules OptionalCount(string field, int? value, int minimum)
    {
        if (value < minimum)
            Add(field, $"Must be at least {minimum}.");
        return this;
    }

    /// <summary>A field another strategy uses: rejected, so that a mixed-up state is noticed.</summary>
    public StateRules Absent(string field, object? value, string strategy)
    {
        if (value is not null)
            Add(field, $"Is not used by {strategy}; remove it.");
        return this;
    }

    private void Add(string field, string message) => _problems.Add(new StateProblem(field, message));
}
