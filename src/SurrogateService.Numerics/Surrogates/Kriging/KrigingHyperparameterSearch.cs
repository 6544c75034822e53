using System.Globalization;
using System.Runtime.ExceptionServices;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Maximum-likelihood θ (and optionally p) for ordinary Kriging: multi-start projected BFGS on the
/// concentrated log-likelihood with its analytic gradient, deterministic for a given seed.
/// </summary>
/// <remarks>
/// The search runs over z_l = ln θ̃_l with θ̃_l = θ_l·w_l^{p_l}, w_l the width of the design box in
/// dimension l: exp(−θ̃_l) is the correlation of two points one full width apart, so the same range
/// suits every box and every p. θ̃ ∈ [1e-8, 1e4] spans correlations across the box from 1 − 1e-8 (a
/// nearly polynomial trend) to correlation lengths of about 1 % of the width. The lower end was 1e-4
/// until it was found to cut off the likelihood's optimum on smooth data: on borehole (8-D, 1 000 random
/// points, Matérn 5/2) six of the eight θ̃ sit between 5e-6 and 8e-5 at the optimum, and the bound cost
/// 28 % of RMSE against scikit-learn's GPR (0.0376 vs 0.0293; 0.0293 with the bound at 1e-8, measured
/// with bench/borehole_kriging.sh). Such θ̃ make K ill-conditioned (cond ≈ 1e16), which
/// <see cref="KrigingModel"/> measures and reports (its condition number and rounding check). The nugget is the
/// jitter of <see cref="KrigingRegularisation.FactorWithJitter"/> at the first start, fixed for the whole
/// search so that the likelihood stays one smooth function; where R + νI cannot be factored the
/// likelihood is −∞ and the minimiser keeps out.
/// <para>
/// The first start is the heuristic θ, the others log-uniform in θ̃ ∈ [1e-2, 1e2] (and p ∈ [1, 2]).
/// Every evaluation costs O(n³), so with more than <see cref="ExplorationPoints"/> points the starts
/// explore the likelihood of a space-filling subset of that many points, and only the best of them
/// is refined on all the data, with fewer evaluations the more points there are (see
/// <see cref="RefinementEvaluations"/>): a coarse-to-fine search whose cost grows like a short local search on the full set. Starts run in parallel and the best is chosen by likelihood, then by start index,
/// so the result does not depend on scheduling.
/// </para>
/// </remarks>
internal static class KrigingHyperparameterSearch
{
    public const double MinScaledTheta = 1e-8;
    public const double MaxScaledTheta = 1e4;

    /// <summary>Above this many points the starts run on a subset of this size (see the remarks).</summary>
    public const int ExplorationPoints = 256;

    /// <summary>
    /// The likelihood evaluations the refinement on all n points may take: each costs O(n³) (a
    /// factorisation and an inverse: about 0.5 s of one core at n = 1 000), and it starts from the
    /// subset's optimum, which is close, so (256/n)²·200 with at least 20 keeps a first fit of a
    /// thousand points to some seconds instead of minutes.
    /// </summary>
    internal static int RefinementEvaluations(int n) =>
        Math.Max(20, (int)(SearchOptions.MaxEvaluations * Math.Pow((double)ExplorationPoints / n, 2)));

    /// <summary>
    /// GEKPLS's exploration on the training points runs local searches from this many of its starts, those with the
    /// highest likelihood. With the gradients' directions the searches take about three times KPLS's evaluations each
    /// (211 against 68 for eight starts at d = 30, n = 40, docs/surrogate-zoo.md) and on the bench all eight ended at
    /// the same optimum; two, one per core, keep some protection against a second mode.
    /// </summary>
    internal const int ScreenedSearches = 2;

    /// <summary>
    /// The likelihood evaluations of GEKPLS's refinement on the training and Taylor points: it starts from the training
    /// points' optimum, and on the bench five evaluations gave the same RMSE, to four digits, as the 26 of an unlimited one.
    /// </summary>
    internal const int TaylorRefinementEvaluations = 10;

    /// <summary>The range of the random starts' θ̃ (gradient-enhanced Kriging draws from the same).</summary>
    internal const double MinStartTheta = 1e-2, MaxStartTheta = 1e2;
    internal const double MinP = 1, MaxP = 2;

    /// <summary>The local search's settings, shared with gradient-enhanced Kriging's search over the same variables.</summary>
    internal static readonly ProjectedBfgsOptions SearchOptions = new()
    {
        // One e-fold of θ̃: a step that changes R appreciably.
        InitialStep = 1,
        GradientTolerance = 1e-5,
        ValueTolerance = 1e-10,
        // θ to 0.1 %: finer is lost in the rounding noise of the likelihood where R is ill-conditioned,
        // and its flat top makes predictions insensitive to it.
        StepTolerance = 1e-3,
        MaxIterations = 100,
        MaxEvaluations = 200,
    };

    public static KrigingSearchResult Run(TrainingSet data, KrigingSearchSettings settings, CancellationToken cancellationToken)
    {
        var noise = settings.Noise ?? KrigingNoise.None;
        var noiseSearch = NoiseSearch.For(noise, data.Values);
        var space = new KrigingSearchSpace(data.Box, settings.P, settings.FitP, MinScaledTheta, MaxScaledTheta, MinP, MaxP,
            settings.FitTheta ? null : settings.StartTheta, noise.Mode, noiseSearch.Scale, noiseSearch.Range, settings.Prior, settings.FitTheta ? settings.Directions : null);
        var options = SearchOptions with { LowerBounds = space.Lower, UpperBounds = space.Upper };
        var starts = Starts(space, data.Box, settings, noiseSearch);
        double nugget = Jitter(data, settings, noise, space.Decode(starts[0]));

        ProjectedBfgsResult best;
        bool exploreLeading = settings.ExplorationRows is int leading && leading < data.Count && leading <= ExplorationPoints;
        // GEKPLS (exploration rows given): only the most likely starts are searched, see ScreenedSearches.
        bool screen = settings.ExplorationRows is not null;
        if (data.Count <= ExplorationPoints && !exploreLeading)
        {
            var searched = screen ? Screen(data, settings.Shape, noise, nugget, settings.Trend, space, starts, ScreenedSearches) : starts;
            best = MultiStart(data, settings.Shape, noise, nugget, settings.Trend, space, searched, options, cancellationToken);
        }
        else
        {
            var indices = exploreLeading
                ? Enumerable.Range(0, settings.ExplorationRows!.Value).ToArray()
                : SpaceFillingSubset.Select(data.Points, data.Box, ExplorationPoints);
            var trend = settings.Trend is { } full ? Array.ConvertAll(indices, i => full[i]) : null;
            var explorationData = Subset(data, indices);
            var explorationNoise = Subset(noise, indices);
            // GEKPLS's refinement on its Taylor points is short, see TaylorRefinementEvaluations.
            var searched = screen ? Screen(explorationData, settings.Shape, explorationNoise, nugget, trend, space, starts, ScreenedSearches) : starts;
            var explored = MultiStart(explorationData, settings.Shape, explorationNoise, nugget, trend, space, searched, options, cancellationToken);
            var likelihood = new KrigingLikelihood(data, settings.Shape, noise, nugget, settings.Trend);
            var start = FeasibleStart(likelihood, space, explored.Minimizer, starts[0]);
            best = ProjectedBfgs.Minimize((z, gradient) => space.NegativeLogLikelihood(likelihood, z, gradient), start,
                options with { MaxEvaluations = exploreLeading ? TaylorRefinementEvaluations : RefinementEvaluations(data.Count) }, cancellationToken);
        }
        var (theta, p, noiseParameter) = space.Decode(best.Minimizer);
        var warnings = settings.FitTheta ? BoundWarnings(best.Minimizer, space.ThetaVariables, space.SearchesDirections) : [];
        if (space.SearchesNoise)
            warnings.AddRange(noiseSearch.BoundWarnings(best.Minimizer[^1], space.Lower[^1], space.Upper[^1]));
        return new KrigingSearchResult(theta, p, nugget, -best.Minimum, warnings, noiseParameter);
    }

    /// <summary>
    /// The <paramref name="count"/> starts with the highest likelihood (ties to the earlier start), in their order: one
    /// factorisation each instead of a local search each.
    /// </summary>
    private static List<double[]> Screen(TrainingSet data, KernelShape shape, KrigingNoise noise, double nugget, double[]? trend, KrigingSearchSpace space,
        List<double[]> starts, int count)
    {
        if (starts.Count <= count)
            return starts;
        var likelihood = new KrigingLikelihood(data, shape, noise, nugget, trend);
        var values = starts.Select(z =>
        {
            var (theta, p, noiseParameter) = space.Decode(z);
            double value = likelihood.Evaluate(theta, p, noiseParameter);
            return double.IsNaN(value) ? double.NegativeInfinity : value;
        }).ToArray();
        return [.. Enumerable.Range(0, starts.Count).OrderByDescending(k => values[k]).ThenBy(k => k).Take(count).Order().Select(k => starts[k])];
    }

    /// <summary>A local search from every start, in parallel; the best by value, ties to the earlier start.</summary>
    private static ProjectedBfgsResult MultiStart(
        TrainingSet data, KernelShape shape, KrigingNoise noise, double nugget, double[]? trend, KrigingSearchSpace space, List<double[]> starts, ProjectedBfgsOptions options, CancellationToken cancellationToken)
    {
        var results = new ProjectedBfgsResult[starts.Count];
        try
        {
            Parallel.For(0, starts.Count, new ParallelOptions { CancellationToken = cancellationToken },
                () => new KrigingLikelihood(data, shape, noise, nugget, trend),
                (start, _, likelihood) =>
                {
                    results[start] = ProjectedBfgs.Minimize((z, gradient) => space.NegativeLogLikelihood(likelihood, z, gradient), starts[start], options, cancellationToken);
                    return likelihood;
                },
                _ => { });
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
        var best = results[0];
        foreach (var result in results)
        {
            if (result.Minimum < best.Minimum)
                best = result;
        }
        return best;
    }

    /// <summary>
    /// The subset's best point if R + νI of all the points can be factored there, else the first
    /// point on the way back to <paramref name="fallback"/> (where it can) at which it can.
    /// </summary>
    private static double[] FeasibleStart(KrigingLikelihood likelihood, KrigingSearchSpace space, double[] preferred, double[] fallback)
    {
        var z = (double[])preferred.Clone();
        for (int halving = 0; halving < 10; halving++)
        {
            var (theta, p, noise) = space.Decode(z);
            if (double.IsFinite(likelihood.Evaluate(theta, p, noise)))
                return z;
            for (int k = 0; k < z.Length; k++)
                z[k] = 0.5 * (z[k] + fallback[k]);
        }
        return fallback;
    }

    internal static TrainingSet Subset(TrainingSet data, int[] indices)
    {
        var points = new PointSet(indices.Length, data.Dimension);
        var values = new double[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            data.Points[indices[k]].CopyTo(points[k]);
            values[k] = data.Values[indices[k]];
        }
        return new TrainingSet(points, values, data.Box);
    }

    internal static KrigingNoise Subset(KrigingNoise noise, int[] indices) =>
        noise.Mode == NoiseMode.Known ? noise with { Variances = Array.ConvertAll(indices, i => noise.Variances![i]) } : noise;

    /// <summary>
    /// The given start (the heuristic θ, or the prior's median), then random ones: θ̃ log-uniform in
    /// [1e-2, 1e2] (drawn from the prior when there is one), p uniform in [1, 2] and the noise
    /// parameter log-uniform in its start range (a searched θ's variables come first, the noise last).
    /// With KPLS directions the first start gives every direction the mean θ̃ of the inputs.
    /// </summary>
    private static List<double[]> Starts(KrigingSearchSpace space, Box box, KrigingSearchSettings settings, NoiseSearch noiseSearch)
    {
        var startTheta = space.SearchesDirections ? DirectionStart(box, settings, space.ThetaVariables) : settings.StartTheta;
        var starts = new List<double[]> { space.Encode(startTheta, settings.P, noiseSearch.FirstStart) };
        var random = new DeterministicRandom(settings.Seed);
        int thetaVariables = space.ThetaVariables;
        var prior = space.SearchesDirections ? null : settings.Prior;
        int searchStarts = space.SearchesTheta ? settings.Starts : Math.Min(settings.Starts, 3);
        while (starts.Count < searchStarts)
        {
            var z = new double[space.Lower.Count];
            for (int k = 0; k < z.Length; k++)
            {
                z[k] = space.SearchesNoise && k == z.Length - 1 ? noiseSearch.RandomStart(random)
                    : k < thetaVariables ? prior?.Draw(k, random) ?? LogUniform(random, MinStartTheta, MaxStartTheta)
                    : MinP + (MaxP - MinP) * random.NextDouble();
            }
            for (int k = 0; k < thetaVariables; k++)
                z[k] = Math.Clamp(z[k], space.Lower[k], space.Upper[k]);
            starts.Add(z);
        }
        return starts;
    }

    /// <summary>θ̃ for every KPLS direction: the mean over the inputs of the start's θ_l·w_l^{p_l}.</summary>
    private static double[] DirectionStart(Box box, KrigingSearchSettings settings, int directions)
    {
        double mean = 0;
        int d = settings.StartTheta.Length;
        for (int l = 0; l < d; l++)
            mean += settings.StartTheta[l] * Math.Pow(box.Upper[l] - box.Lower[l], settings.P[l]) / d;
        return Enumerable.Repeat(mean, directions).ToArray();
    }

    internal static double LogUniform(DeterministicRandom random, double min, double max) =>
        Math.Log(min) + (Math.Log(max) - Math.Log(min)) * random.NextDouble();

    /// <summary>
    /// The jitter of <see cref="KrigingRegularisation.FactorWithJitter"/> at the first start: the least
    /// ν = max(floor, 10ε·10^k) for which K = R + Λ + νI can be factored there.
    /// </summary>
    private static double Jitter(TrainingSet data, KrigingSearchSettings settings, KrigingNoise noise, (double[] Theta, double[] P, double Noise) start)
    {
        for (double nugget = Math.Max(settings.NuggetFloor, KrigingRegularisation.SmallestJitter); nugget <= 1; nugget *= 10)
        {
            if (new KrigingLikelihood(data, settings.Shape, noise, nugget).CanFactor(start.Theta, start.P, start.Noise))
                return nugget;
        }
        throw new SurrogateFitException("The correlation matrix is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
    }

    internal static List<string> BoundWarnings(double[] z, int d, bool directions = false)
    {
        string what = directions ? "KPLS direction" : "dimension";
        const double closeInLog = 1e-3;
        double logMin = Math.Log(MinScaledTheta), logMax = Math.Log(MaxScaledTheta);
        var warnings = new List<string>();
        for (int l = 0; l < d; l++)
        {
            if (z[l] <= logMin + closeInLog)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"θ in {what} {l} reached the lower end of its search range (θ·width^p = {MinScaledTheta:G}): the data vary very smoothly or not at all along it."));
            }
            else if (z[l] >= logMax - closeInLog)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"θ in {what} {l} reached the upper end of its search range (θ·width^p = {MaxScaledTheta:G}): the data look uncorrelated along it at this point spacing; more points or a rougher p may help."));
            }
        }
        return warnings;
    }
}
