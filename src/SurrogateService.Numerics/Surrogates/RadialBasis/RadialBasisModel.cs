using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted radial basis interpolant: kernel coefficients per training point plus tail coefficients.</summary>
internal sealed class RadialBasisModel : ISurrogateModel, IDifferentiableModel
{
    public const string CoefficientsName = "coefficients";
    public const string TailCoefficientsName = "tailCoefficients";

    private readonly RadialKernel _kernel;
    private readonly double _scale;
    private readonly PolynomialBasis _tail;
    private readonly double[] _coefficients;
    private readonly double[] _tailCoefficients;

    public RadialBasisModel(TrainingSet data, RadialKernel kernel, double scale, PolynomialBasis tail,
        double[] coefficients, double[] tailCoefficients, FitDiagnostics diagnostics)
    {
        Data = data;
        _kernel = kernel;
        _scale = scale;
        _tail = tail;
        _coefficients = coefficients;
        _tailCoefficients = tailCoefficients;
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
        var terms = new double[_tail.Count];
        var centres = Data.Points;
        for (int p = 0; p < points.Count; p++)
        {
            var v = points[p];
            double sum = 0;
            for (int i = 0; i < _coefficients.Length; i++)
                sum += _coefficients[i] * RadialKernels.Evaluate(_kernel, VectorKernels.Distance(v, centres[i]) / _scale);
            _tail.Evaluate(v, terms);
            values[p] = sum + VectorKernels.Dot(_tailCoefficients, terms);
        }
    }

    public void Gradient(PointSet points, Span<double> gradients)
    {
        PredictionArguments.CheckGradients(Data, points, gradients.Length);
        gradients.Clear();
        int d = Data.Dimension;
        var centres = Data.Points;
        double inverseScaleSquared = 1 / (_scale * _scale);
        for (int p = 0; p < points.Count; p++)
        {
            var v = points[p];
            var gradient = gradients.Slice(p * d, d);
            for (int i = 0; i < _coefficients.Length; i++)
            {
                var c = centres[i];
                double weight = _coefficients[i] * inverseScaleSquared *
                    RadialKernels.DerivativeOverR(_kernel, VectorKernels.Distance(v, c) / _scale);
                for (int l = 0; l < d; l++)
                    gradient[l] += weight * (v[l] - c[l]);
            }
            _tail.AddGradient(v, _tailCoefficients, gradient);
        }
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Radial basis models give no standard error.");

    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>
    {
        [CoefficientsName] = (double[])_coefficients.Clone(),
        [TailCoefficientsName] = (double[])_tailCoefficients.Clone(),
    };
}
