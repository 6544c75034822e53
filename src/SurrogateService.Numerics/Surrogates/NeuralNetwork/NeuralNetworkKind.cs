using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A multilayer perceptron trained by full-batch Adam on inputs mapped to [−1, 1] by the box and
/// standardised outputs, seeded and deterministic. Its defaults (two hidden layers of 32 tanh
/// units, 2000 epochs) make a usable surrogate, unlike Surrogates.jl's one linear layer and 10 epochs.
/// </summary>
public sealed class NeuralNetworkKind : ISurrogateKind
{
    public const int MaximumLayers = 8;
    public const int MaximumWidth = 512;

    public string Name => "neuralNetwork";

    public string Description => "Multilayer perceptron trained by full-batch Adam; the loss curve comes with the fit.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("hiddenLayers", OptionKind.IntegerList, new[] { 32, 32 },
            $"Widths of the hidden layers: 1 to {MaximumLayers} layers of 1 to {MaximumWidth} units.", 1, MaximumWidth),
        OptionSpec.Choice("activation", "tanh", "Activation of the hidden layers.", Activations.Names),
        OptionSpec.Integer("epochs", 2000, "Full-batch training steps.", 1, 100_000),
        OptionSpec.Number("learningRate", 0.01, "Adam step size.", minimum: 0, maximum: 1, exclusiveMinimum: true),
        OptionSpec.Number("weightDecay", 0, "Decoupled (AdamW) weight decay per step, relative to the learning rate; 0 for none.", minimum: 0, maximum: 1),
        OptionSpec.Integer("seed", 0, "Seed of the initial weights: the same seed and data give the same network.", 0, int.MaxValue),
    ];

    public bool HasStandardError => false;

    public int MinimumPoints(int dimension) => 1;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (sizes, activation) = Architecture(data, options);
        var settings = new TrainingSettings(options.Integer("epochs"), options.Number("learningRate"), options.Number("weightDecay"));
        var random = new DeterministicRandom((ulong)options.Integer("seed"));
        var network = MultilayerPerceptron.CreateRandom(sizes, activation, random);
        var scaling = OutputScaling.From(data.Values);

        var inputs = new double[data.Count * data.Dimension];
        var boxScaling = new BoxScaling(data.Box);
        for (int i = 0; i < data.Count; i++)
            boxScaling.ToUnit(data.Points[i], inputs.AsSpan(i * data.Dimension, data.Dimension));
        var targets = data.Values.Select(scaling.Standardise).ToArray();

        var outcome = AdamTrainer.Train(network, inputs, targets, settings, cancellationToken);
        var diagnostics = new FitDiagnostics { TrainingLoss = outcome.FinalLoss, LossCurve = outcome.LossCurve };
        return new NeuralNetworkModel(data, network, scaling, diagnostics);
    }

    /// <summary>Uses the exported weights and biases as they are (no training); the restored model carries no diagnostics.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (sizes, activation) = Architecture(data, options);
        var network = new MultilayerPerceptron(sizes, activation, new double[MultilayerPerceptron.ParameterCount(sizes)]);
        for (int l = 0; l < network.LayerCount; l++)
        {
            var weights = network.Weights(network.Parameters, l);
            var biases = network.Biases(network.Parameters, l);
            ModelParameters.Read(parameters, NeuralNetworkModel.WeightsName(l), weights.Length).CopyTo(weights);
            ModelParameters.Read(parameters, NeuralNetworkModel.BiasesName(l), biases.Length).CopyTo(biases);
        }
        return new NeuralNetworkModel(data, network, OutputScaling.From(data.Values), new FitDiagnostics());
    }

    private static (int[] Sizes, Activation Activation) Architecture(TrainingSet data, OptionValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hidden = options.Integers("hiddenLayers");
        if (hidden.Length is < 1 or > MaximumLayers || hidden.Any(width => width is < 1 or > MaximumWidth))
        {
            throw new SurrogateFitException($"hiddenLayers must list 1 to {MaximumLayers} widths, each from 1 to {MaximumWidth}.")
            {
                Field = "options.hiddenLayers",
            };
        }
        int[] sizes = [data.Dimension, .. hidden, 1];
        return (sizes, Activations.Parse(options.Text("activation")));
    }
}
