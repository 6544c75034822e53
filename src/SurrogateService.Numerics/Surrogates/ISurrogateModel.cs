namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted surrogate: predicts batches of points.</summary>
public interface ISurrogateModel
{
    TrainingSet Data { get; }

    /// <summary>Fit quality and numerical health, for the client to judge the model by.</summary>
    FitDiagnostics Diagnostics { get; }

    /// <summary>Predicted values for every point of the batch.</summary>
    void Predict(Core.PointSet points, Span<double> values);

    /// <summary>Standard errors for every point; throws <see cref="NotSupportedException"/> when the kind has none.</summary>
    void StandardError(Core.PointSet points, Span<double> standardErrors);

    /// <summary>The fitted parameters that <see cref="ISurrogateKind.Restore"/> needs (e.g. "theta", "coefficients").</summary>
    IReadOnlyDictionary<string, double[]> ExportParameters();
}
