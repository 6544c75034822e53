using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted Lobachevsky spline interpolant; besides predicting, it integrates exactly over a box.</summary>
public sealed class LobachevskyModel : ISurrogateModel, IExactlyIntegrable
{
    internal const string CoefficientsName = "coefficients";

    private readonly double[] _alpha;
    private readonly int _order;
    private readonly double[] _coefficients;

    internal LobachevskyModel(TrainingSet data, double[] alpha, int order, double[] coefficients, FitDiagnostics diagnostics)
    {
        Data = data;
        _alpha = alpha;
        _order = order;
        _coefficients = coefficients;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    /// <summary>The N-D basis Π_j φ_n(α_j·(v_j − x_j)); stops at the first factor outside the support.</summary>
    internal static double Basis(ReadOnlySpan<double> v, ReadOnlySpan<double> x, double[] alpha, int order)
    {
        double product = 1;
        for (int j = 0; j < v.Length && product != 0; j++)
            product *= LobachevskyBasis.Value(alpha[j] * (v[j] - x[j]), order);
        return product;
    }

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        for (int p = 0; p < points.Count; p++)
        {
            double sum = 0;
            for (int i = 0; i < _coefficients.Length; i++)
                sum += _coefficients[i] * Basis(points[p], Data.Points[i], _alpha, _order);
            values[p] = sum;
        }
    }

    /// <summary>
    /// ∫_box s(v) dv, exactly: each basis integrates to Π_j (Φ(α_j(ub_j − x_ij)) − Φ(α_j(lb_j − x_ij)))/α_j,
    /// Φ being the antiderivative of the 1-D spline.
    /// </summary>
    public double Integrate(Box box)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.Dimension != Data.Dimension)
            throw new ArgumentException($"The model has dimension {Data.Dimension}; the box has {box.Dimension}.", nameof(box));
        double total = 0;
        for (int i = 0; i < _coefficients.Length; i++)
        {
            var x = Data.Points[i];
            double product = 1;
            for (int j = 0; j < x.Length; j++)
            {
                double upper = LobachevskyBasis.Antiderivative(_alpha[j] * (box.Upper[j] - x[j]), _order);
                double lower = LobachevskyBasis.Antiderivative(_alpha[j] * (box.Lower[j] - x[j]), _order);
                product *= (upper - lower) / _alpha[j];
            }
            total += _coefficients[i] * product;
        }
        return total;
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Lobachevsky models give no standard error.");

    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>
    {
        [CoefficientsName] = (double[])_coefficients.Clone(),
    };
}
