using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The variables of the Kriging likelihood search, z = ([ln θ̃_1 … ln θ̃_d][, p_1 … p_d][, ln η]) with
/// θ̃_l = θ_l·w_l^{p_l} (left out when θ is given) and η the noise parameter (λ = τ²/σ² when the
/// noise is fitted, σ²/v with v the sample variance of the values when it is known), their box, and
/// the objective −L(z) with its gradient by the chain rule.
/// </summary>
/// <remarks>
/// With a <see cref="LengthScalePrior"/> the objective is −L(z) − ln π(z), a MAP search. With KPLS
/// directions (see <see cref="PartialLeastSquares"/>) the θ variables are one per direction,
/// z_k = ln θ̃_k, and each input's θ̃_l = Σ_k θ̃_k·|w*_lk|^{p_l}: h variables instead of d, the
/// likelihood still evaluated in the inputs (O(n²·d + n³) per step).
/// </remarks>
internal sealed class KrigingSearchSpace
{
    private readonly double[] _logWidths;
    private readonly double[] _fixedP;
    private readonly double[]? _fixedTheta;
    private readonly bool _fitP;
    private readonly NoiseMode _noise;
    private readonly double _noiseScale;
    private readonly LengthScalePrior? _prior;

    // |w*_lk|^{p_l}, row-major d×h, with KPLS; null otherwise.
    private readonly double[]? _directionWeights;
    private readonly int _thetaVariables;

    /// <param name="fixedTheta">θ when it is given (then only the noise is searched), else null.</param>
    /// <param name="noiseRange">The range of η/<paramref name="noiseScale"/> (unused without noise).</param>
    /// <param name="prior">A prior on the θ variables (MAP search), or null.</param>
    /// <param name="directions">KPLS rotations (d×h), or null to search one θ per input.</param>
    public KrigingSearchSpace(Box box, double[] p, bool fitP, double minScaledTheta, double maxScaledTheta, double minP, double maxP,
        double[]? fixedTheta = null, NoiseMode noise = NoiseMode.None, double noiseScale = 1, (double Min, double Max) noiseRange = default,
        LengthScalePrior? prior = null, double[,]? directions = null)
    {
        int d = box.Dimension;
        _logWidths = new double[d];
        for (int l = 0; l < d; l++)
            _logWidths[l] = Math.Log(box.Upper[l] - box.Lower[l]);
        _fixedP = (double[])p.Clone();
        _fixedTheta = fixedTheta is null ? null : (double[])fixedTheta.Clone();
        _fitP = fitP && fixedTheta is null;
        _noise = noise;
        _noiseScale = noiseScale;
        _prior = fixedTheta is null && directions is null ? prior : null;
        _thetaVariables = fixedTheta is not null ? 0 : directions?.GetLength(1) ?? d;
        if (directions is not null)
        {
            if (_fitP)
                throw new ArgumentException("KPLS directions need fixed exponents.", nameof(directions));
            int h = directions.GetLength(1);
            _directionWeights = new double[d * h];
            for (int l = 0; l < d; l++)
            {
                for (int k = 0; k < h; k++)
                    _directionWeights[l * h + k] = Math.Pow(Math.Abs(directions[l, k]), p[l]);
            }
        }
        var lower = new List<double>();
        var upper = new List<double>();
        for (int k = 0; k < _thetaVariables; k++)
        {
            lower.Add(Math.Log(minScaledTheta));
            upper.Add(Math.Log(maxScaledTheta));
        }
        for (int k = 0; _fitP && k < d; k++)
        {
            lower.Add(minP);
            upper.Add(maxP);
        }
        if (noise != NoiseMode.None)
        {
            lower.Add(Math.Log(noiseRange.Min));
            upper.Add(Math.Log(noiseRange.Max));
        }
        Lower = lower;
        Upper = upper;
    }

    public IReadOnlyList<double> Lower { get; }

    public IReadOnlyList<double> Upper { get; }

    /// <summary>Whether θ is searched (its variables come first).</summary>
    public bool SearchesTheta => _fixedTheta is null;

    /// <summary>How many variables θ has in the search: d, the number of KPLS directions, or 0 when θ is given.</summary>
    public int ThetaVariables => _thetaVariables;

    /// <summary>Whether the θ variables are KPLS directions rather than inputs.</summary>
    public bool SearchesDirections => _directionWeights is not null;

    /// <summary>Whether the last variable is the noise parameter.</summary>
    public bool SearchesNoise => _noise != NoiseMode.None;

    private int Dimension => _logWidths.Length;

    /// <summary>
    /// z for (θ, p, η), clamped into the box. With KPLS directions, θ gives one value per direction
    /// (θ̃_k itself, the box not entering a direction's scale).
    /// </summary>
    public double[] Encode(double[] theta, double[] p, double noiseParameter)
    {
        int d = Dimension, k = 0;
        var z = new double[Lower.Count];
        for (int l = 0; SearchesDirections && l < _thetaVariables; l++, k++)
            z[k] = Math.Log(theta[l]);
        for (int l = 0; SearchesTheta && !SearchesDirections && l < d; l++, k++)
            z[k] = Math.Log(theta[l]) + p[l] * _logWidths[l];
        for (int l = 0; _fitP && l < d; l++, k++)
            z[k] = p[l];
        if (SearchesNoise)
            z[k] = Math.Log(noiseParameter / _noiseScale);
        for (k = 0; k < z.Length; k++)
            z[k] = Math.Clamp(z[k], Lower[k], Upper[k]);
        return z;
    }

    public (double[] Theta, double[] P, double Noise) Decode(ReadOnlySpan<double> z)
    {
        int d = Dimension;
        int pOffset = _thetaVariables;
        var p = _fitP ? z.Slice(pOffset, d).ToArray() : (double[])_fixedP.Clone();
        double[] theta;
        if (_fixedTheta is not null)
        {
            theta = (double[])_fixedTheta.Clone();
        }
        else if (_directionWeights is { } weights)
        {
            int h = _thetaVariables;
            theta = new double[d];
            for (int l = 0; l < d; l++)
            {
                double scaled = 0;
                for (int k = 0; k < h; k++)
                    scaled += Math.Exp(z[k]) * weights[l * h + k];
                // An input no direction uses still gets a tiny θ, so R stays a function of every input.
                theta[l] = Math.Max(scaled, 1e-300) * Math.Exp(-p[l] * _logWidths[l]);
            }
        }
        else
        {
            theta = new double[d];
            for (int l = 0; l < d; l++)
                theta[l] = Math.Exp(z[l] - p[l] * _logWidths[l]);
        }
        double noise = SearchesNoise ? _noiseScale * Math.Exp(z[^1]) : 0;
        return (theta, p, noise);
    }

    /// <summary>
    /// −L(z) and its gradient: with θ_l = exp(z_l − p_l·ln w_l), ∂L/∂z_l = θ_l·∂L/∂θ_l and, at fixed z,
    /// ∂L/∂p_l = ∂L/∂p_l|_θ − θ_l·ln w_l·∂L/∂θ_l; the noise variable is ln η up to a constant. +∞ where K cannot be factored.
    /// </summary>
    public double NegativeLogLikelihood(KrigingLikelihood likelihood, ReadOnlySpan<double> z, Span<double> gradient)
    {
        int d = Dimension;
        var (theta, p, noise) = Decode(z);
        Span<double> thetaGradient = stackalloc double[d];
        Span<double> pGradient = _fitP ? stackalloc double[d] : [];
        double logLikelihood = likelihood.Evaluate(theta, p, noise, thetaGradient, pGradient, out double noiseGradient);
        if (!double.IsFinite(logLikelihood))
            return double.PositiveInfinity;
        int k = 0;
        if (_directionWeights is { } weights)
        {
            // ∂L/∂z_k = Σ_l ∂L/∂θ_l·θ̃_k·|w*_lk|^{p_l}/w_l^{p_l}.
            int h = _thetaVariables;
            for (; k < h; k++)
            {
                double sum = 0, scale = Math.Exp(z[k]);
                for (int l = 0; l < d; l++)
                    sum += thetaGradient[l] * weights[l * h + k] * Math.Exp(-p[l] * _logWidths[l]);
                gradient[k] = -scale * sum;
            }
        }
        for (int l = 0; SearchesTheta && !SearchesDirections && l < d; l++, k++)
            gradient[k] = -theta[l] * thetaGradient[l];
        for (int l = 0; _fitP && l < d; l++, k++)
            gradient[k] = -(pGradient[l] - theta[l] * _logWidths[l] * thetaGradient[l]);
        if (SearchesNoise)
            gradient[k] = -noiseGradient;
        double negativeLogPrior = _prior?.AddNegativeLogDensity(z, gradient) ?? 0;
        return -logLikelihood + negativeLogPrior;
    }
}
