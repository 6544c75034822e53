using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The variables of the Kriging likelihood search, z = (ln θ̃_1 … ln θ̃_d[, p_1 … p_d]) with
/// θ̃_l = θ_l·w_l^{p_l}, their box, and the objective −L(z) with its gradient by the chain rule.
/// </summary>
internal sealed class KrigingSearchSpace
{
    private readonly double[] _logWidths;
    private readonly double[] _fixedP;
    private readonly bool _fitP;

    public KrigingSearchSpace(Box box, double[] p, bool fitP, double minScaledTheta, double maxScaledTheta, double minP, double maxP)
    {
        int d = box.Dimension;
        _logWidths = new double[d];
        for (int l = 0; l < d; l++)
            _logWidths[l] = Math.Log(box.Upper[l] - box.Lower[l]);
        _fixedP = (double[])p.Clone();
        _fitP = fitP;
        int variables = fitP ? 2 * d : d;
        var lower = new double[variables];
        var upper = new double[variables];
        for (int k = 0; k < variables; k++)
        {
            lower[k] = k < d ? Math.Log(minScaledTheta) : minP;
            upper[k] = k < d ? Math.Log(maxScaledTheta) : maxP;
        }
        Lower = lower;
        Upper = upper;
    }

    public IReadOnlyList<double> Lower { get; }

    public IReadOnlyList<double> Upper { get; }

    private int Dimension => _logWidths.Length;

    /// <summary>z for (θ, p), clamped into the box.</summary>
    public double[] Encode(double[] theta, double[] p)
    {
        int d = Dimension;
        var z = new double[Lower.Count];
        for (int k = 0; k < z.Length; k++)
        {
            double value = k < d ? Math.Log(theta[k]) + p[k] * _logWidths[k] : p[k - d];
            z[k] = Math.Clamp(value, Lower[k], Upper[k]);
        }
        return z;
    }

    public (double[] Theta, double[] P) Decode(ReadOnlySpan<double> z)
    {
        int d = Dimension;
        var p = _fitP ? z[d..].ToArray() : (double[])_fixedP.Clone();
        var theta = new double[d];
        for (int l = 0; l < d; l++)
            theta[l] = Math.Exp(z[l] - p[l] * _logWidths[l]);
        return (theta, p);
    }

    /// <summary>
    /// −L(z) and its gradient: with θ_l = exp(z_l − p_l·ln w_l), ∂L/∂z_l = θ_l·∂L/∂θ_l and, at fixed z,
    /// ∂L/∂p_l = ∂L/∂p_l|_θ − θ_l·ln w_l·∂L/∂θ_l. +∞ where R + νI cannot be factored.
    /// </summary>
    public double NegativeLogLikelihood(KrigingLikelihood likelihood, ReadOnlySpan<double> z, Span<double> gradient)
    {
        int d = Dimension;
        var (theta, p) = Decode(z);
        Span<double> thetaGradient = stackalloc double[d];
        Span<double> pGradient = _fitP ? stackalloc double[d] : [];
        double logLikelihood = likelihood.Evaluate(theta, p, thetaGradient, pGradient);
        if (!double.IsFinite(logLikelihood))
            return double.PositiveInfinity;
        for (int l = 0; l < d; l++)
        {
            gradient[l] = -theta[l] * thetaGradient[l];
            if (_fitP)
                gradient[d + l] = -(pGradient[l] - theta[l] * _logWidths[l] * thetaGradient[l]);
        }
        return -logLikelihood;
    }
}
