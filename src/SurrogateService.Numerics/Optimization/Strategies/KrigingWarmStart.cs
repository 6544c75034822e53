using System.Runtime.ExceptionServices;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Maximum-likelihood Kriging that builds on the θ of the previous call. Between two calls the data
/// grow by a few points, so the likelihood's maximum usually moves little: either θ is kept as it is
/// (one factorisation), or the likelihood is searched again from two starts, the previous θ and the
/// heuristic θ of the current data, at a fraction of the cost of the multi-start search of a first fit.
/// </summary>
/// <remarks>
/// The previous θ alone is not enough. With few points in several dimensions the likelihood's
/// maximum is often degenerate, some θ_l at the lower bound of the search (dimensions ignored) and
/// others at the upper one (no correlation at all), and a local search from there stays at the
/// bounds even after more data have made another optimum far better: on Hartmann-6 with 20 start
/// points, θ stuck so until about 110 evaluations while the search from the heuristic θ found a
/// likelihood higher by several units from 25 evaluations on. Expected improvement on such a model
/// samples almost at random, so the fresh start is what keeps the optimisation going.
/// </remarks>
internal static class KrigingWarmStart
{
    /// <param name="search">True to search the likelihood from <paramref name="previousTheta"/> and from the heuristic θ, false to keep it.</param>
    /// <returns>The model, or null when the choice is not Kriging with θ 'fit' without gradients, or there is no previous θ.</returns>
    /// <remarks>
    /// With noise ('fit' or a known variance) the noise parameter is searched too: from its usual
    /// start beside each θ start when searching, and alone (a one-dimensional search, θ kept) otherwise,
    /// so that a noisy suggestion costs about what an exact one does.
    /// </remarks>
    public static KrigingModel? TryFit(TrainingSet data, SurrogateChoice choice, double[]? previousTheta, bool search, CancellationToken cancellationToken)
    {
        if (previousTheta is null || previousTheta.Length != data.Dimension || choice.Kind is not KrigingKind
            || choice.Options.Text("theta") != "fit" || Array.TrueForAll(data.Values, v => v == data.Values[0]) || data.Gradients is not null)
            return null;
        var noise = KrigingKind.ReadNoise(data, choice.Options);
        var shape = KernelProfiles.Parse(choice.Options.Text("kernel")!);
        if (noise.Mode == NoiseMode.None)
            DuplicatePoints.ThrowIfAny(data.Points, "the Kriging correlation matrix would be singular");
        double nugget = choice.Options.Number("nugget");
        double[] p = KrigingKind.Exponents(shape, choice.Options, data.Dimension);
        bool kpls = choice.Options.All["components"] is double;
        // KPLS's directions change with the data, so a previous θ is no start for them: a fresh KPLS search (h variables) is cheap.
        if (search && kpls)
            return null;
        var prior = KrigingKind.ReadPrior(choice.Options, shape, p, kpls);
        var fromPrevious = new KrigingSearchSettings(
            (double[])previousTheta.Clone(), p, choice.Options.Boolean("fitP"), (ulong)choice.Options.Integer("seed"), Starts: 1, nugget, shape, noise,
            Prior: prior);
        if (!search)
        {
            // The nugget of a maximum-likelihood fit, as in the first call (not the condition rule of a given θ).
            if (noise.Mode == NoiseMode.None)
                return KrigingModel.WithJitter(data, new KrigingCorrelation(shape, previousTheta, p), nugget, []);
            var noiseOnly = KrigingHyperparameterSearch.Run(data, fromPrevious with { FitTheta = false, FitP = false }, cancellationToken);
            return KrigingModel.WithNugget(data, new KrigingCorrelation(shape, noiseOnly.Theta, noiseOnly.P), noiseOnly.Nugget, noise, noiseOnly.NoiseParameter, noiseOnly.Warnings);
        }
        // The second start: the heuristic θ, or the prior's median under a prior (the heuristic θ is far out in its tail when the inputs are many).
        var fromHeuristic = fromPrevious with
        {
            StartTheta = prior is null ? KrigingKind.HeuristicTheta(data, p) : KrigingKind.PriorMedianTheta(prior, data.Box, p),
        };
        var results = new KrigingSearchResult[2];
        try
        {
            Parallel.Invoke(
                new ParallelOptions { CancellationToken = cancellationToken },
                () => results[0] = KrigingHyperparameterSearch.Run(data, fromPrevious, cancellationToken),
                () => results[1] = KrigingHyperparameterSearch.Run(data, fromHeuristic, cancellationToken));
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            // The caller handles a failed fit or a cancellation by its own exception type.
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
        // Each search keeps the jitter of its own start; the two differ only where R is singular to
        // working precision at one of them. Ties go to the previous θ, so that a suggestion changes
        // only when the likelihood says so.
        var best = results[1].LogLikelihood > results[0].LogLikelihood ? results[1] : results[0];
        return KrigingModel.WithNugget(data, new KrigingCorrelation(shape, best.Theta, best.P), best.Nugget, noise, best.NoiseParameter, best.Warnings);
    }
}
