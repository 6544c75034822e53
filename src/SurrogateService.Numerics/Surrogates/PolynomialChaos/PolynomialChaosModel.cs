using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A fitted polynomial chaos expansion ŷ(x) = Σ_k c_k ψ_{α_k}(x) in orthonormal Legendre
/// polynomials of the inputs taken uniform on the box. Orthonormality makes the moments and the
/// Sobol' indices sums of squared coefficients (Sudret 2008, Reliab. Eng. Syst. Saf. 93:964–979):
/// mean c_0, variance Σ_{α≠0} c_α².
/// </summary>
public sealed class PolynomialChaosModel : ISurrogateModel, IDifferentiableModel, IExactlyIntegrable
{
    public const string MultiIndicesName = "multiIndices";
    public const string CoefficientsName = "coefficients";

    private readonly ChaosBasis _basis;
    private readonly double[] _coefficients;

    internal PolynomialChaosModel(TrainingSet data, ChaosBasis basis, double[] coefficients, FitDiagnostics diagnostics)
    {
        Data = data;
        _basis = basis;
        _coefficients = coefficients;
        Diagnostics = diagnostics;
        (Mean, Variance) = Moments(basis, coefficients);
    }

    internal static (double Mean, double Variance) Moments(ChaosBasis basis, ReadOnlySpan<double> coefficients)
    {
        double mean = 0, variance = 0;
        for (int k = 0; k < basis.Count; k++)
        {
            if (basis.IsConstant(k))
                mean += coefficients[k];
            else
                variance += coefficients[k] * coefficients[k];
        }
        return (mean, variance);
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    /// <summary>Number of terms of the expansion.</summary>
    public int TermCount => _basis.Count;

    /// <summary>Mean of the model over the box (inputs uniform): the constant's coefficient.</summary>
    public double Mean { get; }

    /// <summary>Variance of the model over the box (inputs uniform): Σ c_α² over the non-constant terms.</summary>
    public double Variance { get; }

    /// <summary>The degree of term <paramref name="term"/> in input <paramref name="coordinate"/>.</summary>
    public int Degree(int term, int coordinate) => _basis.Degree(term, coordinate);

    public double Coefficient(int term) => _coefficients[term];

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, PredictSequentially);
    }

    private void PredictSequentially(PointSet points, Span<double> values)
    {
        var table = _basis.CreateTable();
        var terms = new double[_basis.Count];
        for (int i = 0; i < points.Count; i++)
        {
            _basis.Evaluate(points[i], table, terms);
            double sum = 0;
            for (int k = 0; k < terms.Length; k++)
                sum += _coefficients[k] * terms[k];
            values[i] = sum;
        }
    }

    public void Gradient(PointSet points, Span<double> gradients)
    {
        PredictionArguments.Check(Data, points, points.Count);
        int d = Data.Dimension;
        if (gradients.Length != points.Count * d)
            throw new ArgumentException($"Expected room for {points.Count * d} gradient entries, got {gradients.Length}.", nameof(gradients));
        var table = _basis.CreateTable();
        gradients.Clear();
        for (int i = 0; i < points.Count; i++)
            _basis.AddGradient(points[i], _coefficients, table, gradients.Slice(i * d, d));
    }

    /// <summary>The exact integral of the expansion over any box (see <see cref="ChaosBasis.Integrate"/>).</summary>
    public double Integrate(Box box)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.Dimension != Data.Dimension)
            throw new ArgumentException("Box and model differ in dimension.", nameof(box));
        return _basis.Integrate(box, _coefficients);
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Polynomial chaos models give no standard error.");

    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>
    {
        [MultiIndicesName] = Array.ConvertAll(_basis.MultiIndices, a => (double)a),
        [CoefficientsName] = (double[])_coefficients.Clone(),
    };
}
