using System.Text.Json;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using Xunit.Abstractions;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates.SupportVector;

public class SupportVectorTests(ITestOutputHelper output)
{
    private static readonly ISurrogateKind Kind = SurrogateKinds.Find("supportVector")!;
    private static readonly Box ReferenceBox = new([-2, 0], [3, 10]);

    // The data of bench/peers/sklearn_svr_reference.py, by the same formulas.
    private static TrainingSet ReferenceData()
    {
        var points = new double[40][];
        var values = new double[40];
        for (int i = 0; i < 40; i++)
        {
            double[] u = [(i * 0.618033988749895 + 0.1) % 1.0, (i * 0.754877666246693 + 0.3) % 1.0];
            points[i] = [-2 + 5 * u[0], 0 + 10 * u[1]];
            double u0 = (points[i][0] + 2) / 5, u1 = (points[i][1] - 0) / 10;
            values[i] = 3 * Math.Sin(6 * u0) + 4 * Math.Pow(u1 - 0.5, 2) + 0.05 * Math.Sin(37 * i);
        }
        return Of(points, values, ReferenceBox);
    }

    private static double[][] ReferenceQueries() =>
        [.. Enumerable.Range(0, 25).Select(k => new[] { -2 + 5 * (k % 5 + 0.5) / 5, 10 * (k / 5 + 0.5) / 5 })];

    private static IEnumerable<(SupportVectorSettings Settings, double[] Predictions)> SklearnCases()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Surrogates", "SupportVector", "sklearn_svr_reference.json")));
        return [.. reference.RootElement.GetProperty("cases").EnumerateArray().Select(c => (
            new SupportVectorSettings(c.GetProperty("c").GetDouble(), c.GetProperty("epsilon").GetDouble(), c.GetProperty("gamma").GetDouble()),
            c.GetProperty("predictions").EnumerateArray().Select(p => p.GetDouble()).ToArray()))];
    }

    [Fact]
    public void With_libsvms_single_precision_kernel_our_solver_predicts_what_scikit_learns_SVR_does_to_1e_6()
    {
        // scikit-learn's SVR runs libsvm, whose solver keeps kernel values in single precision (svm.cpp: "typedef float
        // Qfloat", the type of its kernel cache) and predicts with them in double. Given the same rounded kernel, our SMO
        // must reach libsvm's optimum, to the goal of 1e-6: measured 5.5e-9 (C = 5) and 1.3e-9 (C = 0.5).
        var data = ReferenceData();
        var unit = RbfKernel.UnitPoints(data);
        foreach (var (settings, expected) in SklearnCases())
        {
            var kernel = RbfKernel.Matrix(unit, data.Count, data.Dimension, settings.Gamma);
            var single = Array.ConvertAll(kernel, k => (double)(float)k);
            var solution = SupportVectorKind.Solve(single, data.Values, settings, SupportVectorKind.FinalTolerance, CancellationToken.None);
            var model = new SupportVectorModel(data, solution.Coefficients, solution.Bias, settings, new FitDiagnostics());
            var predicted = Predict(model, ReferenceQueries());
            double largest = expected.Zip(predicted, (e, p) => Math.Abs(e - p)).Max();
            output.WriteLine($"C = {settings.C}: largest difference {largest:G3}");
            Assert.True(largest <= 1e-6, $"C = {settings.C}: largest difference {largest}");
        }
    }

    [Fact]
    public void With_the_same_hyperparameters_the_fit_predicts_what_scikit_learns_SVR_does_but_for_libsvms_kernel_rounding()
    {
        // The service solves the problem with the kernel in double precision, to a KKT gap of 1e-9·s (the KKT test below
        // checks that optimum independently). libsvm's single-precision kernel moves its optimum: measured 3e-8 from ours
        // with C = 0.5 and 2.9e-6 with C = 5, where the coefficients are larger (the test above shows that this is the
        // whole difference). Checked at 1e-6 and 5e-6.
        var data = ReferenceData();
        foreach (var (settings, expected) in SklearnCases())
        {
            var options = OptionsOf(Kind, ("c", settings.C), ("epsilon", settings.Epsilon), ("gamma", settings.Gamma));
            var predicted = Predict(Kind.Fit(data, options), ReferenceQueries());
            double tolerance = settings.C <= 1 ? 1e-6 : 5e-6;
            for (int k = 0; k < expected.Length; k++)
                Assert.Equal(expected[k], predicted[k], tolerance);
        }
    }

    [Theory]
    [InlineData(10.0, 0.05, 2.0)]
    [InlineData(0.5, 0.2, 8.0)]
    [InlineData(1000.0, 0.001, 30.0)]
    public void The_solution_meets_the_KKT_conditions_of_the_epsilon_SVR_dual(double c, double epsilon, double gamma)
    {
        // Optimality of the dual (Smola & Schölkopf 2004): Σ(α − α*) = 0, |α − α*| ≤ C, and for each point the
        // residual r = y − f(x) sits inside the ε-tube where the coefficient is 0, on its edge (sign of the
        // coefficient) where it is free, and on or outside the edge where it is at ±C.
        var data = ReferenceData();
        var model = Kind.Fit(data, OptionsOf(Kind, ("c", c), ("epsilon", epsilon), ("gamma", gamma)));
        var coefficients = model.ExportParameters()["coefficients"];
        var fitted = Predict(model, data.Points);
        const double slack = 1e-6;
        Assert.Equal(0, coefficients.Sum(), 1e-9);
        for (int k = 0; k < data.Count; k++)
        {
            double r = data.Values[k] - fitted[k], a = coefficients[k];
            Assert.InRange(Math.Abs(a), 0, c + 1e-12);
            if (a == 0)
                Assert.InRange(Math.Abs(r), 0, epsilon + slack);
            else if (Math.Abs(a) < c)
                Assert.Equal(Math.Sign(a) * epsilon, r, slack);
            else
                Assert.True(Math.Sign(a) * r >= epsilon - slack, $"point {k}: coefficient {a} at the bound, residual {r}");
        }
    }

    [Fact]
    public void Chosen_hyperparameters_beat_a_poor_fixed_choice_in_cross_validation_and_on_new_points()
    {
        var data = Random(40, new Box([0, 0], [1, 1]), x => Math.Sin(5 * x[0]) * Math.Cos(3 * x[1]), seed: 3);
        var test = Random(400, data.Box, x => Math.Sin(5 * x[0]) * Math.Cos(3 * x[1]), seed: 4);
        var chosen = Kind.Fit(data, OptionsOf(Kind));
        var poor = Kind.Fit(data, OptionsOf(Kind, ("c", 0.01), ("epsilon", 0.3), ("gamma", 0.1)));
        double Rmse(ISurrogateModel model) => Math.Sqrt(Predict(model, test.Points).Zip(test.Values, (p, y) => (p - y) * (p - y)).Average());

        Assert.Equal("5-fold", chosen.Diagnostics.CrossValidation);
        Assert.True(chosen.Diagnostics.LeaveOneOutRmse < poor.Diagnostics.LeaveOneOutRmse);
        Assert.True(Rmse(chosen) < 0.1 * Rmse(poor), $"chosen {Rmse(chosen)}, poor {Rmse(poor)}");
        Assert.True(Rmse(chosen) < 0.1, $"chosen {Rmse(chosen)}");
    }

    [Fact]
    public void A_non_positive_gamma_in_a_document_is_refused_naming_it()
    {
        var data = ReferenceData();
        var options = OptionsOf(Kind, ("c", 1.0), ("epsilon", 0.1), ("gamma", 1.0));
        var parameters = Kind.Fit(data, options).ExportParameters().ToDictionary(p => p.Key, p => p.Value);
        parameters["gamma"] = [0];
        Assert.Equal("parameters.gamma", Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, options, parameters)).Field);
    }
}
