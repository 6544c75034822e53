using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Shepard's inverse distance weighting, s(v) = Σ w_i·y_i / Σ w_i with w_i = ‖v − x_i‖^(−p). Nothing is
/// solved, so fitting only computes the leave-one-out error and duplicates are harmless.
/// </summary>
public sealed class InverseDistanceKind : ISurrogateKind
{
    /// <summary>Leave-one-out costs O(n²) distance evaluations; above this many points it is skipped.</summary>
    public const int LeaveOneOutLimit = 10_000;

    public string Name => "inverseDistance";

    public string Description => "Inverse distance weighting (Shepard): a weighted mean of the data with weights ‖v − x_i‖^(−p).";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Number("p", 1, "Power of the inverse distance: larger values make the surrogate follow the nearest points more closely.",
            minimum: 0, exclusiveMinimum: true),
    ];

    public bool HasStandardError => false;

    public int MinimumPoints(int dimension) => 1;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var model = new InverseDistanceModel(data, options.Number("p"), new FitDiagnostics());
        var warnings = new List<string>();
        double? rmse = null;
        if (data.Count > LeaveOneOutLimit)
            warnings.Add($"The leave-one-out error is not computed above {LeaveOneOutLimit} training points.");
        else if (data.Count > 1)
            rmse = model.LeaveOneOutRmse(cancellationToken);
        return model.WithDiagnostics(new FitDiagnostics { LeaveOneOutRmse = rmse, Warnings = warnings });
    }

    /// <summary>Inverse distance weighting has no fitted parameters: the data and p are the model.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return new InverseDistanceModel(data, options.Number("p"), new FitDiagnostics());
    }
}
