using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Ordinary Kriging with the power-exponential correlation exp(−Σ θ_l·|Δ_l|^{p_l}), as in
/// Surrogates.jl, plus what Surrogates.jl 7.7 lacks: maximum-likelihood θ (the default), the
/// textbook standard error, and rejection of duplicate points.
/// </summary>
public sealed class KrigingKind : ISurrogateKind
{
    private const string Fitted = "fit";
    private const string Heuristic = "heuristic";

    public string Name => "kriging";

    public string Description =>
        "Ordinary Kriging (Gaussian-process interpolation) with correlation exp(−Σ θ_l·|Δx_l|^p_l); " +
        "θ by maximum likelihood by default, or Surrogates.jl's heuristic, or given. Predicts with a standard error.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("p", OptionKind.NumberPerDimension, 2.0,
            "Exponent p_l ∈ (0, 2] of the correlation per dimension: 2 gives smooth (Gaussian) models, smaller values rougher ones.",
            Minimum: 0, Maximum: 2) { ExclusiveMinimum = true },
        new OptionSpec("theta", OptionKind.NumberPerDimension, Fitted,
            "Correlation decay θ_l > 0 per dimension; 'fit' maximises the likelihood, 'heuristic' uses Surrogates.jl's " +
            "default 0.5 / max(1e-6·‖ub − lb‖, std_l)^p_l.",
            Minimum: 0, Choices: [Fitted, Heuristic]) { ExclusiveMinimum = true },
        OptionSpec.Boolean("fitP", false, "With theta 'fit', also fit p_l ∈ [1, 2] by maximum likelihood (the p option is then the start)."),
        OptionSpec.Integer("seed", 0, "Seed of the random starts of the likelihood search.", 0, int.MaxValue),
        OptionSpec.Integer("restarts", 8, "Starts of the likelihood search: the heuristic θ and restarts − 1 random ones.", 1, 64),
        OptionSpec.Number("nugget", 0, "Least value added to the diagonal of the correlation matrix (smooths noisy data); " +
            "the automatic rule adds more when needed to keep the condition number within 1e8.", minimum: 0),
    ];

    public bool HasStandardError => true;

    public int MinimumPoints(int dimension) => 2;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckData(data);
        int d = data.Dimension;
        double[] p = options.PerDimension("p", d);
        double nuggetFloor = options.Number("nugget");
        bool fitP = options.Boolean("fitP");
        string? thetaMode = options.Text("theta");
        if (fitP && thetaMode != Fitted)
            throw new SurrogateFitException("Option 'fitP' needs theta 'fit': p can only be fitted together with θ.") { Field = "options.fitP" };

        switch (thetaMode)
        {
            case Heuristic:
                return KrigingModel.Fit(data, HeuristicTheta(data, p), p, nuggetFloor, []);
            case Fitted when IsConstant(data.Values):
                return KrigingModel.Fit(data, HeuristicTheta(data, p), p, nuggetFloor,
                    ["The values are all equal: θ was not fitted (the likelihood has no maximum); the heuristic θ was used."]);
            case Fitted:
                var settings = new KrigingSearchSettings(HeuristicTheta(data, p), p, fitP, (ulong)options.Integer("seed"), options.Integer("restarts"), nuggetFloor);
                var search = KrigingHyperparameterSearch.Run(data, settings, cancellationToken);
                return KrigingModel.Fit(data, search.Theta, search.P, nuggetFloor, search.Warnings);
            default:
                double[] theta = options.PerDimension("theta", d);
                CheckVector(theta, d, "theta", IsPositive, "finite and > 0", "options.theta");
                return KrigingModel.Fit(data, theta, p, nuggetFloor, []);
        }
    }

    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        CheckData(data);
        int d = data.Dimension;
        double[] theta = Required(parameters, "theta");
        double[] p = Required(parameters, "p");
        double[] nugget = Required(parameters, "nugget");
        CheckVector(theta, d, "theta", IsPositive, "finite and > 0", "parameters.theta");
        CheckVector(p, d, "p", v => v > 0 && v <= 2, "in (0, 2]", "parameters.p");
        CheckVector(nugget, 1, "nugget", v => double.IsFinite(v) && v >= 0, "finite and ≥ 0", "parameters.nugget");
        return KrigingModel.WithNugget(data, theta, p, nugget[0]);
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

    private void CheckData(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count < MinimumPoints(data.Dimension))
            throw new SurrogateFitException($"Kriging needs at least {MinimumPoints(data.Dimension)} training points, got {data.Count}.");
        DuplicatePoints.ThrowIfAny(data.Points, Name);
    }

    private static bool IsConstant(double[] values) => Array.TrueForAll(values, v => v == values[0]);

    private static double[] Required(IReadOnlyDictionary<string, double[]> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value is not null
            ? value
            : throw new SurrogateFitException($"Parameter '{name}' is missing.") { Field = $"parameters.{name}" };

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
