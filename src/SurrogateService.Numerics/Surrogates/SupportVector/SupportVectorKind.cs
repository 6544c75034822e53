using System.Globalization;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// ε-insensitive support-vector regression with an RBF kernel (Surrogates.jl's SVM surrogate), solved exactly
/// by SMO; C, ε and γ are given or chosen by k-fold cross-validation over a grid scaled to the data.
/// </summary>
/// <remarks>
/// γ applies to inputs mapped to the unit cube by the design box; C and ε are in units of the values, as in
/// scikit-learn's SVR, which gives the same predictions for the same C, ε, γ on unit-cube inputs.
/// </remarks>
public sealed class SupportVectorKind : ISurrogateKind
{
    public const string Auto = "auto";

    /// <summary>A setting without a search, for auto's candidate (see <see cref="SupportVectorSearch.Heuristic"/>).</summary>
    public const string Heuristic = "heuristic";

    /// <summary>The KKT gap at which the final fit's SMO stops, relative to the standard deviation of the values.</summary>
    internal const double FinalTolerance = 1e-9;

    /// <summary>
    /// The looser gap of the fits that only compare hyperparameters by cross-validation: a ranking needs no
    /// more (scikit-learn's SVR stops at 1e-3 by default), and SMO's last digits cost most of its iterations.
    /// </summary>
    internal const double SearchTolerance = 1e-4;

    public string Name => "supportVector";

    public string Description =>
        "ε-insensitive support-vector regression with an RBF kernel exp(−γ‖u − v‖²) on unit-cube inputs, solved by SMO; " +
        "C, ε and γ given or chosen by k-fold cross-validation (the chosen values are in the model's parameters). No standard error.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("c", OptionKind.Number, Auto, "Box constraint C (units of the values); auto: chosen by cross-validation; heuristic: 10·s, s the values' standard deviation.", 0, 1e9, [Auto, Heuristic]) { ExclusiveMinimum = true },
        new OptionSpec("epsilon", OptionKind.Number, Auto, "Half-width ε of the insensitive tube (units of the values), auto, or heuristic: 0.01·s.", 0, 1e9, [Auto, Heuristic]),
        new OptionSpec("gamma", OptionKind.Number, Auto, "Kernel width γ on unit-cube inputs, auto, or heuristic: one over the median squared distance between the points (the median heuristic).", 0, 1e6, [Auto, Heuristic]) { ExclusiveMinimum = true },
        OptionSpec.Integer("folds", 5, "Cross-validation folds, for the choice of the auto hyperparameters and for leaveOneOutRmse.", 2, 20),
        OptionSpec.Integer("seed", 0, "Seed of the cross-validation folds.", 0, int.MaxValue),
    ];

    public bool HasStandardError => false;

    public int MinimumPoints(int dimension) => 3;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.Count < MinimumPoints(data.Dimension))
            throw new SurrogateFitException($"Support-vector regression needs at least {MinimumPoints(data.Dimension)} points.");
        int folds = Math.Min(options.Integer("folds"), data.Count);
        ulong seed = (ulong)options.Integer("seed");
        var heuristic = SupportVectorSearch.Heuristic(data);
        var settings = SupportVectorSearch.Choose(data, Given(options, "c", heuristic.C), Given(options, "epsilon", heuristic.Epsilon),
            Given(options, "gamma", heuristic.Gamma), folds, seed, cancellationToken);

        var unit = RbfKernel.UnitPoints(data);
        var kernel = RbfKernel.Matrix(unit, data.Count, data.Dimension, settings.Gamma);
        var solution = Solve(kernel, data.Values, settings, FinalTolerance, cancellationToken);
        double rmse = SupportVectorSearch.CrossValidationRmse(kernel, data.Values, settings, folds, seed, SearchTolerance, cancellationToken);
        var warnings = new List<string>();
        if (!solution.Converged)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"SMO stopped after {solution.Iterations} iterations before meeting its tolerance; the model is not the exact optimum (try a smaller c)."));
        }
        var diagnostics = new FitDiagnostics { LeaveOneOutRmse = rmse, CrossValidation = FitDiagnostics.Folds(folds), Warnings = warnings };
        return new SupportVectorModel(data, solution.Coefficients, solution.Bias, settings, diagnostics);
    }

    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parameters);
        var coefficients = ModelParameters.Read(parameters, SupportVectorModel.CoefficientsParameter, data.Count);
        double bias = ModelParameters.Read(parameters, SupportVectorModel.BiasParameter, 1)[0];
        double gamma = ModelParameters.Read(parameters, SupportVectorModel.GammaParameter, 1)[0];
        if (gamma <= 0)
            throw new SurrogateFitException("The model parameter 'gamma' must be positive.") { Field = "parameters." + SupportVectorModel.GammaParameter };
        double c = ModelParameters.Read(parameters, SupportVectorModel.CParameter, 1)[0];
        double epsilon = ModelParameters.Read(parameters, SupportVectorModel.EpsilonParameter, 1)[0];
        return new SupportVectorModel(data, coefficients, bias, new SupportVectorSettings(c, epsilon, gamma), new FitDiagnostics());
    }

    /// <summary>SMO to a KKT gap of <paramref name="relativeTolerance"/> times the values' spread, capped at max(10⁷, 100·n) iterations so that a hard problem ends with a warning, not past the request timeout.</summary>
    internal static SvrSolution Solve(double[] kernel, double[] y, SupportVectorSettings settings, double relativeTolerance, CancellationToken cancellationToken)
    {
        double tolerance = relativeTolerance * SupportVectorSearch.Spread(y);
        int maximumIterations = Math.Max(10_000_000, 100 * y.Length);
        return EpsilonSvrSolver.Solve(kernel, y, settings.C, settings.Epsilon, tolerance, maximumIterations, cancellationToken);
    }

    /// <summary>The option's number, the heuristic value, or null for a search.</summary>
    private static double? Given(OptionValues options, string name, Lazy<double> heuristic) => options.Text(name) switch
    {
        null => options.Number(name),
        Heuristic => heuristic.Value,
        _ => null,
    };
}
