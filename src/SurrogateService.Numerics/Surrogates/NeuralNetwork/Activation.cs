namespace SurrogateService.Numerics.Surrogates;

/// <summary>The hidden-layer activations of <see cref="NeuralNetworkKind"/>.</summary>
internal enum Activation
{
    Tanh,
    Relu,
    Sigmoid,
}

/// <summary>Activation functions and their derivatives, written in terms of the output a = f(z) so backpropagation needs no stored pre-activations.</summary>
internal static class Activations
{
    public static readonly string[] Names = ["tanh", "relu", "sigmoid"];

    public static Activation Parse(string? name)
    {
        int index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new SurrogateFitException($"Unknown activation '{name}'; expected one of {string.Join(", ", Names)}.") { Field = "options.activation" };
        return (Activation)index;
    }

    public static void Apply(Activation activation, Span<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double z = values[i];
            values[i] = activation switch
            {
                Activation.Tanh => Math.Tanh(z),
                Activation.Relu => z > 0 ? z : 0,
                _ => 1 / (1 + Math.Exp(-z)),
            };
        }
    }

    /// <summary>gradient[i] *= f′ at the point whose output is outputs[i].</summary>
    public static void MultiplyByDerivative(Activation activation, ReadOnlySpan<double> outputs, Span<double> gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            double a = outputs[i];
            gradient[i] *= activation switch
            {
                Activation.Tanh => 1 - a * a,
                Activation.Relu => a > 0 ? 1 : 0,
                _ => a * (1 - a),
            };
        }
    }
}
