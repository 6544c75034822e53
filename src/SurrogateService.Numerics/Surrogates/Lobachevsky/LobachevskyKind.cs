using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Lobachevsky spline interpolation: s(v) = Σ c_i·Π_j φ_n(α_j·(v_j − x_ij)) with Φc = y solved by LU.
/// The splines are compactly supported and integrate in closed form (<see cref="LobachevskyModel.Integrate"/>).
/// </summary>
public sealed class LobachevskyKind : ISurrogateKind
{
    private const string Remedy = "Remove near-duplicate points or increase alpha (narrower splines).";

    public string Name => "lobachevsky";

    public string Description => "Lobachevsky spline interpolation (products of 1-D B-spline bumps); integrates exactly over a box.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("alpha", OptionKind.NumberPerDimension, 1.0,
            "Inverse width of the splines, one per dimension or one for all: larger is narrower. Range (0, 4].", 0, 4)
        {
            ExclusiveMinimum = true,
        },
        OptionSpec.Integer("n", 4, "Order of the splines; must be even. Higher is smoother and wider.", 2, LobachevskyBasis.MaximumOrder),
    ];

    public bool HasStandardError => false;

    public int MinimumPoints(int dimension) => 1;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (alpha, order) = Settings(data, options);
        DuplicatePointCheck.Reject(data.Points, "the Lobachevsky system would be singular.");
        int n = data.Count;
        var matrix = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
                matrix[i * n + j] = matrix[j * n + i] = LobachevskyModel.Basis(data.Points[i], data.Points[j], alpha, order);
        }
        var warnings = new List<string>();
        var result = InterpolationSystem.Solve(matrix, n, (double[])data.Values.Clone(), n, Remedy, warnings, cancellationToken);
        var diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = result.LeaveOneOutRmse,
            ConditionNumber = result.ConditionNumber,
            Warnings = warnings,
        };
        return new LobachevskyModel(data, alpha, order, result.Solution, diagnostics);
    }

    /// <summary>Uses the exported coefficients as they are (no refit); the restored model carries no diagnostics.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (alpha, order) = Settings(data, options);
        var coefficients = ModelParameters.Read(parameters, LobachevskyModel.CoefficientsName, data.Count);
        return new LobachevskyModel(data, alpha, order, coefficients, new FitDiagnostics());
    }

    private static (double[] Alpha, int Order) Settings(TrainingSet data, OptionValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int order = options.Integer("n");
        if (order % 2 != 0 || order < 2 || order > LobachevskyBasis.MaximumOrder)
        {
            throw new SurrogateFitException($"The Lobachevsky order n must be even and between 2 and {LobachevskyBasis.MaximumOrder}; got {order}.")
            {
                Field = "options.n",
            };
        }
        var alpha = options.PerDimension("alpha", data.Dimension);
        if (alpha.Any(a => !(a > 0 && a <= 4)))
            throw new SurrogateFitException("Every alpha of the Lobachevsky splines must lie in (0, 4].") { Field = "options.alpha" };
        return (alpha, order);
    }
}
