using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// One ask–tell strategy (srbf, dycors, ei, lcb): given what has been evaluated, it suggests the
/// next points. It keeps nothing between calls; what it must remember travels in <see cref="OptimizerState"/>.
/// </summary>
public interface IOptimizationStrategy
{
    /// <summary>The name clients use (e.g. "ei", "dycors").</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The strategy's options (validated by the caller before <see cref="Suggest"/>).</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>The surrogate it fits when the caller does not choose one.</summary>
    SurrogateChoice DefaultSurrogate { get; }

    /// <summary>Whether the surrogate must give a standard error (ei and lcb need one).</summary>
    bool NeedsStandardError { get; }

    /// <summary>Whether it takes black-box constraint values beside the objective (see <see cref="SuggestionRequest.Constraints"/>).</summary>
    bool SupportsConstraints { get; }

    /// <summary>Whether it optimises several objectives (see <see cref="SuggestionRequest.Objectives"/>) rather than one.</summary>
    bool HandlesSeveralObjectives => false;

    /// <summary>Whether it searches integer and categorical variables (turbo's trust region is a continuous box).</summary>
    bool SupportsDiscreteVariables => true;

    /// <summary>Problems of a returned state with the number of points sent beside it, as (field, message); none unless the state indexes the points.</summary>
    IReadOnlyList<StateProblem> CheckStatePoints(OptimizerState state, int pointCount) => [];

    /// <summary>Problems with a state a client sent back, as (field inside the state, message); empty when it is sound.</summary>
    /// <param name="dimension">The surrogate's dimension: the box's, or more when categories are one-hot encoded (see <see cref="VariableSpace"/>).</param>
    IReadOnlyList<StateProblem> CheckState(OptimizerState state, int dimension);

    /// <summary>The next <see cref="SuggestionRequest.BatchSize"/> points to evaluate. Deterministic for the same request.</summary>
    /// <exception cref="OptimizationException">No admissible point is left (the box is saturated with known points).</exception>
    Suggestion Suggest(SuggestionRequest request, CancellationToken cancellationToken = default);
}
