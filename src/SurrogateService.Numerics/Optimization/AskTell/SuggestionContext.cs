using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// What every strategy does around its own choice of points: checks the request and the returned
/// state, sorts the evaluations, enforces the distance rule, and collects the batch and the warnings.
/// </summary>
internal sealed class SuggestionContext
{
    private readonly PointSet _points;
    private readonly double[] _acquisition;

    public SuggestionContext(IOptimizationStrategy strategy, SuggestionRequest request)
    {
        request.Validate();
        if (request.Constraints is not null && !strategy.SupportsConstraints)
            throw new ArgumentException($"{strategy.Name} does not take constraints.", nameof(request));
        if ((request.Objectives is not null) != strategy.HandlesSeveralObjectives)
            throw new ArgumentException(strategy.HandlesSeveralObjectives
                ? $"{strategy.Name} needs several objectives." : $"{strategy.Name} optimises a single objective.", nameof(request));
        if (request.State is { } state)
        {
            var problems = strategy.CheckState(state, VariableRules.ModelDimension(request.Variables, request.Box.Dimension));
            if (problems.Count > 0)
                throw new ArgumentException($"Invalid state: {problems[0].Field}: {problems[0].Message}", nameof(request));
        }
        Request = request;
        Known = KnownData.From(request);
        Warnings = [.. Known.Warnings];
        Iteration = request.State?.Iteration ?? 0;
        Random = StrategyRandom.For(request.Seed, Iteration);
        Space = new VariableSpace(request.Box, request.Variables);
        Incumbent = Known.Incumbent;
        Occupied = new OccupiedPoints(Space, request.Points, request.Options.Number(StrategyOptions.MinDistance));
        Penalty = new FailurePenalty(Known.Failed, Space, request.Options.Number(StrategyOptions.FailureRadius));
        _points = new PointSet(request.BatchSize, request.Box.Dimension);
        _acquisition = new double[request.BatchSize];
    }

    public SuggestionRequest Request { get; }

    /// <summary>The kinds of the coordinates, their distance and their encoding for the surrogate.</summary>
    public VariableSpace Space { get; }

    /// <summary>The incumbent reported: the best observed value, unless a noisy surrogate replaced it by the best posterior mean.</summary>
    public Incumbent? Incumbent { get; set; }

    public KnownData Known { get; }

    public List<string> Warnings { get; }

    public int Iteration { get; }

    public DeterministicRandom Random { get; }

    public OccupiedPoints Occupied { get; }

    public FailurePenalty Penalty { get; }

    public Box Box => Request.Box;

    public int Dimension => Request.Box.Dimension;

    public int BatchSize => Request.BatchSize;

    /// <summary>Takes <paramref name="point"/> as the batch's point <paramref name="index"/>; it becomes occupied for the rest of the batch.</summary>
    public void Accept(int index, ReadOnlySpan<double> point, double acquisition)
    {
        point.CopyTo(_points[index]);
        _acquisition[index] = acquisition;
        Occupied.Add(point);
    }

    /// <summary>Fills point <paramref name="index"/> with the space-filling fallback.</summary>
    /// <exception cref="OptimizationException">Not even the farthest candidate keeps the minimum distance.</exception>
    public void AcceptSpaceFilling(int index)
    {
        var point = SpaceFilling.FarthestPoint(Space, Occupied, Random.NextUInt64())
            ?? throw new OptimizationException(
                "No point of the box keeps the minimum distance from the known points and the batch: the box is saturated. " +
                "Lower options.minDistance, shrink the box, or ask for fewer points.")
            { Field = "options." + StrategyOptions.MinDistance };
        Accept(index, point, double.NaN);
    }

    public Suggestion Finish(OptimizerState state) => new(_points, _acquisition, state, Incumbent, Warnings.Distinct().ToArray(), Known.Feasible);
}
