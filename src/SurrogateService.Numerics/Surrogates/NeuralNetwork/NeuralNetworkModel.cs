using System.Globalization;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A trained multilayer perceptron with the input and output scaling it was trained in.</summary>
internal sealed class NeuralNetworkModel : ISurrogateModel
{
    /// <summary>Points per forward pass when predicting: bounds the buffers for any batch size.</summary>
    private const int Chunk = 256;

    private readonly MultilayerPerceptron _network;
    private readonly BoxScaling _inputScaling;
    private readonly OutputScaling _outputScaling;

    public NeuralNetworkModel(TrainingSet data, MultilayerPerceptron network, OutputScaling outputScaling, FitDiagnostics diagnostics)
    {
        Data = data;
        _network = network;
        _inputScaling = new BoxScaling(data.Box);
        _outputScaling = outputScaling;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public static string WeightsName(int layer) => string.Create(CultureInfo.InvariantCulture, $"layer{layer}.weights");

    public static string BiasesName(int layer) => string.Create(CultureInfo.InvariantCulture, $"layer{layer}.biases");

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        int d = points.Dimension;
        var layers = _network.AllocateLayers(Math.Min(Chunk, points.Count));
        for (int start = 0; start < points.Count; start += Chunk)
        {
            int count = Math.Min(Chunk, points.Count - start);
            for (int p = 0; p < count; p++)
                _inputScaling.ToUnit(points[start + p], layers[0].AsSpan(p * d, d));
            _network.Forward(layers, count);
            for (int p = 0; p < count; p++)
                values[start + p] = _outputScaling.Restore(layers[^1][p]);
        }
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Neural network models give no standard error.");

    /// <summary>Per weight layer l (the last is the output layer): "layer{l}.weights" (out × in, row-major) and "layer{l}.biases".</summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters()
    {
        var parameters = new Dictionary<string, double[]>();
        for (int l = 0; l < _network.LayerCount; l++)
        {
            parameters[WeightsName(l)] = _network.Weights(_network.Parameters, l).ToArray();
            parameters[BiasesName(l)] = _network.Biases(_network.Parameters, l).ToArray();
        }
        return parameters;
    }
}
