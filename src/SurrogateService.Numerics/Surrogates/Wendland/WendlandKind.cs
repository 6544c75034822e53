using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Interpolation with Wendland's compactly supported function φ(r) = (1 − r)^(ℓ+1)·((ℓ + 1)·r + 1) for
/// r = ε·‖v − x‖ ≤ 1 (else 0), ℓ = ⌊d/2⌋ + 2: positive definite in d dimensions, so Φc = y needs no
/// tail. The system is solved directly by LU; for the sizes the service accepts, a dense solve is
/// exact and fast enough, where an iterative solver would stop at a tolerance.
/// </summary>
public sealed class WendlandKind : ISurrogateKind
{
    private const string Remedy = "Remove near-duplicate points or increase eps (narrower support).";

    public string Name => "wendland";

    public string Description => "Wendland compactly supported radial basis interpolation; the support radius is 1/eps.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Number("eps", 1, "Inverse support radius: points farther apart than 1/eps do not interact.", minimum: 0, exclusiveMinimum: true),
    ];

    public bool HasStandardError => false;

    public int MinimumPoints(int dimension) => 1;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        double eps = options.Number("eps");
        DuplicatePointCheck.Reject(data.Points, "the Wendland system would be singular.");
        int n = data.Count;
        var function = new WendlandFunction(data.Dimension, eps);
        var matrix = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
                matrix[i * n + j] = matrix[j * n + i] = function.Evaluate(data.Points[i], data.Points[j]);
        }
        var warnings = new List<string>();
        var result = InterpolationSystem.Solve(matrix, n, (double[])data.Values.Clone(), n, Remedy, warnings, cancellationToken);
        var diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = result.LeaveOneOutRmse,
            ConditionNumber = result.ConditionNumber,
            Warnings = warnings,
        };
        return new WendlandModel(data, function, result.Solution, diagnostics);
    }

    /// <summary>Uses the exported coefficients as they are (no refit); the restored model carries no diagnostics.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var coefficients = ModelParameters.Read(parameters, WendlandModel.CoefficientsName, data.Count);
        return new WendlandModel(data, new WendlandFunction(data.Dimension, options.Number("eps")), coefficients, new FitDiagnostics());
    }
}
