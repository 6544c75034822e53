using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>GEKPLS: gradient-enhanced Kriging with θ searched along partial-least-squares directions ('components' with gradients).</summary>
public class GradientEnhancedPlsTests
{
    private static readonly ISurrogateKind Kind = SurrogateKinds.Find("kriging")!;
    private const int D = 10;

    /// <summary>The spacing of doubles at 1 (2⁻⁵², unlike double.Epsilon, the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>A smooth function of ten inputs with unequal weights, and its gradient.</summary>
    private static double Function(double[] x) => Enumerable.Range(0, D).Sum(l => (l + 1.0) / D * x[l] * x[l]) + Math.Sin(x[0] + x[1]);

    private static double[] Gradient(double[] x) =>
        [.. Enumerable.Range(0, D).Select(l => 2 * (l + 1.0) / D * x[l] + (l < 2 ? Math.Cos(x[0] + x[1]) : 0))];

    private static TrainingSet Data(int n, ulong seed, bool withGradients)
    {
        var random = new DeterministicRandom(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, D).Select(_ => random.NextDouble()).ToArray()).ToArray();
        return new TrainingSet(PointSet.FromRows(rows), [.. rows.Select(Function)], Box.Uniform(D, 0, 1),
            gradients: withGradients ? [.. rows.Select(Gradient)] : null);
    }

    private static double Rmse(ISurrogateModel model)
    {
        var test = Data(400, 99, withGradients: false);
        var predicted = new double[test.Count];
        model.Predict(test.Points, predicted);
        return Math.Sqrt(predicted.Zip(test.Values, (p, t) => (p - t) * (p - t)).Average());
    }

    [Fact]
    public void With_gradients_two_directions_are_more_accurate_than_KPLS_on_the_values_and_restore_to_the_same_bits()
    {
        // Taylor points (the default extraPoints): one per training point.
        var options = KrigingOptions(("components", 2.0));
        var withGradients = Data(20, 1, withGradients: true);
        var gekpls = Kind.Fit(withGradients, options);
        var kpls = Kind.Fit(Data(20, 1, withGradients: false), options);

        Assert.IsType<TaylorPointsKrigingModel>(gekpls);
        // Measured 0.17 against 0.31 (the full gradient-enhanced fit, extraPoints 'full', does better still at many times the cost).
        Assert.True(Rmse(gekpls) < 0.7 * Rmse(kpls), $"GEKPLS {Rmse(gekpls)}, KPLS {Rmse(kpls)}");
        var restored = Kind.Restore(withGradients, options, gekpls.ExportParameters());
        var queries = Data(50, 5, withGradients: false).Points;
        double[] expected = new double[50], actual = new double[50];
        gekpls.Predict(queries, expected);
        restored.Predict(queries, actual);
        Assert.Equal(expected, actual);
        gekpls.StandardError(queries, expected);
        restored.StandardError(queries, actual);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void The_short_search_on_Taylor_points_reaches_the_likelihood_of_a_full_multistart_on_all_points(ulong seed)
    {
        // GEKPLS searches from the two most likely of its eight starts on the training points and refines on all points
        // with ten evaluations; the reference runs a full local search from every start on the training and Taylor points.
        var data = Data(20, seed, withGradients: true);
        var directions = TaylorPoints.Directions(data, 2);
        var augmented = TaylorPoints.Augment(data, directions, 1);
        double[] p = [.. Enumerable.Repeat(2.0, D)];
        var shortSearch = new KrigingSearchSettings([.. Enumerable.Repeat(1.0, D)], p, FitP: false, Seed: 0, Starts: 8, NuggetFloor: 0,
            Directions: directions, ExplorationRows: data.Count);
        var full = KrigingHyperparameterSearch.Run(augmented, shortSearch with { ExplorationRows = null }, CancellationToken.None);
        var fast = KrigingHyperparameterSearch.Run(augmented, shortSearch, CancellationToken.None);

        Assert.Equal(full.Nugget, fast.Nugget);
        Assert.True(fast.LogLikelihood >= full.LogLikelihood - 1e-3 * Math.Abs(full.LogLikelihood) - 1e-2,
            $"short search {fast.LogLikelihood}, full multistart {full.LogLikelihood}");
    }

    [Fact]
    public void The_theta_of_one_direction_is_proportional_to_its_squared_weights()
    {
        // With one direction w, θ_l = θ̃·w_l² on the unit box: the ratios of θ are those of the squared weights, the
        // gradients' direction with Taylor points, the values' PLS direction with extraPoints 'full'.
        var data = Data(15, 2, withGradients: true);
        var taylor = Kind.Fit(data, KrigingOptions(("components", 1.0))).Diagnostics.Theta!;
        var full = Kind.Fit(data, KrigingOptions(("components", 1.0), ("extraPoints", "full"))).Diagnostics.Theta!;
        var gradientDirection = TaylorPoints.Directions(data, 1);
        var valuesDirection = PartialLeastSquares.Rotations(data, 1);
        for (int l = 1; l < D; l++)
        {
            Assert.Equal(gradientDirection[l, 0] * gradientDirection[l, 0] / (gradientDirection[0, 0] * gradientDirection[0, 0]), taylor[l] / taylor[0], 6);
            Assert.Equal(valuesDirection[l, 0] * valuesDirection[l, 0] / (valuesDirection[0, 0] * valuesDirection[0, 0]), full[l] / full[0], 6);
        }
    }

    [Fact]
    public void A_ridge_function_has_one_gradient_direction_its_own()
    {
        // f(x) = sin(aᵀx) on [0, 2]³: every gradient is a multiple of a, so in unit-box coordinates (x = 2u) the one
        // direction is a, normalised; a second is asked for but the gradients span no more.
        double[] a = [1, -2, 0.5];
        var random = new DeterministicRandom(4);
        var rows = Enumerable.Range(0, 12).Select(_ => new[] { 2 * random.NextDouble(), 2 * random.NextDouble(), 2 * random.NextDouble() }).ToArray();
        double Dot(double[] x) => a[0] * x[0] + a[1] * x[1] + a[2] * x[2];
        var data = new TrainingSet(PointSet.FromRows(rows), [.. rows.Select(x => Math.Sin(Dot(x)))], Box.Uniform(3, 0, 2),
            gradients: [.. rows.Select(x => a.Select(c => c * Math.Cos(Dot(x))).ToArray())]);
        var directions = TaylorPoints.Directions(data, 2);
        Assert.Equal(1, directions.GetLength(1));
        double norm = Math.Sqrt(a.Sum(c => c * c));
        // The sign convention: the largest entry (−2) positive.
        for (int l = 0; l < 3; l++)
            Assert.Equal(-a[l] / norm, directions[l, 0], 12);
        var model = Kind.Fit(data, KrigingOptions(("components", 2.0)));
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("only 1 direction", StringComparison.Ordinal));
    }

    [Fact]
    public void Taylor_points_step_inwards_from_every_point_with_a_gradient_and_carry_its_first_order_value()
    {
        var data = Data(8, 6, withGradients: true);
        // A point in the upper corner: a direction of one sign turns inwards, one of mixed signs is cut at the faces.
        data.Points[0].Fill(1.0);
        var withEdge = new TrainingSet(data.Points, [.. Enumerable.Range(0, 8).Select(i => Function(data.Points[i].ToArray()))], data.Box,
            gradients: [.. Enumerable.Range(0, 8).Select(i => i == 3 ? null : Gradient(data.Points[i].ToArray()))]);
        var directions = TaylorPoints.Directions(withEdge, 2);
        var augmented = TaylorPoints.Augment(withEdge, directions, 2);
        var groupOf = TaylorPoints.GroupOf(withEdge, 2);
        Assert.Equal(8 + 7 * 2, augmented.Count);
        Assert.Equal(augmented.Count, groupOf.Length);
        for (int row = 0; row < augmented.Count; row++)
        {
            int i = groupOf[row];
            var point = augmented.Points[row].ToArray();
            Assert.True(point.All(v => v is >= 0 and <= 1), $"row {row} leaves the box");
            if (row < 8)
            {
                Assert.Equal(withEdge.Values[i], augmented.Values[row]);
                continue;
            }
            var step = Enumerable.Range(0, D).Select(l => point[l] - withEdge.Points[i][l]).ToArray();
            double length = Math.Sqrt(step.Sum(s => s * s));
            // Inside the box a full step; in the corner (point 0) a step cut at the faces.
            if (i == 0)
                Assert.InRange(length, 1e-3 * TaylorPoints.Step, TaylorPoints.Step * (1 + 1e-12));
            else
                Assert.Equal(TaylorPoints.Step, length, 12);
            double expected = withEdge.Values[i] + step.Zip(withEdge.Gradients![i]!, (s, g) => s * g).Sum();
            Assert.Equal(expected, augmented.Values[row], 12);
        }
        Assert.DoesNotContain(3, groupOf[8..]);
    }

    [Fact]
    public void Leaving_a_point_out_with_its_Taylor_points_matches_refitting_without_them()
    {
        var data = Data(12, 7, withGradients: true);
        var model = (TaylorPointsKrigingModel)Kind.Fit(data, KrigingOptions(("components", 1.0)));
        var values = model.ValuesModel;
        var augmented = values.Data;
        var groupOf = TaylorPoints.GroupOf(data, model.ExtraPoints);
        double sumOfSquares = 0;
        for (int g = 0; g < data.Count; g++)
        {
            var keep = Enumerable.Range(0, augmented.Count).Where(row => groupOf[row] != g).ToArray();
            var rest = new TrainingSet(PointSet.FromRows([.. keep.Select(row => augmented.Points[row].ToArray())]), [.. keep.Select(row => augmented.Values[row])], data.Box);
            var refitted = KrigingModel.WithNugget(rest, new KrigingCorrelation(values.Shape, values.Theta.ToArray(), values.P.ToArray()), values.Nugget, KrigingNoise.None, 0);
            var at = new double[1];
            refitted.Predict(PointSet.FromRows([data.Points[g].ToArray()]), at);
            sumOfSquares += Math.Pow(data.Values[g] - at[0], 2);
        }
        // Both sides solve with K, whose Taylor points 1e-4 from their points make it ill-conditioned (cond ≈ 9e12 here): their
        // rounding is bounded by cond·ε relative (measured 2.4e-6 apart), so the tolerance is that bound, at least 1e-6.
        double rounding = Math.Max(1e-6, values.Diagnostics.ConditionNumber!.Value * MachineEpsilon);
        Assert.Equal(Math.Sqrt(sumOfSquares / data.Count), model.Diagnostics.LeaveOneOutRmse!.Value, rounding * Math.Sqrt(sumOfSquares / data.Count));
        // Leaving out the point alone would predict it from its Taylor twin, 1e-4 away: a far smaller, dishonest error.
        Assert.True(values.Diagnostics.LeaveOneOutRmse < 0.1 * model.Diagnostics.LeaveOneOutRmse, $"{values.Diagnostics.LeaveOneOutRmse} vs {model.Diagnostics.LeaveOneOutRmse}");
    }

    [Theory]
    [InlineData(11.0)]
    [InlineData(1.5)]
    public void Extra_points_beyond_the_inputs_or_not_whole_name_the_option(double extraPoints)
    {
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Data(10, 3, withGradients: true), KrigingOptions(("components", 2.0), ("extraPoints", extraPoints))));
        Assert.Equal("options.extraPoints", error.Field);
    }

    [Fact]
    public void Extra_points_without_gradients_and_components_name_the_option()
    {
        var withoutComponents = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Data(10, 3, withGradients: true), KrigingOptions(("extraPoints", 1.0))));
        Assert.Equal("options.extraPoints", withoutComponents.Field);
        var withoutGradients = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Data(10, 3, withGradients: false), KrigingOptions(("components", 2.0), ("extraPoints", 1.0))));
        Assert.Equal("options.extraPoints", withoutGradients.Field);
    }

    [Fact]
    public void Components_with_a_theta_that_is_not_fitted_name_the_option()
    {
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Data(10, 3, withGradients: true), KrigingOptions(("components", 2.0), ("theta", "heuristic"))));
        Assert.Equal("options.components", error.Field);
    }
}
