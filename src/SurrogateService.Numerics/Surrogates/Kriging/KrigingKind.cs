using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Ordinary Kriging, the Gaussian-process family: the power-exponential correlation
/// exp(−Σ θ_l·|Δ_l|^{p_l}) of Surrogates.jl by default, squared-exponential and Matérn kernels, exact
/// or noisy values (a known noise variance, per-point variances, or one fitted by maximum
/// likelihood), plus what Surrogates.jl 7.7 lacks: maximum-likelihood θ (the default), the textbook
/// standard error, and rejection of duplicate points where they make the system singular.
/// </summary>
public sealed class KrigingKind : IPhasedSurrogateKind
{
    private const string Fitted = "fit";
    private const string Heuristic = "heuristic";
    private const string PriorAuto = "auto", PriorNone = "none", PriorDimensionScaled = "dimensionScaled";
    private const string AllInputs = "none";

    /// <summary>
    /// Above this many inputs thetaPrior 'auto' is the dimension-scaled prior: up to it maximum
    /// likelihood is what the optimisation benchmarks were tuned on (and 20 was the optimisation limit before the prior existed).
    /// </summary>
    public const int PriorAutoDimension = 20;

    /// <summary>The approximations: exact O(n³) Kriging, the nearest-neighbour (Vecchia) one, or a choice by n.</summary>
    public const string Exact = "exact", NearestNeighbour = "nearestNeighbour", AutomaticApproximation = "auto";

    /// <summary>
    /// With approximation 'auto', the most points fitted exactly (the service's default
    /// Limits:MaxExactTrainingPoints, which the service passes instead when configured differently).
    /// </summary>
    public const int DefaultExactLimit = 2_000;

    /// <summary>
    /// m of the nearest-neighbour likelihood. GpGp's default for its fits is 30 (Guinness, GpGp
    /// documentation of fit_model, m_seq = c(10, 30)), and Katzfuss, Guinness &amp; Lawrence (2022)
    /// report scaled Vecchia near exact accuracy with m of a few tens.
    /// </summary>
    public const int DefaultNeighbours = 30;

    /// <summary>
    /// m_pred = 4·m by default: on 2·10⁴ borehole points (docs/large-data.md) 2·m, 4·m and 8·m prediction neighbours
    /// gave RMSE 0.039, 0.030 and 0.028 (measured), so 4·m is where more neighbours stop paying for their O(m_pred³) cost.
    /// </summary>
    public const int PredictionNeighboursPerNeighbour = 4;

    public string Name => "kriging";

    public string Description =>
        "Ordinary Kriging (Gaussian-process regression) with the correlation R(Σ θ_l·|Δx_l|^p_l): power exponential " +
        "(Surrogates.jl's, the default), squared exponential, Matérn 3/2 or 5/2; θ by maximum likelihood by default, or " +
        "Surrogates.jl's heuristic, or given; exact values, or noisy ones with a known or fitted noise variance. " +
        "Predicts the noise-free function with a standard error. With the request's gradients, gradient-enhanced Kriging; " +
        "with its lowFidelity data, autoregressive co-Kriging.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Choice("kernel", KernelProfiles.Name(KernelShape.PowerExponential),
            "Correlation kernel, in d² = Σ θ_l·Δx_l²: powerExponential exp(−Σ θ_l·|Δx_l|^p_l), squaredExponential exp(−d²), " +
            "matern32 (1 + √3d)·exp(−√3d), matern52 (1 + √5d + 5d²/3)·exp(−√5d).", KernelProfiles.Names),
        new OptionSpec("p", OptionKind.NumberPerDimension, 2.0,
            "Exponent p_l ∈ (0, 2] of the power-exponential kernel per dimension: 2 gives smooth (Gaussian) models, smaller values rougher ones. " +
            "Other kernels take no p.",
            Minimum: 0, Maximum: 2) { ExclusiveMinimum = true },
        new OptionSpec("theta", OptionKind.NumberPerDimension, Fitted,
            "Correlation decay θ_l > 0 per dimension; 'fit' maximises the likelihood, 'heuristic' uses Surrogates.jl's " +
            "default 0.5 / max(1e-6·‖ub − lb‖, std_l)^p_l.",
            Minimum: 0, Choices: [Fitted, Heuristic]) { ExclusiveMinimum = true },
        new OptionSpec("noise", OptionKind.Number, 0.0,
            "Noise of the values: 0 for exact values (the model interpolates), a known noise variance (in the values' units " +
            "squared), or 'fit' to estimate it by maximum likelihood with θ. Per-point variances go in the request's " +
            "noiseVariances instead. With noise, duplicate points (replicates) are allowed and predictions are of the noise-free function.",
            Minimum: 0, Choices: [Fitted]),
        OptionSpec.Boolean("fitP", false, "With theta 'fit' and the power-exponential kernel, also fit p_l ∈ [1, 2] by maximum likelihood (the p option is then the start)."),
        OptionSpec.Integer("seed", 0, "Seed of the random starts of the likelihood search.", 0, int.MaxValue),
        OptionSpec.Integer("restarts", 8, "Starts of the likelihood search: the heuristic θ and restarts − 1 random ones. " +
            "With more than 256 points they explore a space-filling subset of 256, and the best is refined on all the points. " +
            "GEKPLS (gradients with components) evaluates every start on the training points and searches from the two most likely.", 1, 64),
        OptionSpec.Choice("approximation", AutomaticApproximation,
            "exact: the full Gaussian process, O(n³) time and O(n²) memory. nearestNeighbour: the scaled Vecchia approximation, each point conditioned on its " +
            "'neighbours' nearest predecessors in the θ-scaled inputs, O(n·m³) time and O(n·m) memory, and predictions conditioned on the 'predictionNeighbours' " +
            "nearest training points; exact again when both reach n − 1. auto: exact up to the service's exact limit of training points (Limits:MaxExactTrainingPoints), " +
            "nearestNeighbour above it. nearestNeighbour takes no gradients, low-fidelity data or fitP.",
            AutomaticApproximation, Exact, NearestNeighbour),
        OptionSpec.Integer("neighbours", DefaultNeighbours, "m of the nearest-neighbour approximation: neighbours each point is conditioned on in the likelihood (at most n).", 1, 1_000),
        OptionSpec.Integer("predictionNeighbours", 0, "Training points a nearest-neighbour prediction and its standard error are conditioned on; 0 means four times 'neighbours'. " +
            "At least 'neighbours' otherwise.", 0, 2_000),
        OptionSpec.Choice("trend", ConstantTrend,
            "Mean of the process. constant: ordinary Kriging. polynomial (nearestNeighbour only): a polynomial in orthonormal Legendre terms fitted by least squares " +
            "to all the points first, the process then fitted (θ, σ², noise) to what the polynomial leaves; predictions add it back (PC-Kriging). " +
            "It helps where the correlation lengths exceed the neighbourhoods, i.e. smooth functions on many points. auto: polynomial for nearestNeighbour fits " +
            "(of at least 5 points, not all of one value), constant for exact ones; the model document records the one used, and a document without it is read as constant. " +
            "Not the default: on 10⁶ noisy points the polynomial gave 7× the constant's error (docs/large-data.md).",
            AutomaticTrend, ConstantTrend, PolynomialTrendName),
        OptionSpec.Integer("trendDegree", 0, $"Total degree of the polynomial trend, 1 to {TrendSelection.MaximumDegree}; 0 chooses it (0 … the highest the points afford) by the " +
            "held-out error of up to 10 000 points. Only with a polynomial trend (trend 'polynomial', or 'auto' on a nearestNeighbour fit).", 0, TrendSelection.MaximumDegree),
        OptionSpec.Number("trendQNorm", 1, "Hyperbolic truncation of the trend's terms, (Σ α_i^q)^(1/q) ≤ degree, as polynomial chaos's qNorm: 1 keeps the full " +
            "total-degree basis, smaller values drop high-order interactions and allow higher degrees. Only with a polynomial trend.", minimum: 0, maximum: 1, exclusiveMinimum: true),
        OptionSpec.Number("nugget", 0, "Least value added to the diagonal of the correlation matrix (a jitter for stability; " +
            "for noisy values use 'noise'). With theta 'fit' or noise a jitter of about 2e-15 (more only if the matrix cannot be " +
            "factored) is the default; otherwise Surrogates.jl's rule adds what keeps the condition number within 1e8.", minimum: 0),
        OptionSpec.Choice("thetaPrior", PriorAuto,
            "Prior on the length-scales of a fitted θ: 'dimensionScaled' maximises the posterior under Hvarfner et al.'s (2024) " +
            "log-normal prior ln ℓ ~ N(√2 + ½·ln d, 3) on the unit box (BoTorch's default), which keeps θ from collapsing when the " +
            "inputs are many and the points few; 'none' is plain maximum likelihood; 'auto' is dimensionScaled above " +
            "20 inputs (without components) and none otherwise.", PriorAuto, PriorNone, PriorDimensionScaled),
        new OptionSpec("components", OptionKind.Number, AllInputs,
            "KPLS (Bouhlel et al. 2016), and with gradients GEKPLS (Bouhlel & Martins 2019): fit θ along this many partial-least-squares directions of the inputs instead of one θ per input, " +
            "an integer from 1 to d; 'none' fits one θ per input. Needs theta 'fit' and fixed p. The model document is the usual one, " +
            "with the per-input θ_l = Σ_k θ_k·|w_lk|^p_l the directions give.", Minimum: 1, Choices: [AllInputs]),
        new OptionSpec("extraPoints", OptionKind.Number, AutomaticExtraPoints,
            "GEKPLS (gradients with components): Taylor points added around each training point with a gradient, one a step of 1e-4 of the box along each of the " +
            "first extraPoints gradient directions, valued by a first-order Taylor step, before KPLS is fitted to the values alone (Bouhlel & Martins 2019); " +
            "an integer from 0 to d, 'auto' for one, or 'full' for gradient-enhanced Kriging along the directions (every gradient in the covariance: " +
            "more accurate, but n·(d + 1) rows to factor in every likelihood step). Only with gradients and components.",
            Minimum: 0, Choices: [AutomaticExtraPoints, FullGradients]),
    ];

    private const string AutomaticExtraPoints = "auto", FullGradients = "full";

    /// <summary>The trends of the process mean: a constant (ordinary Kriging), a fitted polynomial, or auto (polynomial for nearest-neighbour fits, constant for exact ones).</summary>
    public const string ConstantTrend = "constant", PolynomialTrendName = "polynomial", AutomaticTrend = "auto";

    /// <summary>Taylor points per training point that 'extraPoints' 'auto' adds (measured in docs/surrogate-zoo.md).</summary>
    public const int DefaultExtraPoints = 1;

    public bool HasStandardError => true;

    public int MinimumPoints(int dimension) => 2;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default) => Fit(data, options, phases: null, cancellationToken);

    /// <param name="phases">Where the likelihood searches are kept (a job's checkpoints), or null. Gradient-enhanced fits keep none.</param>
    public ISurrogateModel Fit(TrainingSet data, OptionValues options, FitPhases? phases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Gradients is null)
            ReadExtraPoints(data, options);
        if (IsNearestNeighbour(data, options))
            return FitNearestNeighbour(data, options, phases, cancellationToken);
        RefuseTrend(options);
        if (data.Gradients is not null)
            return FitGradientEnhanced(data, options, cancellationToken);
        return data.LowFidelity is null
            ? FitOne(data, options, phases, cancellationToken)
            : CoKrigingModel.Fit(data, (level, trend) => FitOne(level, options, phases, cancellationToken, trend));
    }

    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Gradients is null)
            ReadExtraPoints(data, options);
        if (IsNearestNeighbour(data, options))
            return RestoreNearestNeighbour(data, options, parameters);
        RefuseTrend(options);
        if (data.Gradients is not null)
            return RestoreGradientEnhanced(data, options, parameters);
        return data.LowFidelity is null
            ? RestoreOne(data, options, parameters, "parameters.")
            : CoKrigingModel.Restore(data, parameters, (level, levelParameters, field) => RestoreOne(level, options, levelParameters, field));
    }

    /// <summary>Whether the approximation option, 'auto' resolved by <see cref="DefaultExactLimit"/>, asks for nearest neighbours.</summary>
    public static bool IsNearestNeighbour(TrainingSet data, OptionValues options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return options.Text("approximation") switch
        {
            NearestNeighbour => true,
            AutomaticApproximation => data.Count > DefaultExactLimit,
            _ => false,
        };
    }

    /// <summary>
    /// The options with 'auto' replaced by what it means for <paramref name="count"/> points under the
    /// service's <paramref name="exactLimit"/>, so a model document records the approximation its fit used.
    /// </summary>
    public static OptionValues ResolveApproximation(OptionValues options, int count, int exactLimit)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Text("approximation") != AutomaticApproximation)
            return options;
        var given = new Dictionary<string, object>(options.All, StringComparer.Ordinal) { ["approximation"] = count > exactLimit ? NearestNeighbour : Exact };
        return new OptionValues(new KrigingKind().Options, given);
    }

    /// <summary>
    /// The options of a fit of <paramref name="count"/> points with trend 'auto' replaced by the trend the fit uses, so
    /// that its model document records it. For fits only: a document's 'auto' (or missing) trend means a polynomial only
    /// when its parameters carry one (<see cref="ReadTrend"/>), which keeps documents written before 'auto' constant.
    /// </summary>
    public static OptionValues ResolveTrend(OptionValues options, TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        if (options.Text("trend") != AutomaticTrend)
            return options;
        var given = new Dictionary<string, object>(options.All, StringComparer.Ordinal) { ["trend"] = AutomaticTrendIsPolynomial(data, options) ? PolynomialTrendName : ConstantTrend };
        return new OptionValues(new KrigingKind().Options, given);
    }

    /// <summary>
    /// Whether trend 'auto' fits a polynomial: on nearest-neighbour fits, where it lowered the error on every case measured
    /// (docs/large-data.md: borehole on 10⁵ points RMSE 0.0037 against 0.0278, a noisy 4-D function 0.0121 against 0.0168),
    /// when there are points enough to hold some out for choosing its degree and the values are not all equal (those are
    /// fitted as a constant with a warning, and their document must not promise a polynomial). Exact fits keep the
    /// constant, so they are unchanged.
    /// </summary>
    private static bool AutomaticTrendIsPolynomial(TrainingSet data, OptionValues options) =>
        IsNearestNeighbour(data, options) && data.Count >= TrendSelection.MinimumPoints && !IsConstant(data.Values);

    private NearestNeighbourKrigingModel FitNearestNeighbour(TrainingSet data, OptionValues options, FitPhases? phases, CancellationToken cancellationToken)
    {
        var (shape, noise, p, settings) = ReadNearestNeighbour(data, options, restoredParameters: null);
        double[] heuristic = HeuristicTheta(data, p);
        string? thetaMode = options.Text("theta");
        if (IsConstant(data.Values) && (thetaMode == Fitted || noise.Mode == NoiseMode.Fit))
        {
            string warning = "The values are all equal: θ and the noise cannot be estimated (the likelihood has no maximum); the heuristic θ was used and the values were taken as exact.";
            var constant = settings with { StartTheta = heuristic, FitTheta = false, Noise = KrigingNoise.None };
            return NearestNeighbourFit.Build(data, constant, heuristic, p, Math.Max(settings.NuggetFloor, KrigingRegularisation.SmallestJitter), 0, [warning], cancellationToken);
        }
        double[] theta = thetaMode switch
        {
            Fitted or Heuristic => heuristic,
            _ => options.PerDimension("theta", data.Dimension),
        };
        if (thetaMode is not (Fitted or Heuristic))
            CheckVector(theta, data.Dimension, "theta", IsPositive, "finite and > 0", "options.theta");
        return NearestNeighbourFit.Run(data, settings with { StartTheta = theta, FitTheta = thetaMode == Fitted }, [], cancellationToken, phases);
    }

    private NearestNeighbourKrigingModel RestoreNearestNeighbour(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        var (shape, noise, _, settings) = ReadNearestNeighbour(data, options, parameters);
        const string field = "parameters.";
        int d = data.Dimension;
        double[] theta = Required(parameters, "theta", field);
        double[] p = Required(parameters, "p", field);
        double[] nugget = Required(parameters, "nugget", field);
        double[] mean = Required(parameters, "mu", field);
        double[] variance = Required(parameters, "sigma2", field);
        CheckVector(theta, d, "theta", IsPositive, "finite and > 0", field + "theta");
        CheckVector(p, d, "p", v => KernelProfiles.HasExponents(shape) ? v > 0 && v <= 2 : v == 2,
            KernelProfiles.HasExponents(shape) ? "in (0, 2]" : "2 for this kernel", field + "p");
        CheckVector(nugget, 1, "nugget", v => double.IsFinite(v) && v >= 0, "finite and ≥ 0", field + "nugget");
        CheckVector(mean, 1, "mu", double.IsFinite, "finite", field + "mu");
        CheckVector(variance, 1, "sigma2", IsPositive, "finite and > 0", field + "sigma2");
        double noiseRatio = 0;
        if (noise.Mode == NoiseMode.Fit)
        {
            double[] ratio = Required(parameters, "noiseRatio", field);
            CheckVector(ratio, 1, "noiseRatio", IsPositive, "finite and > 0", field + "noiseRatio");
            noiseRatio = ratio[0];
        }
        var restored = new NearestNeighbourParameters(mean[0], variance[0], settings.Neighbours, settings.PredictionNeighbours);
        var trend = settings.Trend is null ? null : PolynomialTrend.Read(parameters, data, TrendSelection.MaximumDegree);
        return new NearestNeighbourKrigingModel(data, shape, theta, p, nugget[0], noise, noiseRatio, restored, fitted: null, trend: trend);
    }

    /// <summary>The kernel, noise, p and search settings of a nearest-neighbour fit, refusing what it cannot take.</summary>
    /// <param name="restoredParameters">A model document's parameters when restoring one, null when fitting.</param>
    private (KernelShape Shape, KrigingNoise Noise, double[] P, NearestNeighbourSettings Settings) ReadNearestNeighbour(TrainingSet data, OptionValues options,
        IReadOnlyDictionary<string, double[]>? restoredParameters)
    {
        if (data.Gradients is not null)
            throw new SurrogateFitException("The nearest-neighbour approximation takes no gradients; use approximation 'exact' (gradient-enhanced Kriging) with fewer points.") { Field = "options.approximation" };
        if (data.LowFidelity is not null)
            throw new SurrogateFitException("The nearest-neighbour approximation takes no low-fidelity data; use approximation 'exact' (co-Kriging) with fewer points.") { Field = "options.approximation" };
        if (options.Boolean("fitP"))
            throw new SurrogateFitException("Option 'fitP' needs approximation 'exact'; the nearest-neighbour fit keeps p fixed.") { Field = "options.fitP" };
        var shape = KernelProfiles.Parse(options.Text("kernel")!);
        var noise = ReadNoise(data, options);
        double[] p = Exponents(shape, options, data.Dimension);
        CheckData(data, noise);
        int neighbours = options.Integer("neighbours");
        if (neighbours > data.Count)
            throw new SurrogateFitException($"Option 'neighbours' is {neighbours}, more than the {data.Count} training points.") { Field = "options.neighbours" };
        int predictionNeighbours = options.Integer("predictionNeighbours");
        if (predictionNeighbours == 0)
            predictionNeighbours = PredictionNeighboursPerNeighbour * neighbours;
        else if (predictionNeighbours < neighbours)
            throw new SurrogateFitException($"Option 'predictionNeighbours' is {predictionNeighbours}, fewer than 'neighbours' ({neighbours}); predictions condition on at least as many points as the fit.") { Field = "options.predictionNeighbours" };
        var settings = new NearestNeighbourSettings(shape, noise, [], p, FitTheta: false, options.Number("nugget"), (ulong)options.Integer("seed"), options.Integer("restarts"),
            neighbours, predictionNeighbours, ReadTrend(data, options, restoredParameters));
        return (shape, noise, p, settings);
    }

    /// <summary>
    /// The polynomial trend of a nearest-neighbour fit or document, or null for a constant one (whose degree and q-norm must
    /// then stay at their defaults). 'auto' fits a polynomial (<see cref="AutomaticTrendIsPolynomial"/>); in a document,
    /// where 'auto' is also what a missing trend reads as, it means the polynomial the parameters carry, and a constant
    /// when they carry none: documents written before the trend existed restore as they did.
    /// </summary>
    private static TrendRequest? ReadTrend(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]>? restoredParameters)
    {
        bool polynomial = options.Text("trend") switch
        {
            PolynomialTrendName => true,
            AutomaticTrend => restoredParameters is null
                ? AutomaticTrendIsPolynomial(data, options)
                : restoredParameters.ContainsKey(PolynomialTrend.CoefficientsName) || restoredParameters.ContainsKey(PolynomialTrend.MultiIndicesName),
            _ => false,
        };
        if (polynomial)
            return new TrendRequest(options.Integer("trendDegree"), options.Number("trendQNorm"));
        RefuseTrend(options);
        return null;
    }

    /// <summary>Refuses a polynomial trend or its settings where there is none: exact fits ('auto' is constant there), and nearest-neighbour fits with a constant trend.</summary>
    private static void RefuseTrend(OptionValues options)
    {
        if (options.Text("trend") == PolynomialTrendName)
            throw new SurrogateFitException("Option 'trend' 'polynomial' needs the nearest-neighbour approximation (approximation 'nearestNeighbour', or 'auto' above the exact limit of training points).") { Field = "options.trend" };
        if (options.Integer("trendDegree") != 0)
            throw new SurrogateFitException("Option 'trendDegree' belongs to a polynomial trend (trend 'polynomial', or 'auto' on a nearest-neighbour fit).") { Field = "options.trendDegree" };
        if (options.Number("trendQNorm") != 1)
            throw new SurrogateFitException("Option 'trendQNorm' belongs to a polynomial trend (trend 'polynomial', or 'auto' on a nearest-neighbour fit).") { Field = "options.trendQNorm" };
    }

    /// <summary>
    /// Gradient-enhanced Kriging: θ fitted, heuristic or given, like the plain fit; no noise, p = 2. With components (GEKPLS),
    /// Taylor points and KPLS on the values unless 'extraPoints' is 'full'.
    /// </summary>
    private ISurrogateModel FitGradientEnhanced(TrainingSet data, OptionValues options, CancellationToken cancellationToken)
    {
        var shape = CheckGradientEnhanced(data, options);
        double[] p = Enumerable.Repeat(2.0, data.Dimension).ToArray();
        string? thetaMode = options.Text("theta");
        double nuggetFloor = options.Number("nugget");
        if (ReadExtraPoints(data, options) is int extraPoints)
        {
            var (augmented, directions, groupOf, warnings) = TaylorAugment(data, options, extraPoints);
            // The starts explore the likelihood of the training points alone (KPLS's cost); one local search refines on all.
            var values = FitOne(augmented, options, phases: null, cancellationToken, givenDirections: directions, givenWarnings: warnings, explorationRows: data.Count);
            return new TaylorPointsKrigingModel(data, values, groupOf, extraPoints);
        }
        if (thetaMode == Fitted)
        {
            var observations = new GradientObservations(data);
            // GEKPLS with 'extraPoints' 'full': θ searched along partial-least-squares directions of the values.
            var directions = ReadDirections(data, options, fitP: false, out var directionWarnings);
            var (fitted, nugget, warnings) = GradientEnhancedSearch.Run(observations, data.Box, shape, HeuristicTheta(data, p), nuggetFloor,
                (ulong)options.Integer("seed"), options.Integer("restarts"), cancellationToken, directions);
            return GradientEnhancedKrigingModel.Create(data, shape, fitted, nugget, [.. directionWarnings, .. warnings]);
        }
        if (options.All["components"] is not AllInputs)
            throw new SurrogateFitException("Option 'components' needs theta 'fit': KPLS fits θ along its directions.") { Field = "options.components" };
        double[] theta = thetaMode == Heuristic ? HeuristicTheta(data, p) : options.PerDimension("theta", data.Dimension);
        CheckVector(theta, data.Dimension, "theta", IsPositive, "finite and > 0", "options.theta");
        return GradientEnhancedKrigingModel.Create(data, shape, theta, Math.Max(nuggetFloor, KrigingRegularisation.SmallestJitter), []);
    }

    private ISurrogateModel RestoreGradientEnhanced(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        var shape = CheckGradientEnhanced(data, options);
        if (ReadExtraPoints(data, options) is int extraPoints)
        {
            var (augmented, _, groupOf, _) = TaylorAugment(data, options, extraPoints);
            return new TaylorPointsKrigingModel(data, RestoreOne(augmented, options, parameters, "parameters."), groupOf, extraPoints);
        }
        double[] theta = Required(parameters, "theta", "parameters.");
        double[] nugget = Required(parameters, "nugget", "parameters.");
        CheckVector(theta, data.Dimension, "theta", IsPositive, "finite and > 0", "parameters.theta");
        CheckVector(nugget, 1, "nugget", v => double.IsFinite(v) && v >= 0, "finite and ≥ 0", "parameters.nugget");
        if (parameters.TryGetValue("p", out var p) && p is not null)
            CheckVector(p, data.Dimension, "p", v => v == 2, "2 with gradients", "parameters.p");
        return GradientEnhancedKrigingModel.Create(data, shape, theta, nugget[0], []);
    }

    /// <summary>What gradients need: a twice-differentiable kernel, exact values, one fidelity, distinct points.</summary>
    private KernelShape CheckGradientEnhanced(TrainingSet data, OptionValues options)
    {
        var shape = KernelProfiles.Parse(options.Text("kernel")!);
        var p = Exponents(shape, options, data.Dimension);
        if (!KernelProfiles.IsTwiceDifferentiable(shape, p))
            throw new SurrogateFitException("Gradients need a differentiable process: the powerExponential kernel only with p = 2 in every dimension (or another kernel).") { Field = "options.p" };
        if (options.Boolean("fitP"))
            throw new SurrogateFitException("Option 'fitP' cannot be used with gradients: p must stay 2 for the process to be differentiable.") { Field = "options.fitP" };
        if (ReadNoise(data, options).Mode != NoiseMode.None)
            throw new SurrogateFitException("Gradient-enhanced Kriging takes exact values and gradients: leave out 'noise' and 'noiseVariances'.") { Field = "options.noise" };
        if (data.LowFidelity is not null)
            throw new SurrogateFitException("Give either gradients or low-fidelity data, not both: gradient-enhanced co-Kriging is not offered.") { Field = "gradients" };
        if (data.Count < MinimumPoints(data.Dimension))
            throw new SurrogateFitException($"Kriging needs at least {MinimumPoints(data.Dimension)} training points, got {data.Count}.");
        DuplicatePoints.ThrowIfAny(data.Points, "the covariance matrix of values and gradients would be singular");
        return shape;
    }

    /// <summary>
    /// The Taylor points of GEKPLS that 'extraPoints' asks for, or null for the full gradient-enhanced fit ('full', or no
    /// components); a number without gradients and components is refused.
    /// </summary>
    private static int? ReadExtraPoints(TrainingSet data, OptionValues options)
    {
        object setting = options.All["extraPoints"];
        bool gekpls = data.Gradients is not null && options.All["components"] is not AllInputs;
        if (!gekpls)
        {
            if (setting is not AutomaticExtraPoints)
                throw new SurrogateFitException("Option 'extraPoints' belongs to GEKPLS: it needs gradients and 'components'.") { Field = "options.extraPoints" };
            return null;
        }
        if (options.Text("theta") != Fitted)
            throw new SurrogateFitException("Option 'components' needs theta 'fit': KPLS fits θ along its directions.") { Field = "options.components" };
        if (setting is FullGradients)
            return null;
        if (setting is not double requested)
            return DefaultExtraPoints;
        if (requested != Math.Floor(requested) || requested > data.Dimension)
            throw new SurrogateFitException($"Option 'extraPoints' must be a whole number from 0 to the number of inputs ({data.Dimension}), 'auto' or 'full', got {requested}.") { Field = "options.extraPoints" };
        return (int)requested;
    }

    /// <summary>The training set with GEKPLS's Taylor points, the gradient directions θ is searched along, and each row's training point.</summary>
    private static (TrainingSet Augmented, double[,] Directions, int[] GroupOf, List<string> Warnings) TaylorAugment(TrainingSet data, OptionValues options, int extraPoints)
    {
        int components = ReadComponents(data, options)!.Value;
        var all = TaylorPoints.Directions(data, Math.Max(components, extraPoints));
        int available = all.GetLength(1);
        var warnings = new List<string>();
        if (available == 0)
            throw new SurrogateFitException("The gradients are all zero: they give GEKPLS no direction to search θ along; fit without gradients.") { Field = "gradients" };
        int h = Math.Min(components, available), steps = Math.Min(extraPoints, available);
        if (h < components || steps < extraPoints)
            warnings.Add($"The gradients span only {available} direction{(available == 1 ? "" : "s")}: θ was fitted along {h} and {steps} Taylor point{(steps == 1 ? "" : "s")} per training point were added.");
        var directions = new double[data.Dimension, h];
        for (int l = 0; l < data.Dimension; l++)
        {
            for (int k = 0; k < h; k++)
                directions[l, k] = all[l, k];
        }
        return (TaylorPoints.Augment(data, all, steps), directions, TaylorPoints.GroupOf(data, steps), warnings);
    }

    /// <param name="trend">A second regressor of the mean for the likelihood search (co-Kriging), or null.</param>
    /// <param name="givenDirections">KPLS directions found elsewhere (GEKPLS's, from the gradients) instead of the values' PLS.</param>
    private KrigingModel FitOne(TrainingSet data, OptionValues options, FitPhases? phases, CancellationToken cancellationToken, double[]? trend = null,
        double[,]? givenDirections = null, List<string>? givenWarnings = null, int? explorationRows = null)
    {
        var shape = KernelProfiles.Parse(options.Text("kernel")!);
        var noise = ReadNoise(data, options);
        int d = data.Dimension;
        double[] p = Exponents(shape, options, d);
        CheckData(data, noise);
        double nuggetFloor = options.Number("nugget");
        bool fitP = options.Boolean("fitP");
        string? thetaMode = options.Text("theta");
        if (fitP && (thetaMode != Fitted || !KernelProfiles.HasExponents(shape)))
            throw new SurrogateFitException("Option 'fitP' needs theta 'fit' and the powerExponential kernel: p can only be fitted together with θ.") { Field = "options.fitP" };
        double[] theta = thetaMode switch
        {
            Fitted or Heuristic => HeuristicTheta(data, p),
            _ => options.PerDimension("theta", d),
        };
        if (thetaMode is not (Fitted or Heuristic))
            CheckVector(theta, d, "theta", IsPositive, "finite and > 0", "options.theta");

        if (IsConstant(data.Values) && (thetaMode == Fitted || noise.Mode == NoiseMode.Fit))
        {
            string constantWarning = noise.Mode == NoiseMode.Fit
                ? "The values are all equal: the noise variance cannot be estimated, nor θ (the likelihood has no maximum); the heuristic θ was used and the values were taken as exact."
                : "The values are all equal: θ was not fitted (the likelihood has no maximum); the heuristic θ was used.";
            var remaining = noise.Mode == NoiseMode.Fit ? KrigingNoise.None : noise;
            return remaining.Mode == NoiseMode.None
                ? KrigingModel.Fit(data, new KrigingCorrelation(shape, HeuristicTheta(data, p), p), nuggetFloor, [constantWarning])
                : Search(data, remaining, shape, HeuristicTheta(data, p), p, fitTheta: false, fitP: false, options, nuggetFloor, [constantWarning], phases, cancellationToken);
        }
        if (thetaMode == Fitted)
        {
            List<string> directionWarnings = givenWarnings ?? [];
            var directions = givenDirections ?? ReadDirections(data, options, fitP, out directionWarnings);
            var prior = ReadPrior(options, shape, p, directions is not null);
            if (prior is not null)
                theta = PriorMedianTheta(prior, data.Box, p);
            return Search(data, noise, shape, theta, p, fitTheta: true, fitP, options, nuggetFloor, directionWarnings, phases, cancellationToken, trend, prior, directions, explorationRows);
        }
        if (options.All["components"] is not AllInputs)
            throw new SurrogateFitException("Option 'components' needs theta 'fit': KPLS fits θ along its directions.") { Field = "options.components" };
        if (noise.Mode != NoiseMode.None)
            return Search(data, noise, shape, theta, p, fitTheta: false, fitP: false, options, nuggetFloor, [], phases, cancellationToken, trend);
        return KrigingModel.Fit(data, new KrigingCorrelation(shape, theta, p), nuggetFloor, []);
    }

    /// <param name="field">Where the parameters sit in the document, for error messages ("parameters." or "parameters.low.").</param>
    private KrigingModel RestoreOne(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters, string field)
    {
        var shape = KernelProfiles.Parse(options.Text("kernel")!);
        var noise = ReadNoise(data, options);
        CheckData(data, noise);
        int d = data.Dimension;
        double[] theta = Required(parameters, "theta", field);
        double[] p = Required(parameters, "p", field);
        double[] nugget = Required(parameters, "nugget", field);
        CheckVector(theta, d, "theta", IsPositive, "finite and > 0", field + "theta");
        CheckVector(p, d, "p", v => KernelProfiles.HasExponents(shape) ? v > 0 && v <= 2 : v == 2,
            KernelProfiles.HasExponents(shape) ? "in (0, 2]" : "2 for this kernel", field + "p");
        CheckVector(nugget, 1, "nugget", v => double.IsFinite(v) && v >= 0, "finite and ≥ 0", field + "nugget");
        double noiseParameter = 0;
        if (noise.Mode != NoiseMode.None)
        {
            string name = noise.Mode == NoiseMode.Fit ? "noiseRatio" : "sigma2";
            double[] value = Required(parameters, name, field);
            CheckVector(value, 1, name, IsPositive, "finite and > 0", field + name);
            noiseParameter = value[0];
        }
        return KrigingModel.WithNugget(data, new KrigingCorrelation(shape, theta, p), nugget[0], noise, noiseParameter);
    }

    private static KrigingModel Search(TrainingSet data, KrigingNoise noise, KernelShape shape, double[] theta, double[] p, bool fitTheta, bool fitP,
        OptionValues options, double nuggetFloor, IReadOnlyList<string> warnings, FitPhases? phases, CancellationToken cancellationToken, double[]? trend = null,
        LengthScalePrior? prior = null, double[,]? directions = null, int? explorationRows = null)
    {
        var settings = new KrigingSearchSettings(theta, p, fitP, (ulong)options.Integer("seed"), options.Integer("restarts"), nuggetFloor,
            shape, noise, fitTheta, trend, prior, directions, explorationRows);
        var search = FitPhases.Run(phases, () => KrigingHyperparameterSearch.Run(data, settings, cancellationToken));
        return KrigingModel.WithNugget(data, new KrigingCorrelation(shape, search.Theta, search.P), search.Nugget, noise, search.NoiseParameter,
            [.. warnings, .. search.Warnings]);
    }

    /// <summary>The length-scale prior the 'thetaPrior' option asks for with this many inputs, or null (see the option).</summary>
    internal static LengthScalePrior? ReadPrior(OptionValues options, KernelShape shape, double[] p, bool withDirections)
    {
        string? mode = options.Text("thetaPrior");
        if (mode == PriorDimensionScaled && withDirections)
            throw new SurrogateFitException("Option 'thetaPrior' 'dimensionScaled' is a prior on one length-scale per input; KPLS (components) fits θ per direction: leave one of them out.") { Field = "options.thetaPrior" };
        bool wanted = mode == PriorDimensionScaled || (mode == PriorAuto && !withDirections && p.Length > PriorAutoDimension);
        return wanted ? LengthScalePrior.DimensionScaled(shape, p) : null;
    }

    /// <summary>θ at the prior's median in every input.</summary>
    internal static double[] PriorMedianTheta(LengthScalePrior prior, Core.Box box, double[] p)
    {
        var theta = new double[p.Length];
        for (int l = 0; l < p.Length; l++)
            theta[l] = Math.Exp(prior.Median(l)) / Math.Pow(box.Upper[l] - box.Lower[l], p[l]);
        return theta;
    }

    /// <summary>The KPLS rotations the 'components' option asks for, or null for one θ per input.</summary>
    internal static double[,]? ReadDirections(TrainingSet data, OptionValues options, bool fitP, out List<string> warnings)
    {
        warnings = [];
        if (ReadComponents(data, options) is not int requested)
            return null;
        if (fitP)
            throw new SurrogateFitException("Option 'components' needs fixed exponents: leave out fitP.") { Field = "options.components" };
        var directions = PartialLeastSquares.Rotations(data, requested);
        if (directions.GetLength(1) == 0)
            return null;
        if (directions.GetLength(1) < requested)
            warnings.Add($"Only {directions.GetLength(1)} partial-least-squares directions carry information about the values; θ was fitted along those.");
        return directions;
    }

    /// <summary>The 'components' option checked against the dimension, or null for 'none'.</summary>
    private static int? ReadComponents(TrainingSet data, OptionValues options)
    {
        if (options.All["components"] is not double requested)
            return null;
        int d = data.Dimension;
        if (requested != Math.Floor(requested) || requested < 1 || requested > d)
            throw new SurrogateFitException($"Option 'components' must be a whole number from 1 to the number of inputs ({d}), got {requested}.") { Field = "options.components" };
        return (int)requested;
    }

    /// <summary>The noise of the fit: the data's per-point variances, or the 'noise' option (a known variance or 'fit').</summary>
    internal static KrigingNoise ReadNoise(TrainingSet data, OptionValues options)
    {
        object setting = options.All["noise"];
        if (data.NoiseVariances is { } variances)
        {
            if (setting is not 0.0)
                throw new SurrogateFitException("Give either the 'noise' option or per-point 'noiseVariances', not both.") { Field = "options.noise" };
            return Array.TrueForAll(variances, v => v == 0) ? KrigingNoise.None : new KrigingNoise(NoiseMode.Known, variances);
        }
        return setting switch
        {
            Fitted => KrigingNoise.Fitted,
            double variance when variance > 0 => new KrigingNoise(NoiseMode.Known, Enumerable.Repeat(variance, data.Count).ToArray(), IsHomoscedastic: true),
            _ => KrigingNoise.None,
        };
    }

    /// <summary>p from the options for the power exponential; 2 in every dimension for the kernels written in d².</summary>
    internal static double[] Exponents(KernelShape shape, OptionValues options, int d)
    {
        if (KernelProfiles.HasExponents(shape))
            return options.PerDimension("p", d);
        if (options.All["p"] is not 2.0)
            throw new SurrogateFitException($"Option 'p' belongs to the powerExponential kernel; {KernelProfiles.Name(shape)} takes none.") { Field = "options.p" };
        return Enumerable.Repeat(2.0, d).ToArray();
    }

    /// <summary>Surrogates.jl 7.7's default: θ_l = 0.5 / max(1e-6·‖ub − lb‖₂, std_l)^{p_l}, std with n − 1.</summary>
    public static double[] HeuristicTheta(TrainingSet data, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(p);
        int n = data.Count, d = data.Dimension;
        double boxDiagonal = 0;
        for (int l = 0; l < d; l++)
        {
            double width = data.Box.Upper[l] - data.Box.Lower[l];
            boxDiagonal += width * width;
        }
        boxDiagonal = Math.Sqrt(boxDiagonal);
        var theta = new double[d];
        for (int l = 0; l < d; l++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
                mean += data.Points[i][l];
            mean /= n;
            double sumOfSquares = 0;
            for (int i = 0; i < n; i++)
            {
                double deviation = data.Points[i][l] - mean;
                sumOfSquares += deviation * deviation;
            }
            double std = Math.Sqrt(sumOfSquares / (n - 1));
            theta[l] = 0.5 / Math.Pow(Math.Max(1e-6 * boxDiagonal, std), p[l]);
        }
        return theta;
    }

    /// <summary>Duplicates (replicates) are fine when every value carries noise; exact values at one point would make K singular.</summary>
    private void CheckData(TrainingSet data, KrigingNoise noise)
    {
        if (data.Count < MinimumPoints(data.Dimension))
            throw new SurrogateFitException($"Kriging needs at least {MinimumPoints(data.Dimension)} training points, got {data.Count}.");
        bool everyValueNoisy = noise.Mode == NoiseMode.Fit || (noise.Mode == NoiseMode.Known && Array.TrueForAll(noise.Variances!, v => v > 0));
        if (!everyValueNoisy)
            DuplicatePoints.ThrowIfAny(data.Points, "the Kriging correlation matrix would be singular without noise; give the 'noise' option for replicates");
    }

    private static bool IsConstant(double[] values) => Array.TrueForAll(values, v => v == values[0]);

    private static double[] Required(IReadOnlyDictionary<string, double[]> parameters, string name, string field) =>
        parameters.TryGetValue(name, out var value) && value is not null
            ? value
            : throw new SurrogateFitException($"Parameter '{name}' is missing.") { Field = field + name };

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;

    private static void CheckVector(double[] values, int length, string name, Func<double, bool> isValid, string requirement, string field)
    {
        if (values.Length != length)
            throw new SurrogateFitException($"Parameter '{name}' must have {length} entr{(length == 1 ? "y" : "ies")}, got {values.Length}.") { Field = field };
        for (int i = 0; i < values.Length; i++)
        {
            if (!isValid(values[i]))
                throw new SurrogateFitException($"Parameter '{name}' entry {i} is {values[i]}; it must be {requirement}.") { Field = field };
        }
    }
}
