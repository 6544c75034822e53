using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// GEKPLS with Taylor points (see <see cref="TaylorPoints"/>): a KPLS model of the values and the extra points,
/// presented as a model of the training set it was given (points, values and gradients), so that its document
/// holds the caller's data and a restore rebuilds the same extra points, to the bit, from them.
/// </summary>
public sealed class TaylorPointsKrigingModel : ISurrogateModel, IDifferentiableModel
{
    private readonly KrigingModel _values;

    internal TaylorPointsKrigingModel(TrainingSet data, KrigingModel values, int[] groupOf, int extraPoints)
    {
        Data = data;
        _values = values;
        ExtraPoints = extraPoints;
        var (rmse, mean, spread) = values.LeaveGroupOut(groupOf, data.Count);
        Diagnostics = values.Diagnostics with
        {
            LeaveOneOutRmse = double.IsFinite(rmse) ? rmse : null,
            LeaveOneOutStandardisedMean = double.IsFinite(mean) ? mean : null,
            LeaveOneOutStandardisedSpread = double.IsFinite(spread) ? spread : null,
        };
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    /// <summary>Taylor points per training point with a gradient.</summary>
    public int ExtraPoints { get; }

    /// <summary>The KPLS model of the values and the Taylor points.</summary>
    public KrigingModel ValuesModel => _values;

    public void Predict(PointSet points, Span<double> values) => _values.Predict(points, values);

    public void StandardError(PointSet points, Span<double> standardErrors) => _values.StandardError(points, standardErrors);

    public void Gradient(PointSet points, Span<double> gradients) => _values.Gradient(points, gradients);

    public IReadOnlyDictionary<string, double[]> ExportParameters() => _values.ExportParameters();
}
