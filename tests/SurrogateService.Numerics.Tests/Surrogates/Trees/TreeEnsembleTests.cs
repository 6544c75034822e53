using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates.Trees;

public class TreeEnsembleTests
{
    private static readonly ISurrogateKind Forest = SurrogateKinds.Find("randomForest")!;
    private static readonly ISurrogateKind Boosting = SurrogateKinds.Find("gradientBoosting")!;

    // Friedman (1991) test function 1 on [0, 1]^10 with N(0, 1) noise, the usual tree-ensemble benchmark.
    private static double Friedman1(ReadOnlySpan<double> x) =>
        10 * Math.Sin(Math.PI * x[0] * x[1]) + 20 * (x[2] - 0.5) * (x[2] - 0.5) + 10 * x[3] + 5 * x[4];

    private static (TrainingSet Data, PointSet Test, double[] TestNoisy) NoisyFriedman(int n, int testCount)
    {
        var random = new DeterministicRandom(11);
        PointSet Draw(int count, double[] values)
        {
            var points = new PointSet(count, 10);
            for (int i = 0; i < count; i++)
            {
                for (int j = 0; j < 10; j++)
                    points[i][j] = random.NextDouble();
                values[i] = Friedman1(points[i]) + random.NextGaussian();
            }
            return points;
        }
        var values = new double[n];
        var train = Draw(n, values);
        var testValues = new double[testCount];
        var test = Draw(testCount, testValues);
        return (new TrainingSet(train, values, Box.Uniform(10, 0, 1)), test, testValues);
    }

    [Fact]
    public void One_boosted_stump_at_full_rate_predicts_the_means_of_the_two_sides_of_a_step()
    {
        // Least squares on a step: the best single split is the step, each side's prediction its mean.
        double[] x = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
        double[] y = [1, 1.2, 0.8, 1, 5, 5.5, 4.5, 5];
        var model = Boosting.Fit(OneD(x, y, 0, 1), OptionsOf(Boosting, ("trees", 1), ("learningRate", 1.0), ("maxLeaves", 2), ("minLeafSize", 1), ("folds", 0)));
        Assert.Equal(1.0, Predict(model, 0.05), 12);
        Assert.Equal(1.0, Predict(model, 0.45), 12);
        Assert.Equal(5.0, Predict(model, 0.55), 12);
        // The threshold lies halfway between the neighbouring training inputs 0.4 and 0.6.
        Assert.Equal(1.0, Predict(model, 0.4999), 12);
        Assert.Equal(5.0, Predict(model, 0.5001), 12);
    }

    [Fact]
    public void Boosting_with_as_many_folds_as_points_gives_the_brute_force_leave_one_out_error()
    {
        var data = Random(30, new Box([0, 0], [1, 2]), x => Math.Sin(3 * x[0]) + x[1] * x[1], seed: 5);
        var options = OptionsOf(Boosting, ("trees", 20), ("minLeafSize", 2), ("folds", 30));
        var model = Boosting.Fit(data, options);
        double bruteForce = BruteForceLeaveOneOutRmse(Boosting, data, OptionsOf(Boosting, ("trees", 20), ("minLeafSize", 2), ("folds", 0)));
        Assert.Equal("30-fold", model.Diagnostics.CrossValidation);
        Assert.Equal(bruteForce, model.Diagnostics.LeaveOneOutRmse!.Value, 12);
    }

    [Fact]
    public void A_forest_is_a_function_of_its_seed()
    {
        var data = Random(200, Box.Uniform(3, 0, 1), x => x[0] + Math.Sin(5 * x[1]) * x[2], seed: 8);
        var queries = Random(50, data.Box, _ => 0, seed: 9).Points;
        double[] Fitted(int seed) => Predict(Forest.Fit(data, OptionsOf(Forest, ("trees", 20), ("seed", seed))), queries);
        Assert.Equal(Fitted(3), Fitted(3));
        Assert.NotEqual(Fitted(3), Fitted(4));
    }

    [Fact]
    public void The_forests_out_of_bag_error_and_intervals_are_honest_on_held_out_noisy_data()
    {
        var (data, test, observed) = NoisyFriedman(1500, 1500);
        var model = Forest.Fit(data, OptionsOf(Forest));
        var predictions = Predict(model, test);
        var errors = new double[test.Count];
        model.StandardError(test, errors);
        double heldOut = Math.Sqrt(predictions.Zip(observed, (p, y) => (p - y) * (p - y)).Average());
        double coverage = Enumerable.Range(0, test.Count).Count(i => Math.Abs(observed[i] - predictions[i]) <= 1.96 * errors[i]) / (double)test.Count;

        Assert.Equal("outOfBag", model.Diagnostics.CrossValidation);
        Assert.InRange(model.Diagnostics.LeaveOneOutRmse!.Value / heldOut, 0.85, 1.15);
        Assert.InRange(coverage, 0.90, 0.99);
    }

    [Fact]
    public void Boosting_beats_the_forest_and_both_beat_the_mean_on_noisy_friedman()
    {
        // A sanity ordering that holds by a wide margin on this smooth additive-plus-interaction function
        // (scikit-learn's pair gives the same ordering; bench/zoo.sh compares them number for number).
        var (data, test, observed) = NoisyFriedman(1500, 1500);
        double Rmse(ISurrogateModel model) => Math.Sqrt(Predict(model, test).Zip(observed, (p, y) => (p - y) * (p - y)).Average());
        double mean = data.Values.Average();
        double constant = Math.Sqrt(observed.Select(y => (y - mean) * (y - mean)).Average());
        double forest = Rmse(Forest.Fit(data, OptionsOf(Forest)));
        double boosting = Rmse(Boosting.Fit(data, OptionsOf(Boosting, ("folds", 0))));
        Assert.True(boosting < forest, $"boosting {boosting}, forest {forest}");
        Assert.True(forest < 0.6 * constant, $"forest {forest}, constant {constant}");
    }

    [Fact]
    public void A_tree_whose_child_points_back_is_refused_naming_the_parameter()
    {
        var data = Random(40, Box.Uniform(2, 0, 1), x => x[0], seed: 2);
        var options = OptionsOf(Boosting, ("trees", 2), ("minLeafSize", 2), ("folds", 0));
        var parameters = Boosting.Fit(data, options).ExportParameters().ToDictionary(p => p.Key, p => (double[])p.Value.Clone());
        Assert.True(parameters["tree1"][0] >= 0, "the tree should split at its root");
        parameters["tree1"][2] = 0;
        var ex = Assert.Throws<SurrogateFitException>(() => Boosting.Restore(data, options, parameters));
        Assert.Equal("parameters.tree1", ex.Field);
        parameters.Remove("tree1");
        Assert.Equal("parameters.tree1", Assert.Throws<SurrogateFitException>(() => Boosting.Restore(data, options, parameters)).Field);
    }

    [Fact]
    public void One_fold_is_refused_naming_the_option()
    {
        var data = Random(10, Box.Uniform(1, 0, 1), x => x[0], seed: 2);
        var ex = Assert.Throws<SurrogateFitException>(() => Boosting.Fit(data, OptionsOf(Boosting, ("folds", 1))));
        Assert.Equal("options.folds", ex.Field);
    }
}
