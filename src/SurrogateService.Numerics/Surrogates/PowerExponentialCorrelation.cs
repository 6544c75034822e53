using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The Kriging correlation corr(a, b) = exp(−Σ_l θ_l·|a_l − b_l|^{p_l}) with θ_l &gt; 0, p_l ∈ (0, 2].
/// The correlation matrix and the prediction vectors are built by the same arithmetic (same powers,
/// same summation order), so a restored model and the likelihood search see bit-identical matrices.
/// </summary>
internal sealed class PowerExponentialCorrelation
{
    private readonly double[] _theta;
    private readonly double[] _p;

    public PowerExponentialCorrelation(double[] theta, double[] p)
    {
        if (theta.Length != p.Length)
            throw new ArgumentException("theta and p must have one entry per dimension.", nameof(p));
        _theta = (double[])theta.Clone();
        _p = (double[])p.Clone();
    }

    public ReadOnlySpan<double> Theta => _theta;

    public ReadOnlySpan<double> P => _p;

    /// <summary>|Δ|^p, with exact shortcuts for the common exponents 1 and 2 (Math.Pow is far slower).</summary>
    public static double Power(double absoluteDifference, double p) => p switch
    {
        2 => absoluteDifference * absoluteDifference,
        1 => absoluteDifference,
        _ => Math.Pow(absoluteDifference, p),
    };

    /// <summary>r_i = corr(v, x_i) for every training point x_i.</summary>
    public void Fill(PointSet training, ReadOnlySpan<double> v, Span<double> r)
    {
        int d = training.Dimension;
        ReadOnlySpan<double> x = training.Data;
        for (int i = 0; i < r.Length; i++)
        {
            ReadOnlySpan<double> xi = x.Slice(i * d, d);
            double exponent = 0;
            for (int l = 0; l < d; l++)
                exponent += _theta[l] * Power(Math.Abs(v[l] - xi[l]), _p[l]);
            r[i] = Math.Exp(-exponent);
        }
    }

    /// <summary>The full symmetric n×n correlation matrix of the training points, row-major, unit diagonal.</summary>
    public double[] Matrix(PointSet training)
    {
        int n = training.Count;
        var matrix = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            Fill(training, training[i], matrix.AsSpan(i * n, i));
            matrix[i * n + i] = 1;
            for (int j = 0; j < i; j++)
                matrix[j * n + i] = matrix[i * n + j];
        }
        return matrix;
    }
}
