namespace SurrogateService.Numerics.Surrogates;

/// <summary>How to train: epochs of full-batch Adam, its step size and decoupled weight decay.</summary>
internal sealed record TrainingSettings(int Epochs, double LearningRate, double WeightDecay);

/// <summary>The mean squared error after training and a thinned record of it during training.</summary>
internal sealed record TrainingOutcome(double FinalLoss, double[] LossCurve);

/// <summary>
/// Full-batch Adam (Kingma &amp; Ba) on the mean squared error, with AdamW's decoupled weight decay
/// on the weights (not the biases). Full batch keeps training deterministic and, for the few
/// hundred points a surrogate sees, converges faster than mini-batches.
/// </summary>
internal static class AdamTrainer
{
    public const int MaximumCurvePoints = 200;

    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    /// <param name="inputs">Row-major, count × input width, already scaled.</param>
    /// <param name="targets">Already standardised.</param>
    public static TrainingOutcome Train(
        MultilayerPerceptron network, double[] inputs, double[] targets, TrainingSettings settings, CancellationToken cancellationToken)
    {
        int count = targets.Length;
        var layers = network.AllocateLayers(count);
        inputs.CopyTo(layers[0], 0);
        var gradients = network.AllocateLayers(count);
        var gradient = new double[network.Parameters.Length];
        var firstMoment = new double[gradient.Length];
        var secondMoment = new double[gradient.Length];
        int stride = (settings.Epochs + MaximumCurvePoints - 1) / MaximumCurvePoints;
        var curve = new List<double>(MaximumCurvePoints);
        double beta1Power = 1, beta2Power = 1;
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            if (epoch % 32 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            network.Forward(layers, count);
            double loss = LossAndGradient(layers[^1], targets, gradients[^1]);
            if (!double.IsFinite(loss))
                throw new SurrogateFitException($"Training diverged at epoch {epoch}; lower the learningRate.") { Field = "options.learningRate" };
            if (epoch % stride == 0)
                curve.Add(loss);
            Array.Clear(gradient);
            network.Backward(layers, gradients, count, gradient);
            beta1Power *= Beta1;
            beta2Power *= Beta2;
            double stepSize = settings.LearningRate / (1 - beta1Power);
            double secondCorrection = 1 / (1 - beta2Power);
            for (int l = 0; l < network.LayerCount; l++)
            {
                Step(network.Weights(network.Parameters, l), network.Weights(gradient, l), network.Weights(firstMoment, l),
                    network.Weights(secondMoment, l), stepSize, secondCorrection, settings.LearningRate * settings.WeightDecay);
                Step(network.Biases(network.Parameters, l), network.Biases(gradient, l), network.Biases(firstMoment, l),
                    network.Biases(secondMoment, l), stepSize, secondCorrection, 0);
            }
        }
        network.Forward(layers, count);
        double finalLoss = LossAndGradient(layers[^1], targets, gradients[^1]);
        return new TrainingOutcome(finalLoss, [.. curve]);
    }

    /// <summary>Mean squared error, and its gradient with respect to each output, 2(ŷ − y)/n.</summary>
    private static double LossAndGradient(ReadOnlySpan<double> outputs, ReadOnlySpan<double> targets, Span<double> gradient)
    {
        double sum = 0;
        for (int p = 0; p < targets.Length; p++)
        {
            double residual = outputs[p] - targets[p];
            sum += residual * residual;
            gradient[p] = 2 * residual / targets.Length;
        }
        return sum / targets.Length;
    }

    private static void Step(Span<double> parameters, ReadOnlySpan<double> gradient, Span<double> first, Span<double> second,
        double stepSize, double secondCorrection, double decay)
    {
        for (int k = 0; k < parameters.Length; k++)
        {
            double g = gradient[k];
            first[k] = Beta1 * first[k] + (1 - Beta1) * g;
            second[k] = Beta2 * second[k] + (1 - Beta2) * g * g;
            parameters[k] -= stepSize * first[k] / (Math.Sqrt(second[k] * secondCorrection) + Epsilon) + decay * parameters[k];
        }
    }
}
