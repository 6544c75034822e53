using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted Wendland interpolant: one coefficient per training point.</summary>
internal sealed class WendlandModel : ISurrogateModel
{
    public const string CoefficientsName = "coefficients";

    private readonly WendlandFunction _function;
    private readonly double[] _coefficients;

    public WendlandModel(TrainingSet data, WendlandFunction function, double[] coefficients, FitDiagnostics diagnostics)
    {
        Data = data;
        _function = function;
        _coefficients = coefficients;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        for (int p = 0; p < points.Count; p++)
        {
            double sum = 0;
            for (int i = 0; i < _coefficients.Length; i++)
                sum += _coefficients[i] * _function.Evaluate(points[p], Data.Points[i]);
            values[p] = sum;
        }
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Wendland models give no standard error.");

    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>
    {
        [CoefficientsName] = (double[])_coefficients.Clone(),
    };
}
