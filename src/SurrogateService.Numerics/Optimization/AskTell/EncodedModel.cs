using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// A surrogate fitted to encoded points (see <see cref="VariableSpace"/>), predicting at design
/// points: the strategies keep working with level indices while the model sees one-hot columns.
/// </summary>
internal sealed class EncodedModel(ISurrogateModel inner, VariableSpace space) : ISurrogateModel
{
    public ISurrogateModel Inner { get; } = inner;

    public TrainingSet Data => Inner.Data;

    public FitDiagnostics Diagnostics => Inner.Diagnostics;

    public void Predict(PointSet points, Span<double> values) => Inner.Predict(space.Encode(points), values);

    public void StandardError(PointSet points, Span<double> standardErrors) => Inner.StandardError(space.Encode(points), standardErrors);

    public IReadOnlyDictionary<string, double[]> ExportParameters() => Inner.ExportParameters();

    /// <summary>The Kriging model behind <paramref name="model"/>, encoded or not; null for other kinds.</summary>
    public static KrigingModel? KrigingOf(ISurrogateModel? model) => model switch
    {
        KrigingModel kriging => kriging,
        EncodedModel { Inner: KrigingModel kriging } => kriging,
        _ => null,
    };
}
