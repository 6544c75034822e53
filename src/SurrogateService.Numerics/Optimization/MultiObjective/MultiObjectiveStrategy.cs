using System.Globalization;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// What the multi-objective strategies (ehvi, parego) share around their own choice of points: the
/// request's objectives sorted into per-objective training sets, the Pareto front with its reference
/// point and hypervolume, the space-filling fallback while fewer than two evaluations have succeeded,
/// and the response without a single incumbent.
/// </summary>
internal abstract class MultiObjectiveStrategy : IOptimizationStrategy
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<OptionSpec> Options { get; }

    public SurrogateChoice DefaultSurrogate { get; } = SurrogateChoice.Of("kriging");

    public bool NeedsStandardError => true;

    public bool SupportsConstraints => false;

    public bool HandlesSeveralObjectives => true;

    public abstract IReadOnlyList<StateProblem> CheckState(OptimizerState state, int dimension);

    public Suggestion Suggest(SuggestionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Surrogate.Kind.HasStandardError)
            throw new ArgumentException($"{Name} needs a surrogate with a standard error; {request.Surrogate.Kind.Name} has none.", nameof(request));
        var context = new SuggestionContext(this, request);
        var data = ObjectiveData.From(request);
        var front = Front(request, data);
        OptimizerState state;
        if (data is null || data.Count < 2)
        {
            context.Warnings.Add("Fewer than two evaluations have succeeded, too few for a surrogate: space-filling points were suggested.");
            for (int j = 0; j < context.BatchSize; j++)
                context.AcceptSpaceFilling(j);
            state = new OptimizerState { Strategy = Name, Iteration = context.Iteration + 1, ThetaPoints = request.State?.ThetaPoints, Theta = request.State?.Theta, ObjectiveThetas = request.State?.ObjectiveThetas };
        }
        else
        {
            state = ChooseBatch(context, data, front.ReferencePoint!, cancellationToken);
        }
        return context.Finish(state) with { Incumbent = null, ParetoFront = front };
    }

    /// <summary>Fills the batch (<see cref="SuggestionContext.Accept"/> or the space-filling fallback) and returns the state for the next call.</summary>
    private protected abstract OptimizerState ChooseBatch(SuggestionContext context, ObjectiveData data, double[] reference, CancellationToken cancellationToken);

    /// <summary>Whether to search the likelihood again (as ei does: after refitEvery new successful evaluations, or without a previous θ).</summary>
    private protected static bool SearchTheta(SuggestionRequest request, int successful)
    {
        int? searchedOn = request.State?.ThetaPoints;
        return searchedOn is not int last || successful < last || successful - last >= request.Options.Integer(StrategyOptions.RefitEvery);
    }

    /// <exception cref="OptimizationException">The client's reference point is not worse than every front point in every objective.</exception>
    private static ParetoFront Front(SuggestionRequest request, ObjectiveData? data)
    {
        int d = request.Box.Dimension;
        if (data is null)
            return new ParetoFront(new Core.PointSet(0, d), [], request.ReferencePoint, false, 0);
        var values = data.FrontValues;
        var reference = request.ReferencePoint ?? ReferencePoint.Derive(values);
        int outside = ReferencePoint.FirstNotBounded(values, reference);
        if (outside >= 0)
        {
            throw new OptimizationException(
                $"The reference point must be worse than every point of the Pareto front in every objective, but the front holds [{string.Join(", ", values[outside].Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}]. " +
                "Choose a larger reference point, or omit it to have one derived.")
            { Field = "referencePoint" };
        }
        var points = Core.PointSet.FromRows(data.FrontIndices.Select(i => data.Points[i].ToArray()).ToArray());
        return new ParetoFront(points, [.. values], reference, request.ReferencePoint is null, Hypervolume.Of(values, reference));
    }
}
