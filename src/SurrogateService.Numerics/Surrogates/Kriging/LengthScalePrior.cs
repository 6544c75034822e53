using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A log-normal prior on the length-scales ℓ_l of Kriging, placed on the search variables
/// z_l = ln θ̃_l (θ̃_l = θ_l·w_l^{p_l}, see <see cref="KrigingSearchSpace"/>) so that the search
/// maximises the posterior (a MAP fit) instead of the likelihood alone.
/// </summary>
/// <remarks>
/// The dimension-scaled prior of Hvarfner, Hellsten &amp; Nardi ("Vanilla Bayesian optimization
/// performs great in high dimensions", ICML 2024): ln ℓ ~ N(√2 + ½·ln d, 3) on inputs scaled to the
/// unit cube. Its constants are BoTorch's (botorch/models/utils/gpytorch_modules.py,
/// get_covar_module_with_dim_scaled_prior: LogNormalPrior(loc=SQRT2 + log(ard_num_dims)·0.5,
/// scale=SQRT3)), the default of its SingleTaskGP since 0.12. The median length-scale grows like √d, so
/// that a point's typical distance to the others, which grows like √d too, stays a few length-scales:
/// without it maximum likelihood in many dimensions drives θ to "no correlation" and the model
/// predicts the mean everywhere. Our kernels are written in θ: the squared and power exponential
/// exp(−θ̃·Δ^p) match the RBF exp(−Δ²/(2ℓ²)) with θ̃ = ½·ℓ^{−p}, the Matérn ones (whose ℓ is 1/√θ)
/// with θ̃ = ℓ^{−2}; so z_l = ln c − p_l·ln ℓ_l is normal with mean ln c − p_l·μ and standard deviation p_l·σ.
/// </remarks>
internal sealed class LengthScalePrior
{
    private readonly double[] _mean;
    private readonly double[] _deviation;

    private LengthScalePrior(double[] mean, double[] deviation)
    {
        _mean = mean;
        _deviation = deviation;
    }

    /// <summary>Hvarfner et al.'s prior for <paramref name="p"/>.Length inputs (see the remarks).</summary>
    public static LengthScalePrior DimensionScaled(KernelShape shape, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        int d = p.Count;
        double logLengthMean = Math.Sqrt(2) + 0.5 * Math.Log(d), logLengthDeviation = Math.Sqrt(3);
        double logScale = shape is KernelShape.Matern32 or KernelShape.Matern52 ? 0 : Math.Log(0.5);
        var mean = new double[d];
        var deviation = new double[d];
        for (int l = 0; l < d; l++)
        {
            mean[l] = logScale - p[l] * logLengthMean;
            deviation[l] = p[l] * logLengthDeviation;
        }
        return new LengthScalePrior(mean, deviation);
    }

    /// <summary>The prior's median of z_l (its mode too, z being normal).</summary>
    public double Median(int l) => _mean[l];

    /// <summary>A draw of z_l from the prior.</summary>
    public double Draw(int l, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return _mean[l] + _deviation[l] * random.NextGaussian();
    }

    /// <summary>
    /// −ln π(z) up to a constant, Σ (z_l − m_l)²/(2s_l²), over the first d entries of
    /// <paramref name="z"/>; adds its gradient to the first d entries of <paramref name="gradient"/>.
    /// </summary>
    public double AddNegativeLogDensity(ReadOnlySpan<double> z, Span<double> gradient)
    {
        double sum = 0;
        for (int l = 0; l < _mean.Length; l++)
        {
            double standardised = (z[l] - _mean[l]) / _deviation[l];
            sum += 0.5 * standardised * standardised;
            gradient[l] += standardised / _deviation[l];
        }
        return sum;
    }
}
