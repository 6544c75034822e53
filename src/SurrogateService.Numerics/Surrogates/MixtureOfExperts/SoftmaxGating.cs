using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Minimisation;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A softmax gating network (Jacobs, Jordan, Nowlan &amp; Hinton 1991, "Adaptive mixtures of local experts"):
/// P(k | x) = exp(w_k·φ(x)/h) / Σ_j exp(w_j·φ(x)/h) over the monomials φ of degree ≤ 2 on box-scaled inputs (degree 1
/// when there are too few points for the quadratic terms), fitted to the clusters of the training points by
/// L2-penalised multinomial logistic regression. Unlike the Gaussian marginals of the clustering it is trained to
/// separate the clusters, so it places the transitions where the data put them; h sharpens or widens them.
/// </summary>
internal sealed class SoftmaxGating : IGating
{
    public const string WeightsParameter = "gatingWeights";
    public const string DegreeParameter = "gatingDegree";

    /// <summary>
    /// The ridge on the non-constant weights (in units of the summed log-loss). Separated clusters would otherwise
    /// drive the weights to infinity; a small ridge gives the large-margin boundary (Rosset, Zhu &amp; Hastie 2004).
    /// </summary>
    private const double Ridge = 1e-3;

    private readonly PolynomialBasis _basis;
    private readonly Box _box;

    public SoftmaxGating(double[] weights, int degree, Box box, double heaviside = 1)
    {
        Weights = weights;
        Heaviside = heaviside;
        Degree = degree;
        _box = box;
        _basis = new PolynomialBasis(degree, box);
    }

    /// <summary>w_k, K×p row-major.</summary>
    public double[] Weights { get; }

    public int Degree { get; }

    public double Heaviside { get; }

    public string Model => MixtureOfExpertsKind.SoftmaxGating;

    /// <summary>The same weights with another heaviside factor.</summary>
    public IGating WithHeaviside(double heaviside) => new SoftmaxGating(Weights, Degree, _box, heaviside);

    public void Export(Dictionary<string, double[]> parameters)
    {
        parameters[WeightsParameter] = (double[])Weights.Clone();
        parameters[DegreeParameter] = [Degree];
        parameters[MixtureOfExpertsModel.HeavisideParameter] = [Heaviside];
    }

    /// <summary>Degree 2 when the quadratic terms number at most a quarter of the points, else 1.</summary>
    public static int DegreeFor(int points, int dimension) => PolynomialBasis.TermCount(2, dimension) * 4 <= points ? 2 : 1;

    /// <summary>Fits the weights to the labels (cluster of each training point).</summary>
    public static SoftmaxGating Fit(TrainingSet data, int[] labels, int clusters, CancellationToken cancellationToken)
    {
        int n = data.Count, degree = DegreeFor(n, data.Dimension);
        var basis = new PolynomialBasis(degree, data.Box);
        int p = basis.Count;
        if (clusters == 1)
            return new SoftmaxGating(new double[p], degree, data.Box);
        var features = new double[n * p];
        for (int i = 0; i < n; i++)
            basis.Evaluate(data.Points[i], features.AsSpan(i * p, p));
        var probabilities = new double[clusters];
        double Objective(ReadOnlySpan<double> w, Span<double> gradient)
        {
            gradient.Clear();
            double loss = 0;
            for (int i = 0; i < n; i++)
            {
                var phi = features.AsSpan(i * p, p);
                double logNormaliser = Softmax(w, phi, 1, probabilities);
                loss -= LogitOf(w, phi, labels[i]) - logNormaliser;
                for (int k = 0; k < clusters; k++)
                {
                    double residual = probabilities[k] - (labels[i] == k ? 1 : 0);
                    for (int j = 0; j < p; j++)
                        gradient[k * p + j] += residual * phi[j];
                }
            }
            for (int k = 0; k < clusters; k++)
            {
                for (int j = 1; j < p; j++)
                {
                    loss += 0.5 * Ridge * w[k * p + j] * w[k * p + j];
                    gradient[k * p + j] += Ridge * w[k * p + j];
                }
            }
            return loss;
        }
        var result = ProjectedBfgs.Minimize(Objective, new double[clusters * p],
            new ProjectedBfgsOptions { MaxIterations = 1_000, MaxEvaluations = 3_000, GradientTolerance = 1e-8 }, cancellationToken);
        return new SoftmaxGating(result.Minimizer, degree, data.Box);
    }

    /// <summary>Writes P(k | x) with the logits divided by the heaviside factor.</summary>
    public void Posterior(ReadOnlySpan<double> x, Span<double> probabilities)
    {
        Span<double> phi = _basis.Count <= 256 ? stackalloc double[_basis.Count] : new double[_basis.Count];
        _basis.Evaluate(x, phi);
        Softmax(Weights, phi, Heaviside, probabilities);
    }

    private static double LogitOf(ReadOnlySpan<double> w, ReadOnlySpan<double> phi, int k)
    {
        double sum = 0;
        for (int j = 0; j < phi.Length; j++)
            sum += w[k * phi.Length + j] * phi[j];
        return sum;
    }

    /// <summary>Softmax of the logits w_k·φ/h into <paramref name="probabilities"/>; returns ln Σ_k exp(w_k·φ/h), which the log-loss needs.</summary>
    private static double Softmax(ReadOnlySpan<double> w, ReadOnlySpan<double> phi, double heaviside, Span<double> probabilities)
    {
        double largest = double.NegativeInfinity;
        for (int k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = LogitOf(w, phi, k) / heaviside;
            largest = Math.Max(largest, probabilities[k]);
        }
        double sum = 0;
        for (int k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = Math.Exp(probabilities[k] - largest);
            sum += probabilities[k];
        }
        for (int k = 0; k < probabilities.Length; k++)
            probabilities[k] /= sum;
        return largest + Math.Log(sum);
    }
}
