using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The gating of Bettebghor et al. (2011, §3.3): P(k | x) ∝ π_k N(x; μ_k, h·Σ_k), with π_k, μ_k and Σ_k the input
/// marginal of the mixture that clustered (inputs, values), on box-scaled inputs; h is their heaviside factor.
/// </summary>
internal sealed class GaussianGating : IGating
{
    public const string WeightsParameter = "weights";
    public const string MeansParameter = "means";
    public const string CovariancesParameter = "covariances";

    private readonly GatingMixture _mixture;
    private readonly Box _box;
    private readonly BoxScaling _scaling;
    private readonly ComponentDensities _densities;

    /// <exception cref="SurrogateFitException">A covariance is not positive definite.</exception>
    public GaussianGating(GatingMixture mixture, Box box, double heaviside = 1)
    {
        _mixture = mixture;
        _box = box;
        _scaling = new BoxScaling(box);
        Heaviside = heaviside;
        _densities = new ComponentDensities(mixture.Weights, mixture.Means, mixture.Covariances, box.Dimension, heaviside);
    }

    public string Model => MixtureOfExpertsKind.GaussianGating;

    public double Heaviside { get; }

    public void Posterior(ReadOnlySpan<double> x, Span<double> probabilities)
    {
        Span<double> scaled = x.Length <= 64 ? stackalloc double[x.Length] : new double[x.Length];
        _scaling.ToUnit(x, scaled);
        _densities.Posterior(scaled, probabilities);
    }

    public IGating WithHeaviside(double heaviside) => new GaussianGating(_mixture, _box, heaviside);

    public void Export(Dictionary<string, double[]> parameters)
    {
        parameters[WeightsParameter] = (double[])_mixture.Weights.Clone();
        parameters[MeansParameter] = (double[])_mixture.Means.Clone();
        parameters[CovariancesParameter] = (double[])_mixture.Covariances.Clone();
        parameters[MixtureOfExpertsModel.HeavisideParameter] = [Heaviside];
    }
}
