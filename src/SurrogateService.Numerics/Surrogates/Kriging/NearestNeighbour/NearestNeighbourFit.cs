using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>What a nearest-neighbour fit starts from and may change (see <see cref="KrigingSearchSettings"/>).</summary>
internal sealed record NearestNeighbourSettings(
    KernelShape Shape, KrigingNoise Noise, double[] StartTheta, double[] P, bool FitTheta, double NuggetFloor, ulong Seed, int Starts,
    int Neighbours, int PredictionNeighbours);

/// <summary>
/// Fits nearest-neighbour Kriging: maximum likelihood of the Vecchia approximation over θ (and the
/// noise parameter), from the best of the exact multi-start search on a space-filling subset.
/// </summary>
/// <remarks>
/// Coarse to fine, like the exact search (<see cref="KrigingHyperparameterSearch"/>): the exact
/// likelihood of <see cref="KrigingHyperparameterSearch.ExplorationPoints"/> well-spread points is
/// cheap and finds the basin; the Vecchia likelihood of all the points then refines it with
/// projected BFGS. The neighbours depend on θ (they are found in the θ-scaled space), so they are
/// found again at the refined θ and the search is repeated once from there, as Katzfuss, Guinness
/// &amp; Lawrence (2022, Section 3) alternate between the scaling and the fit. The jitter is the least
/// 10ε·10^k at which every block factors at the start, then fixed, as in the exact search.
/// </remarks>
internal static class NearestNeighbourFit
{
    /// <summary>Searches of the Vecchia likelihood, each with the neighbours found at the θ the previous one reached.</summary>
    private const int Rounds = 2;

    public static NearestNeighbourKrigingModel Run(TrainingSet data, NearestNeighbourSettings settings, IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        var noise = settings.Noise;
        var noiseSearch = NoiseSearch.For(noise, data.Values);
        var space = new KrigingSearchSpace(data.Box, settings.P, fitP: false, KrigingHyperparameterSearch.MinScaledTheta, KrigingHyperparameterSearch.MaxScaledTheta,
            1, 2, settings.FitTheta ? null : settings.StartTheta, noise.Mode, noiseSearch.Scale, noiseSearch.Range);
        var allWarnings = warnings.ToList();
        double[] z = space.Lower.Count == 0 ? [] : Explore(data, settings, cancellationToken);
        var (theta, p, noiseParameter) = space.Decode(z);
        double nugget = Jitter(data, settings, theta, p, noiseParameter, cancellationToken);
        var options = KrigingHyperparameterSearch.SearchOptions with { LowerBounds = space.Lower, UpperBounds = space.Upper };
        for (int round = 0; round < Rounds && z.Length > 0; round++)
        {
            var likelihood = new VecchiaLikelihood(data, new VecchiaNeighbours(data.Points, theta, p, settings.Neighbours, cancellationToken), settings.Shape, noise, nugget);
            var result = ProjectedBfgs.Minimize((x, gradient) => NegativeLogLikelihood(likelihood, space, x, gradient, cancellationToken), z, options, cancellationToken);
            z = result.Minimizer;
            (theta, p, noiseParameter) = space.Decode(z);
        }
        if (settings.FitTheta)
            allWarnings.AddRange(KrigingHyperparameterSearch.BoundWarnings(z, data.Dimension));
        if (space.SearchesNoise)
            allWarnings.AddRange(noiseSearch.BoundWarnings(z[^1], space.Lower[^1], space.Upper[^1]));
        return Build(data, settings, theta, p, nugget, noiseParameter, allWarnings, cancellationToken);
    }

    /// <summary>The model at given hyperparameters: one Vecchia evaluation gives μ, σ² and P.</summary>
    public static NearestNeighbourKrigingModel Build(TrainingSet data, NearestNeighbourSettings settings, double[] theta, double[] p, double nugget, double noiseParameter,
        IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        var neighbours = new VecchiaNeighbours(data.Points, theta, p, settings.Neighbours, cancellationToken);
        var evaluation = new VecchiaLikelihood(data, neighbours, settings.Shape, settings.Noise, nugget).Evaluate(theta, p, noiseParameter, [], cancellationToken);
        if (!double.IsFinite(evaluation.LogLikelihood))
            throw new SurrogateFitException("The covariance of some point and its neighbours is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
        var parameters = new NearestNeighbourParameters(evaluation.Mean, evaluation.ProcessVariance, evaluation.MeanPrecision, neighbours.Size, settings.PredictionNeighbours);
        var diagnostics = new FitDiagnostics { LogLikelihood = evaluation.LogLikelihood, Warnings = warnings };
        var model = new NearestNeighbourKrigingModel(data, settings.Shape, theta, p, nugget, settings.Noise,
            settings.Noise.Mode == NoiseMode.Fit ? noiseParameter : 0, parameters, diagnostics);
        model.Calibrate(settings.Seed, cancellationToken);
        return model;
    }

    /// <summary>The exact multi-start search on a space-filling subset (all points when there are few): the start of the refinement.</summary>
    private static double[] Explore(TrainingSet data, NearestNeighbourSettings settings, CancellationToken cancellationToken)
    {
        int count = Math.Min(data.Count, KrigingHyperparameterSearch.ExplorationPoints);
        var indices = count == data.Count ? Enumerable.Range(0, count).ToArray() : SpaceFillingSubset.Select(data.Points, data.Box, count);
        var subset = KrigingHyperparameterSearch.Subset(data, indices);
        var noise = KrigingHyperparameterSearch.Subset(settings.Noise, indices);
        var search = KrigingHyperparameterSearch.Run(subset,
            new KrigingSearchSettings(settings.StartTheta, settings.P, FitP: false, settings.Seed, settings.Starts, settings.NuggetFloor, settings.Shape, noise, settings.FitTheta),
            cancellationToken);
        var noiseSearch = NoiseSearch.For(settings.Noise, data.Values);
        var space = new KrigingSearchSpace(data.Box, settings.P, fitP: false, KrigingHyperparameterSearch.MinScaledTheta, KrigingHyperparameterSearch.MaxScaledTheta,
            1, 2, settings.FitTheta ? null : settings.StartTheta, settings.Noise.Mode, noiseSearch.Scale, noiseSearch.Range);
        return space.Encode(search.Theta, search.P, search.NoiseParameter);
    }

    private static double Jitter(TrainingSet data, NearestNeighbourSettings settings, double[] theta, double[] p, double noiseParameter, CancellationToken cancellationToken)
    {
        var neighbours = new VecchiaNeighbours(data.Points, theta, p, settings.Neighbours, cancellationToken);
        for (double nugget = Math.Max(settings.NuggetFloor, KrigingRegularisation.SmallestJitter); nugget <= 1; nugget *= 10)
        {
            var likelihood = new VecchiaLikelihood(data, neighbours, settings.Shape, settings.Noise, nugget);
            if (double.IsFinite(likelihood.Evaluate(theta, p, noiseParameter, [], cancellationToken).LogLikelihood))
                return nugget;
        }
        throw new SurrogateFitException("The covariance of some point and its neighbours is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
    }

    /// <summary>−L(z) and its gradient in the search variables (ln θ̃ shifts ln θ by a constant, ln(η/scale) shifts ln η).</summary>
    private static double NegativeLogLikelihood(VecchiaLikelihood likelihood, KrigingSearchSpace space, ReadOnlySpan<double> z, Span<double> gradient, CancellationToken cancellationToken)
    {
        var (theta, p, noiseParameter) = space.Decode(z);
        int d = theta.Length;
        var full = new double[d + (space.SearchesNoise ? 1 : 0)];
        double logLikelihood = likelihood.Evaluate(theta, p, noiseParameter, full, cancellationToken).LogLikelihood;
        if (!double.IsFinite(logLikelihood))
            return double.PositiveInfinity;
        int k = 0;
        for (int l = 0; space.SearchesTheta && l < d; l++, k++)
            gradient[k] = -full[l];
        if (space.SearchesNoise)
            gradient[k] = -full[d];
        return -logLikelihood;
    }
}
