using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A fully connected network d → h_1 → … → h_k → 1 with one activation on the hidden layers and a
/// linear output. All weights and biases live in one flat array (layer by layer: weights out × in,
/// row-major, then biases), so the optimiser updates them in one sweep. Batches are row-major too:
/// one row of a layer's activations per point, so every inner loop is a dot product or an
/// axpy over contiguous memory.
/// </summary>
internal sealed class MultilayerPerceptron
{
    private readonly int[] _sizes;
    private readonly int[] _weightOffsets;

    /// <param name="sizes">Widths of every layer, input first, output (1) last.</param>
    public MultilayerPerceptron(int[] sizes, Activation activation, double[] parameters)
    {
        _sizes = sizes;
        Activation = activation;
        _weightOffsets = new int[sizes.Length - 1];
        int offset = 0;
        for (int l = 0; l < LayerCount; l++)
        {
            _weightOffsets[l] = offset;
            offset += sizes[l + 1] * (sizes[l] + 1);
        }
        if (parameters.Length != offset)
            throw new ArgumentException($"Expected {offset} parameters, got {parameters.Length}.", nameof(parameters));
        Parameters = parameters;
    }

    public Activation Activation { get; }

    /// <summary>Weight layers (hidden layers + output).</summary>
    public int LayerCount => _sizes.Length - 1;

    public double[] Parameters { get; }

    public static int ParameterCount(int[] sizes)
    {
        int count = 0;
        for (int l = 0; l + 1 < sizes.Length; l++)
            count += sizes[l + 1] * (sizes[l] + 1);
        return count;
    }

    /// <summary>
    /// Gaussian initial weights with Glorot's variance 2/(in + out) for tanh and sigmoid and He's
    /// 2/in for relu (the output layer, being linear, always Glorot); zero biases.
    /// </summary>
    public static MultilayerPerceptron CreateRandom(int[] sizes, Activation activation, DeterministicRandom random)
    {
        var parameters = new double[ParameterCount(sizes)];
        var network = new MultilayerPerceptron(sizes, activation, parameters);
        for (int l = 0; l < network.LayerCount; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            bool he = activation == Activation.Relu && l < network.LayerCount - 1;
            double deviation = Math.Sqrt(he ? 2.0 / fanIn : 2.0 / (fanIn + fanOut));
            foreach (ref double weight in network.Weights(parameters, l))
                weight = deviation * random.NextGaussian();
        }
        return network;
    }

    /// <summary>Layer l's weights (out × in, row-major) inside a parameter-shaped array (parameters or gradient).</summary>
    public Span<double> Weights(double[] flat, int layer) =>
        flat.AsSpan(_weightOffsets[layer], _sizes[layer + 1] * _sizes[layer]);

    public Span<double> Biases(double[] flat, int layer) =>
        flat.AsSpan(_weightOffsets[layer] + _sizes[layer + 1] * _sizes[layer], _sizes[layer + 1]);

    /// <summary>One row-major buffer per layer for <paramref name="count"/> points (activations or their gradients).</summary>
    public double[][] AllocateLayers(int count)
    {
        var layers = new double[_sizes.Length][];
        for (int l = 0; l < _sizes.Length; l++)
            layers[l] = new double[count * _sizes[l]];
        return layers;
    }

    /// <summary>Fills layers[1..] from the inputs in layers[0], for the first <paramref name="count"/> rows.</summary>
    public void Forward(double[][] layers, int count)
    {
        for (int l = 0; l < LayerCount; l++)
        {
            int inputs = _sizes[l], outputs = _sizes[l + 1];
            var weights = Weights(Parameters, l);
            var biases = Biases(Parameters, l);
            bool hidden = l < LayerCount - 1;
            for (int p = 0; p < count; p++)
            {
                var input = layers[l].AsSpan(p * inputs, inputs);
                var output = layers[l + 1].AsSpan(p * outputs, outputs);
                for (int o = 0; o < outputs; o++)
                    output[o] = biases[o] + SpanMath.Dot(weights.Slice(o * inputs, inputs), input);
                if (hidden)
                    Activations.Apply(Activation, output);
            }
        }
    }

    /// <summary>
    /// Backpropagation: given ∂loss/∂output in gradients[last] and the activations of the forward
    /// pass, accumulates ∂loss/∂parameters into <paramref name="parameterGradient"/> (which the caller
    /// zeroes) and overwrites gradients[1..last−1].
    /// </summary>
    public void Backward(double[][] layers, double[][] gradients, int count, double[] parameterGradient)
    {
        for (int l = LayerCount - 1; l >= 0; l--)
        {
            int inputs = _sizes[l], outputs = _sizes[l + 1];
            var weights = Weights(Parameters, l);
            var weightGradient = Weights(parameterGradient, l);
            var biasGradient = Biases(parameterGradient, l);
            for (int p = 0; p < count; p++)
            {
                var delta = gradients[l + 1].AsSpan(p * outputs, outputs);
                var input = layers[l].AsSpan(p * inputs, inputs);
                for (int o = 0; o < outputs; o++)
                {
                    if (delta[o] == 0)
                        continue;
                    SpanMath.AddScaled(weightGradient.Slice(o * inputs, inputs), delta[o], input);
                    biasGradient[o] += delta[o];
                }
                if (l == 0)
                    continue;
                var previous = gradients[l].AsSpan(p * inputs, inputs);
                previous.Clear();
                for (int o = 0; o < outputs; o++)
                {
                    if (delta[o] != 0)
                        SpanMath.AddScaled(previous, delta[o], weights.Slice(o * inputs, inputs));
                }
                Activations.MultiplyByDerivative(Activation, input, previous);
            }
        }
    }
}
