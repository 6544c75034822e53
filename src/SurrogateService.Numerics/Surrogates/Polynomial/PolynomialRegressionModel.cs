using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted regression polynomial: one coefficient per term of its <see cref="PolynomialBasis"/>.</summary>
internal sealed class PolynomialRegressionModel : ISurrogateModel, IDifferentiableModel
{
    public const string CoefficientsName = "coefficients";

    private readonly PolynomialBasis _basis;
    private readonly double[] _coefficients;

    public PolynomialRegressionModel(TrainingSet data, PolynomialBasis basis, double[] coefficients, FitDiagnostics diagnostics)
    {
        Data = data;
        _basis = basis;
        _coefficients = coefficients;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, PredictSequentially);
    }

    private void PredictSequentially(PointSet points, Span<double> values)
    {
        var terms = new double[_basis.Count];
        for (int p = 0; p < points.Count; p++)
        {
            _basis.Evaluate(points[p], terms);
            values[p] = VectorKernels.Dot(_coefficients, terms);
        }
    }

    public void Gradient(PointSet points, Span<double> gradients)
    {
        PredictionArguments.CheckGradients(Data, points, gradients.Length);
        gradients.Clear();
        int d = Data.Dimension;
        for (int p = 0; p < points.Count; p++)
            _basis.AddGradient(points[p], _coefficients, gradients.Slice(p * d, d));
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Polynomial regression models give no standard error.");

    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>
    {
        [CoefficientsName] = (double[])_coefficients.Clone(),
    };
}
