using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class NeuralNetworkTests
{
    private static readonly NeuralNetworkKind Kind = new();

    private static TrainingSet Sine()
    {
        var x = Enumerable.Range(0, 30).Select(i => 2 * Math.PI * i / 29).ToArray();
        return OneD(x, x.Select(Math.Sin).ToArray(), 0, 2 * Math.PI);
    }

    // Training with the defaults is the slow part of this class (seconds in a Debug build): fit once, inspect twice.
    private static readonly Lazy<ISurrogateModel> SineModel = new(() => Kind.Fit(Sine(), OptionsOf(Kind)));

    private static TrainingSet Surface => Random(40, Box.Uniform(2, -1, 1), x => x[0] * x[1] + Math.Sin(2 * x[0]), seed: 25);

    [Fact]
    public void Fits_a_sine_from_thirty_points_with_the_defaults()
    {
        var model = SineModel.Value;
        var grid = Grid(Box.Uniform(1, 0, 2 * Math.PI), 500);
        var predicted = Predict(model, grid);
        double squares = 0;
        for (int i = 0; i < grid.Count; i++)
            squares += Math.Pow(predicted[i] - Math.Sin(grid[i][0]), 2);
        Assert.InRange(Math.Sqrt(squares / grid.Count), 0, 0.05);
    }

    [Fact]
    public void Loss_curve_is_thinned_and_falls()
    {
        var model = SineModel.Value;
        var curve = model.Diagnostics.LossCurve!;
        Assert.InRange(curve.Count, 100, 200);
        Assert.True(curve[^1] < curve[0] / 100, $"loss went from {curve[0]} to {curve[^1]}");
        Assert.True(model.Diagnostics.TrainingLoss < curve[0] / 100);
        double early = curve.Take(20).Average(), late = curve.Skip(curve.Count - 20).Average();
        Assert.True(late < early);
    }

    [Fact]
    public void Same_seed_gives_identical_predictions_and_another_seed_does_not()
    {
        var options = OptionsOf(Kind, ("epochs", 300), ("seed", 42));
        var queries = Random(25, Surface.Box, _ => 0, seed: 26).Points;
        var first = Predict(Kind.Fit(Surface, options), queries);
        var second = Predict(Kind.Fit(Surface, options), queries);
        var other = Predict(Kind.Fit(Surface, OptionsOf(Kind, ("epochs", 300), ("seed", 43))), queries);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    public void Every_activation_learns_and_restores_identically_from_exported_weights(string activation)
    {
        var options = OptionsOf(Kind, ("activation", activation), ("hiddenLayers", new[] { 16, 8, 4 }), ("epochs", 1500));
        var model = Kind.Fit(Surface, options);
        var curve = model.Diagnostics.LossCurve!;
        Assert.True(model.Diagnostics.TrainingLoss < curve[0] / 10, $"{activation}: loss went from {curve[0]} to {model.Diagnostics.TrainingLoss}");
        var queries = Random(300, Surface.Box, _ => 0, seed: 27).Points; // more than one prediction chunk
        Assert.Equal(Predict(model, queries), Predict(RoundTrip(Kind, model, options), queries));
    }

    [Fact]
    public void Exported_weights_have_the_layer_shapes_and_are_checked_on_restore()
    {
        var options = OptionsOf(Kind, ("hiddenLayers", new[] { 5, 3 }), ("epochs", 10));
        var parameters = new Dictionary<string, double[]>(Kind.Fit(Surface, options).ExportParameters());
        Assert.Equal(10, parameters["layer0.weights"].Length); // 5 × 2
        Assert.Equal(15, parameters["layer1.weights"].Length); // 3 × 5
        Assert.Equal(3, parameters["layer2.weights"].Length);  // 1 × 3
        Assert.Single(parameters["layer2.biases"]);

        parameters["layer1.biases"] = [1, 2];
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Restore(Surface, options, parameters));
        Assert.Equal("parameters.layer1.biases", error.Field);
    }

    [Fact]
    public void Impossible_layer_lists_are_rejected_naming_the_option()
    {
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Surface, OptionsOf(Kind, ("hiddenLayers", Array.Empty<int>()))));
        Assert.Equal("options.hiddenLayers", error.Field);
    }

    [Fact]
    public void Weight_decay_shrinks_the_weights()
    {
        static double SumOfSquares(ISurrogateModel model) =>
            model.ExportParameters().Where(p => p.Key.EndsWith("weights", StringComparison.Ordinal)).Sum(p => p.Value.Sum(w => w * w));
        var plain = Kind.Fit(Surface, OptionsOf(Kind, ("epochs", 500)));
        var decayed = Kind.Fit(Surface, OptionsOf(Kind, ("epochs", 500), ("weightDecay", 0.05)));
        Assert.True(SumOfSquares(decayed) < SumOfSquares(plain));
    }

    [Fact]
    public void Constant_data_with_zero_spread_is_learned()
    {
        var data = Random(10, Box.Uniform(2, 0, 1), _ => 3.5, seed: 28);
        var model = Kind.Fit(data, OptionsOf(Kind, ("epochs", 200)));
        Assert.Equal(3.5, Predict(model, 0.3, 0.9), 0.01);
    }

    [Fact]
    public void Cancellation_is_observed_during_training()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Kind.Fit(Sine(), OptionsOf(Kind), cancellation.Token));
    }
}
