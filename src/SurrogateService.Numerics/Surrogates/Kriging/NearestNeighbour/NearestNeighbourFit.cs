namespace SurrogateService.Numerics.Surrogates;

/// <summary>What a nearest-neighbour fit starts from and may change (see <see cref="KrigingSearchSettings"/>).</summary>
internal sealed record NearestNeighbourSettings(
    KernelShape Shape, KrigingNoise Noise, double[] StartTheta, double[] P, bool FitTheta, double NuggetFloor, ulong Seed, int Starts,
    int Neighbours, int PredictionNeighbours, TrendRequest? Trend = null);

/// <summary>A polynomial trend to fit first: its degree (0: chosen by held-out validation) and the q-norm of its hyperbolic truncation.</summary>
internal sealed record TrendRequest(int Degree, double QNorm);

/// <summary>
/// Fits nearest-neighbour Kriging: θ (and the noise parameter) by exact maximum likelihood on a well-spread
/// subset of the points, then μ and σ² from the Vecchia likelihood of all of them, and σ² calibrated by leave-one-out.
/// </summary>
/// <remarks>
/// Why θ from an exact subset and not from the Vecchia likelihood of all points (measured on the borehole
/// function, docs/large-data.md): with m = 30 the Vecchia likelihood of smooth data with long correlation
/// lengths sits far below the exact one (3 279 against 6 145 at n = 2 000) and its maximum is at much shorter
/// lengths (θ_rw 25 against the exact 1.65), which tripled the prediction error; m = 60 halved the gap at 6× the
/// cost. The exact likelihood of <see cref="SubsetPoints"/> points found θ_rw = 1.96, within the flat top of the
/// exact likelihood of all 2 000 (RMSE at that θ 0.027 against 0.024), and refining it on the Vecchia likelihood
/// of 2·10⁴ points only moved it back towards the biased maximum. The subset fit is the exact search
/// (<see cref="KrigingHyperparameterSearch"/>), so its cost does not grow with n; the rest is O(n·m³) once.
/// Katzfuss, Guinness &amp; Lawrence (2022) alternate the scaling and the fit instead; with their larger m the bias is smaller.
/// </remarks>
internal static class NearestNeighbourFit
{
    /// <summary>Points of the exact likelihood search that estimates θ: an exact fit of this many takes seconds.</summary>
    public const int SubsetPoints = 1_000;

    /// <param name="phases">Where the subset search is kept (a job's checkpoints), or null.</param>
    public static NearestNeighbourKrigingModel Run(TrainingSet data, NearestNeighbourSettings settings, IReadOnlyList<string> warnings, CancellationToken cancellationToken,
        FitPhases? phases = null)
    {
        var allWarnings = warnings.ToList();
        TrendChoice? trend = null;
        if (settings.Trend is { } request)
        {
            trend = TrendSelection.Fit(data, request.Degree, request.QNorm, settings.Seed, cancellationToken);
            allWarnings.AddRange(trend.Warnings);
        }
        var residuals = trend?.Trend.Detrend(data) ?? data;
        double[] theta = settings.StartTheta, p = settings.P;
        double noiseParameter = 0, nugget = Math.Max(settings.NuggetFloor, KrigingRegularisation.SmallestJitter);
        if (settings.FitTheta || settings.Noise.Mode != NoiseMode.None)
        {
            var search = FitPhases.Run(phases, () => SubsetSearch(residuals, settings, cancellationToken));
            (theta, p, noiseParameter, nugget) = (search.Theta, search.P, search.NoiseParameter, search.Nugget);
            allWarnings.AddRange(search.Warnings);
        }
        var neighbours = new VecchiaNeighbours(data.Points, theta, p, settings.Neighbours, cancellationToken);
        (nugget, var evaluation) = Jitter(residuals, neighbours, settings, theta, p, noiseParameter, nugget, cancellationToken);
        return Build(data, settings, theta, p, nugget, noiseParameter, allWarnings, cancellationToken, calibrate: true, neighbours, trend, residuals, evaluation);
    }

    /// <summary>The exact search on the coarsest <see cref="SubsetPoints"/> points (all of them when there are fewer).</summary>
    private static KrigingSearchResult SubsetSearch(TrainingSet data, NearestNeighbourSettings settings, CancellationToken cancellationToken)
    {
        int count = Math.Min(data.Count, SubsetPoints);
        var indices = count == data.Count ? Enumerable.Range(0, count).ToArray() : CoarsestPoints(data, count);
        var subset = KrigingHyperparameterSearch.Subset(data, indices);
        var noise = KrigingHyperparameterSearch.Subset(settings.Noise, indices);
        return KrigingHyperparameterSearch.Run(subset,
            new KrigingSearchSettings(settings.StartTheta, settings.P, FitP: false, settings.Seed, settings.Starts, settings.NuggetFloor, settings.Shape, noise, settings.FitTheta),
            cancellationToken);
    }

    /// <summary>The first points of the coarse-to-fine order of a k-d tree in box-scaled inputs: a well-spread subset in O(n·log n).</summary>
    private static int[] CoarsestPoints(TrainingSet data, int count)
    {
        int d = data.Dimension;
        var scale = new double[d];
        for (int l = 0; l < d; l++)
            scale[l] = 1 / Math.Pow(data.Box.Upper[l] - data.Box.Lower[l], 2);
        var tree = new ScaledKdTree(ScaledPoints.Scale(data.Points, scale, Enumerable.Repeat(2.0, d).ToArray()), d);
        return tree.Order[..count];
    }

    /// <summary>
    /// The model at given hyperparameters: one Vecchia evaluation gives μ and σ². With <paramref name="calibrate"/>, σ² is
    /// then scaled by the mean squared standardised leave-one-out error of half the drawn points, the cross-validation
    /// estimate of the process variance (Bachoc 2013, Computational Statistics &amp; Data Analysis 66, 55–69; libKriging's
    /// "Leave-one-out" notes give the same σ²_LOO), which keeps the standard errors honest where the model is
    /// misspecified or θ comes from a subset; the leave-one-out diagnostics then come from the other half.
    /// Known noise is left alone: its variances do not scale with σ². With a <paramref name="trend"/>, the process models
    /// <paramref name="residuals"/>, the values less the trend. <paramref name="evaluated"/> is the Vecchia likelihood of
    /// <paramref name="residuals"/> with <paramref name="found"/> at these hyperparameters when the caller has it (it costs as much as the neighbour search).
    /// </summary>
    public static NearestNeighbourKrigingModel Build(TrainingSet data, NearestNeighbourSettings settings, double[] theta, double[] p, double nugget, double noiseParameter,
        IReadOnlyList<string> warnings, CancellationToken cancellationToken, bool calibrate = false, VecchiaNeighbours? found = null, TrendChoice? trend = null,
        TrainingSet? residuals = null, VecchiaLikelihood.Evaluation? evaluated = null)
    {
        var neighbours = found ?? new VecchiaNeighbours(data.Points, theta, p, settings.Neighbours, cancellationToken);
        residuals ??= trend?.Trend.Detrend(data) ?? data;
        var evaluation = evaluated ?? new VecchiaLikelihood(residuals, neighbours, settings.Shape, settings.Noise, nugget).Evaluate(theta, p, noiseParameter, cancellationToken);
        if (!double.IsFinite(evaluation.LogLikelihood))
            throw new SurrogateFitException("The covariance of some point and its neighbours is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
        var parameters = new NearestNeighbourParameters(evaluation.Mean, evaluation.ProcessVariance, neighbours.Size, settings.PredictionNeighbours);
        var diagnostics = new FitDiagnostics { LogLikelihood = evaluation.LogLikelihood, Warnings = warnings, Trend = trend?.Diagnostics };
        var model = new NearestNeighbourKrigingModel(data, settings.Shape, theta, p, nugget, settings.Noise,
            settings.Noise.Mode == NoiseMode.Fit ? noiseParameter : 0, parameters, diagnostics, trend: trend?.Trend, residuals: residuals, tree: neighbours.Tree);
        var draw = NearestNeighbourKrigingModel.CalibrationDraw(data.Count, settings.Seed);
        int half = draw.Length / 2;
        if (calibrate && settings.Noise.Mode != NoiseMode.Known && half > 0)
        {
            var (_, standardised) = model.LeaveOneOut(draw[..half], cancellationToken);
            double scale = standardised.Sum(z => z * z) / half;
            if (double.IsFinite(scale) && scale > 0)
                model = new NearestNeighbourKrigingModel(data, settings.Shape, theta, p, nugget, settings.Noise, model.NoiseParameter,
                    parameters with { ProcessVariance = parameters.ProcessVariance * scale }, diagnostics, scale, trend?.Trend, residuals, neighbours.Tree);
        }
        model.Check(calibrate ? draw[half..] : draw, cancellationToken);
        return model;
    }

    /// <summary>The least nugget from <paramref name="least"/> up (×10) at which every block of the Vecchia likelihood factors, and the likelihood there.</summary>
    private static (double Nugget, VecchiaLikelihood.Evaluation Evaluation) Jitter(TrainingSet data, VecchiaNeighbours neighbours, NearestNeighbourSettings settings,
        double[] theta, double[] p, double noiseParameter, double least, CancellationToken cancellationToken)
    {
        for (double nugget = Math.Max(least, KrigingRegularisation.SmallestJitter); nugget <= 1; nugget *= 10)
        {
            var likelihood = new VecchiaLikelihood(data, neighbours, settings.Shape, settings.Noise, nugget);
            var evaluation = likelihood.Evaluate(theta, p, noiseParameter, cancellationToken);
            if (double.IsFinite(evaluation.LogLikelihood))
                return (nugget, evaluation);
        }
        throw new SurrogateFitException("The covariance of some point and its neighbours is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
    }
}
