using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted ε-SVR: f(x) = Σ_k c_k exp(−γ‖u_k − u‖²) + b over the training points u_k in unit-cube coordinates.</summary>
internal sealed class SupportVectorModel : ISurrogateModel
{
    public const string CoefficientsParameter = "coefficients";
    public const string BiasParameter = "bias";
    public const string GammaParameter = "gamma";
    public const string CParameter = "c";
    public const string EpsilonParameter = "epsilon";

    private readonly double[] _unit;
    private readonly double[] _coefficients;
    private readonly double _bias;
    private readonly SupportVectorSettings _settings;

    public SupportVectorModel(TrainingSet data, double[] coefficients, double bias, SupportVectorSettings settings, FitDiagnostics diagnostics)
    {
        Data = data;
        _unit = RbfKernel.UnitPoints(data);
        _coefficients = coefficients;
        _bias = bias;
        _settings = settings;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, (chunk, output) =>
        {
            int d = Data.Dimension;
            var unit = RbfKernel.UnitPoints(chunk, Data.Box);
            for (int i = 0; i < chunk.Count; i++)
            {
                var u = unit.AsSpan(i * d, d);
                double sum = _bias;
                for (int k = 0; k < _coefficients.Length; k++)
                {
                    if (_coefficients[k] != 0)
                        sum += _coefficients[k] * RbfKernel.Value(_unit.AsSpan(k * d, d), u, _settings.Gamma);
                }
                output[i] = sum;
            }
        });
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Support-vector models give no standard error.");

    /// <summary>"coefficients" α_k − α*_k per training point, "bias" b, and the hyperparameters in use: "gamma", "c", "epsilon".</summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>
    {
        [CoefficientsParameter] = (double[])_coefficients.Clone(),
        [BiasParameter] = [_bias],
        [GammaParameter] = [_settings.Gamma],
        [CParameter] = [_settings.C],
        [EpsilonParameter] = [_settings.Epsilon],
    };
}

/// <summary>The three hyperparameters of an RBF ε-SVR: box constraint C, tube half-width ε (units of the values) and kernel γ (unit-cube inputs).</summary>
internal sealed record SupportVectorSettings(double C, double Epsilon, double Gamma);
