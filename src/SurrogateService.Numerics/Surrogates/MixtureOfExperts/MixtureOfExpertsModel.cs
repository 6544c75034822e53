using System.Globalization;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A fitted mixture of experts. With smooth gating the prediction is Σ_k P(k | x)·f_k(x), with hard gating
/// f_k(x) of the most probable cluster; P(k | x) comes from the <see cref="IGating"/> (Gaussian or softmax).
/// </summary>
/// <remarks>
/// The standard error is that of the mixture: with expert k right with probability P(k | x) and off by about e when
/// it is, the expected squared error of the prediction ŷ is Σ_k P(k | x)·(e² + (f_k(x) − ŷ)²) = e² + Σ_k P(k | x)·(f_k(x) − ŷ)².
/// e is the mixture's k-fold cross-validation RMSE, not the experts' own standard errors: those see neither a gating
/// that is sure and wrong near a jump nor their blend with another expert's extrapolation, and an exact interpolant's
/// are far below both (measured: 70 % coverage of 95 % intervals with them on the zoo bench's jump). The second term
/// makes the error large where the gating is unsure and the experts disagree: at a jump. Away from jumps e is
/// conservative.
/// </remarks>
internal sealed class MixtureOfExpertsModel : ISurrogateModel
{
    public const string HeavisideParameter = "heaviside";
    public const string AssignmentParameter = "assignment";
    public const string ExpertsParameter = "experts";
    public const string TypicalErrorParameter = "typicalError";

    private readonly IGating _gating;
    private readonly int[] _assignment;
    private readonly Expert[] _experts;
    private readonly bool _hard;
    private readonly double _typicalError;

    public MixtureOfExpertsModel(TrainingSet data, IGating gating, int[] assignment, Expert[] experts, bool hard, double typicalError, FitDiagnostics diagnostics)
    {
        _typicalError = typicalError;
        Data = data;
        _gating = gating;
        _assignment = assignment;
        _experts = experts;
        _hard = hard;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public int Clusters => _experts.Length;

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        var (probabilities, predictions) = Evaluate(points);
        for (int i = 0; i < points.Count; i++)
            values[i] = Combine(probabilities.AsSpan(i * Clusters, Clusters), predictions, i, points.Count);
    }

    public void StandardError(PointSet points, Span<double> standardErrors)
    {
        PredictionArguments.Check(Data, points, standardErrors.Length);
        var (probabilities, predictions) = Evaluate(points);
        for (int i = 0; i < points.Count; i++)
        {
            var p = probabilities.AsSpan(i * Clusters, Clusters);
            double predicted = Combine(p, predictions, i, points.Count), variance = _typicalError * _typicalError;
            for (int k = 0; k < Clusters; k++)
            {
                double spread = predictions[k * points.Count + i] - predicted;
                variance += p[k] * spread * spread;
            }
            standardErrors[i] = Math.Sqrt(variance);
        }
    }

    /// <summary>The gating probabilities (n×K) and every expert's predictions (K×n) at the points.</summary>
    private (double[] Probabilities, double[] Predictions) Evaluate(PointSet points)
    {
        int n = points.Count;
        var probabilities = new double[n * Clusters];
        for (int i = 0; i < n; i++)
            _gating.Posterior(points[i], probabilities.AsSpan(i * Clusters, Clusters));
        var predictions = new double[Clusters * n];
        for (int k = 0; k < Clusters; k++)
            _experts[k].Model.Predict(points, predictions.AsSpan(k * n, n));
        return (probabilities, predictions);
    }

    private double Combine(ReadOnlySpan<double> probabilities, double[] predictions, int point, int count)
    {
        if (_hard)
        {
            int best = 0;
            for (int k = 1; k < Clusters; k++)
            {
                if (probabilities[k] > probabilities[best])
                    best = k;
            }
            return predictions[best * count + point];
        }
        double sum = 0;
        for (int k = 0; k < Clusters; k++)
            sum += probabilities[k] * predictions[k * count + point];
        return sum;
    }

    /// <summary>
    /// The gating (Gaussian: "weights", "means", "covariances" on box-scaled inputs; softmax: "gatingWeights",
    /// "gatingDegree"; both: "heaviside"), each training
    /// point's cluster ("assignment"), each cluster's expert ("experts": its index among the candidates), the error e
    /// of the standard errors ("typicalError"), and the experts' own parameters as "expert{k}.{name}".
    /// </summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters()
    {
        var parameters = new Dictionary<string, double[]>
        {
            [AssignmentParameter] = Array.ConvertAll(_assignment, k => (double)k),
            [ExpertsParameter] = Array.ConvertAll(_experts, e => (double)e.Index),
            [TypicalErrorParameter] = [_typicalError],
        };
        _gating.Export(parameters);
        for (int k = 0; k < Clusters; k++)
        {
            foreach (var (name, values) in _experts[k].Model.ExportParameters())
                parameters[ExpertPrefix(k) + name] = values;
        }
        return parameters;
    }

    public static string ExpertPrefix(int cluster) => string.Create(CultureInfo.InvariantCulture, $"expert{cluster}.");
}
