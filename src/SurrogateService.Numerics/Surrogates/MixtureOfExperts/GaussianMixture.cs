using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A mixture of K Gaussians with full covariances in m dimensions, fitted by expectation–maximisation
/// (Dempster, Laird &amp; Rubin 1977; the updates as in Bishop, Pattern Recognition and Machine Learning, §9.2.2).
/// The mixture of experts clusters its data with it on inputs and outputs together, as Bettebghor et al. (2011)
/// do, so that a jump in the values separates the clusters even where the inputs alone would not.
/// </summary>
/// <remarks>
/// Deterministic: k-means++ seeding from a seeded stream, a few seeded restarts, the best log-likelihood kept.
/// A small ridge (<see cref="Ridge"/>, scikit-learn's default reg_covar) keeps every covariance positive definite
/// when a cluster lies on a line or holds few points.
/// </remarks>
internal sealed class GaussianMixture
{
    /// <summary>Added to every covariance's diagonal (data are scaled to order one first).</summary>
    public const double Ridge = 1e-6;

    private const int Restarts = 3;
    private const int MaximumIterations = 300;

    public GaussianMixture(double[] weights, double[] means, double[] covariances, int dimension)
    {
        Weights = weights;
        Means = means;
        Covariances = covariances;
        Dimension = dimension;
    }

    /// <summary>π_k, summing to one.</summary>
    public double[] Weights { get; }

    /// <summary>μ_k, K×m row-major.</summary>
    public double[] Means { get; }

    /// <summary>Σ_k, K blocks of m×m row-major.</summary>
    public double[] Covariances { get; }

    public int Dimension { get; }

    public int Count => Weights.Length;

    /// <summary>Fits K components to the rows of <paramref name="data"/> (n×m row-major); the best of a few seeded restarts.</summary>
    public static GaussianMixture Fit(double[] data, int n, int m, int components, ulong seed)
    {
        GaussianMixture? best = null;
        double bestLikelihood = double.NegativeInfinity;
        var random = new DeterministicRandom(seed);
        for (int restart = 0; restart < Restarts; restart++)
        {
            var responsibilities = SeedResponsibilities(data, n, m, components, random);
            GaussianMixture mixture = Maximise(data, n, m, components, responsibilities);
            double previous = double.NegativeInfinity;
            for (int iteration = 0; iteration < MaximumIterations; iteration++)
            {
                double likelihood = mixture.Expect(data, n, responsibilities);
                mixture = Maximise(data, n, m, components, responsibilities);
                if (likelihood - previous <= 1e-10 * n)
                    break;
                previous = likelihood;
            }
            double final = mixture.Expect(data, n, responsibilities);
            if (final > bestLikelihood)
            {
                bestLikelihood = final;
                best = mixture;
            }
        }
        return best!;
    }

    /// <summary>The posterior probability of each component for each row (E-step); returns the log-likelihood.</summary>
    public double Expect(double[] data, int n, double[] responsibilities)
    {
        var densities = new ComponentDensities(Weights, Means, Covariances, Dimension, scale: 1);
        double likelihood = 0;
        for (int i = 0; i < n; i++)
            likelihood += densities.Posterior(data.AsSpan(i * Dimension, Dimension), responsibilities.AsSpan(i * Count, Count));
        return likelihood;
    }

    /// <summary>The M-step: weights, means and covariances from the responsibilities (n×K).</summary>
    private static GaussianMixture Maximise(double[] data, int n, int m, int components, double[] responsibilities)
    {
        var weights = new double[components];
        var means = new double[components * m];
        var covariances = new double[components * m * m];
        var deviation = new double[m];
        for (int k = 0; k < components; k++)
        {
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                double r = responsibilities[i * components + k];
                total += r;
                for (int a = 0; a < m; a++)
                    means[k * m + a] += r * data[i * m + a];
            }
            // An emptied component keeps a tiny weight at the data's mean rather than dividing by zero.
            total = Math.Max(total, 1e-12);
            for (int a = 0; a < m; a++)
                means[k * m + a] /= total;
            var covariance = covariances.AsSpan(k * m * m, m * m);
            for (int i = 0; i < n; i++)
            {
                double r = responsibilities[i * components + k];
                for (int a = 0; a < m; a++)
                    deviation[a] = data[i * m + a] - means[k * m + a];
                for (int a = 0; a < m; a++)
                {
                    for (int b = 0; b <= a; b++)
                        covariance[a * m + b] += r * deviation[a] * deviation[b];
                }
            }
            for (int a = 0; a < m; a++)
            {
                for (int b = 0; b <= a; b++)
                {
                    covariance[a * m + b] /= total;
                    covariance[b * m + a] = covariance[a * m + b];
                }
                covariance[a * m + a] += Ridge;
            }
            weights[k] = total / n;
        }
        return new GaussianMixture(weights, means, covariances, m);
    }

    /// <summary>k-means++ centres (Arthur &amp; Vassilvitskii 2007) and a few Lloyd steps, as hard responsibilities.</summary>
    private static double[] SeedResponsibilities(double[] data, int n, int m, int components, DeterministicRandom random)
    {
        var centres = new double[components * m];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        int first = random.NextInt(n);
        data.AsSpan(first * m, m).CopyTo(centres);
        for (int k = 1; k < components; k++)
        {
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(data.AsSpan(i * m, m), centres.AsSpan((k - 1) * m, m)));
                total += nearest[i];
            }
            double draw = random.NextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++)
            {
                draw -= nearest[i];
                if (draw < 0)
                {
                    chosen = i;
                    break;
                }
            }
            data.AsSpan(chosen * m, m).CopyTo(centres.AsSpan(k * m, m));
        }
        var labels = new int[n];
        for (int step = 0; step < 10; step++)
        {
            for (int i = 0; i < n; i++)
                labels[i] = Closest(data.AsSpan(i * m, m), centres, components, m);
            var counts = new int[components];
            var sums = new double[components * m];
            for (int i = 0; i < n; i++)
            {
                counts[labels[i]]++;
                for (int a = 0; a < m; a++)
                    sums[labels[i] * m + a] += data[i * m + a];
            }
            for (int k = 0; k < components; k++)
            {
                for (int a = 0; a < m && counts[k] > 0; a++)
                    centres[k * m + a] = sums[k * m + a] / counts[k];
            }
        }
        var responsibilities = new double[n * components];
        for (int i = 0; i < n; i++)
            responsibilities[i * components + labels[i]] = 1;
        return responsibilities;
    }

    private static int Closest(ReadOnlySpan<double> row, double[] centres, int components, int m)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int k = 0; k < components; k++)
        {
            double distance = SquaredDistance(row, centres.AsSpan(k * m, m));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        return sum;
    }
}

/// <summary>
/// The weighted Gaussian densities π_k N(z; μ_k, h·Σ_k) of a mixture, factored once, and the posterior
/// probabilities P(k | z) they give. h (the heaviside factor of Bettebghor et al. 2011, SMT's
/// heaviside_optim) widens (h &gt; 1) or sharpens (h &lt; 1) the transitions between components.
/// </summary>
internal sealed class ComponentDensities
{
    private readonly double[] _logWeights;
    private readonly double[] _means;
    private readonly Cholesky[] _factors;
    private readonly double[] _logNormalisers;
    private readonly int _dimension;

    /// <exception cref="SurrogateFitException">A covariance is not positive definite.</exception>
    public ComponentDensities(double[] weights, double[] means, double[] covariances, int dimension, double scale)
    {
        int components = weights.Length;
        _dimension = dimension;
        _means = means;
        _logWeights = new double[components];
        _factors = new Cholesky[components];
        _logNormalisers = new double[components];
        for (int k = 0; k < components; k++)
        {
            var matrix = new double[dimension * dimension];
            for (int e = 0; e < matrix.Length; e++)
                matrix[e] = scale * covariances[k * dimension * dimension + e];
            if (!Cholesky.TryFactor(matrix, dimension, out var factor))
                throw new SurrogateFitException($"The covariance of cluster {k} is not positive definite.") { Field = "parameters." + GaussianGating.CovariancesParameter };
            _factors[k] = factor;
            _logWeights[k] = Math.Log(weights[k]);
            _logNormalisers[k] = -0.5 * (dimension * Math.Log(2 * Math.PI) + factor.LogDeterminant());
        }
    }

    /// <summary>Writes P(k | z) for every k; returns ln Σ_k π_k N(z; μ_k, h·Σ_k). Stable by the log-sum-exp shift.</summary>
    public double Posterior(ReadOnlySpan<double> z, Span<double> probabilities)
    {
        Span<double> deviation = _dimension <= 64 ? stackalloc double[_dimension] : new double[_dimension];
        double largest = double.NegativeInfinity;
        for (int k = 0; k < _factors.Length; k++)
        {
            for (int a = 0; a < _dimension; a++)
                deviation[a] = z[a] - _means[k * _dimension + a];
            _factors[k].ForwardSubstitute(deviation);
            double quadratic = 0;
            for (int a = 0; a < _dimension; a++)
                quadratic += deviation[a] * deviation[a];
            probabilities[k] = _logWeights[k] + _logNormalisers[k] - 0.5 * quadratic;
            largest = Math.Max(largest, probabilities[k]);
        }
        double sum = 0;
        for (int k = 0; k < _factors.Length; k++)
        {
            probabilities[k] = Math.Exp(probabilities[k] - largest);
            sum += probabilities[k];
        }
        for (int k = 0; k < _factors.Length; k++)
            probabilities[k] /= sum;
        return largest + Math.Log(sum);
    }
}
