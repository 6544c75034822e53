namespace SurrogateService.Numerics.Tests.TestFunctions;

/// <summary>Values worked out by hand from each formula, and the rounded values published in the references.</summary>
public class SpotValueTests
{
    private static double Evaluate(string name, params double[] x) => FunctionCases.Get(name).Evaluate(x);

    [Fact]
    public void Branin_matches_hand_values_and_the_published_minimum()
    {
        // At the origin the square is (−6)² and cos 0 = 1.
        Assert.Equal(36 + 10 * (1 - 1 / (8 * Math.PI)) + 10, Evaluate("branin", 0, 0), 1e-12);
        Assert.Equal(55.60211, Evaluate("branin", 0, 0), 1e-5);
        Assert.Equal(0.397887, Evaluate("branin", 9.42478, 2.475), 1e-6);
        Assert.Equal(0.397887, Evaluate("branin", -Math.PI, 12.275), 1e-6);
    }

    [Fact]
    public void Rosenbrock_matches_hand_values()
    {
        Assert.Equal(1, Evaluate("rosenbrock", 0, 0), 1e-15);
        Assert.Equal(4, Evaluate("rosenbrock", -1, 1), 1e-15);
        Assert.Equal(2, Evaluate("rosenbrock", 0, 0, 0), 1e-15);
        // 100·(2 − 1)² + 0 + 100·(3 − 4)² + (2 − 1)².
        Assert.Equal(201, Evaluate("rosenbrock", 1, 2, 3), 1e-12);
    }

    [Fact]
    public void Ackley_matches_hand_values()
    {
        Assert.Equal(0, Evaluate("ackley", 0, 0), 1e-12);
        Assert.Equal(0, Evaluate("ackley", new double[30]), 1e-12);
        // At (1, 1): rms = 1 and cos 2π = 1, so f = 20 − 20·e^(−0.2).
        Assert.Equal(20 - 20 * Math.Exp(-0.2), Evaluate("ackley", 1, 1), 1e-12);
        // 1-D at 0.5: rms = 0.5, cos π = −1.
        Assert.Equal(-20 * Math.Exp(-0.1) - Math.Exp(-1) + 20 + Math.E, Evaluate("ackley", 0.5), 1e-12);
    }

    [Fact]
    public void Sphere_matches_hand_values()
    {
        Assert.Equal(0, Evaluate("sphere", 0, 0));
        Assert.Equal(14, Evaluate("sphere", 1, -2, 3), 1e-15);
    }

    [Fact]
    public void Six_hump_camel_matches_hand_values_and_the_published_minimum()
    {
        Assert.Equal(0, Evaluate("sixHumpCamel", 0, 0), 1e-15);
        Assert.Equal(4 - 2.1 + 1.0 / 3 + 1, Evaluate("sixHumpCamel", 1, 1), 1e-12);
        Assert.Equal(-1.0316, Evaluate("sixHumpCamel", 0.0898, -0.7126), 1e-4);
        Assert.Equal(-1.0316, Evaluate("sixHumpCamel", -0.0898, 0.7126), 1e-4);
    }

    [Fact]
    public void Goldstein_price_matches_hand_values()
    {
        Assert.Equal(600, Evaluate("goldsteinPrice", 0, 0), 1e-10);
        Assert.Equal(3, Evaluate("goldsteinPrice", 0, -1), 1e-12);
        // (1 + 3²·3)·(30 + (−1)²·37) = 28·67.
        Assert.Equal(1876, Evaluate("goldsteinPrice", 1, 1), 1e-9);
    }

    [Fact]
    public void Gramacy_lee_matches_hand_values()
    {
        Assert.Equal(1, Evaluate("gramacyLee", 2), 1e-12);
        Assert.Equal(0, Evaluate("gramacyLee", 1), 1e-12);
        // sin(5.5π) = −1.
        Assert.Equal(-1 / 1.1 + Math.Pow(0.45, 4), Evaluate("gramacyLee", 0.55), 1e-12);
    }

    [Fact]
    public void Hartmann_functions_match_the_published_minima()
    {
        Assert.Equal(-3.86278, Evaluate("hartmann3", 0.114614, 0.555649, 0.852547), 1e-5);
        Assert.Equal(-3.32237, Evaluate("hartmann6", 0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573), 1e-5);
    }

    [Fact]
    public void Hartmann3_matches_an_independent_transcription_at_a_centre_of_one_term()
    {
        double[][] a = [[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]];
        double[][] p = [[0.3689, 0.1170, 0.2673], [0.4699, 0.4387, 0.7470], [0.1091, 0.8732, 0.5547], [0.0381, 0.5743, 0.8828]];
        double[] alpha = [1, 1.2, 3, 3.2];
        double[] x = p[3];
        double expected = -Enumerable.Range(0, 4)
            .Sum(i => alpha[i] * Math.Exp(-Enumerable.Range(0, 3).Sum(j => a[i][j] * Math.Pow(x[j] - p[i][j], 2))));
        Assert.Equal(expected, Evaluate("hartmann3", x), 1e-12);
        Assert.True(expected < -3.2);
    }

    [Fact]
    public void Ishigami_matches_hand_values()
    {
        // sin x1 = 1, sin² x2 = 1, x3⁴ = 1: 1 + 7 + 0.1.
        Assert.Equal(8.1, Evaluate("ishigami", Math.PI / 2, Math.PI / 2, 1), 1e-12);
        // 1 + 7·½ + 0.1·16.
        Assert.Equal(6.1, Evaluate("ishigami", Math.PI / 2, Math.PI / 4, 2), 1e-12);
        Assert.Equal(7 * Math.Pow(Math.Sin(0.3), 2), Evaluate("ishigami", 0, 0.3, 2.5), 1e-12);
    }

    [Fact]
    public void Currin_pair_matches_hand_values_and_values_recorded_with_numpy()
    {
        // At x2 = 0 the factor is its limit 1: 6352/624 at x1 = 1; at (0, 1) it is 1 − e^(−1/2), the ratio 60/20.
        Assert.Equal(6352.0 / 624, Evaluate("currinHigh", 1, 0), 1e-12);
        Assert.Equal(3 * (1 - Math.Exp(-0.5)), Evaluate("currinHigh", 0, 1), 1e-12);
        Assert.Equal((1 - Math.Exp(-1)) * 1868.5 / 159.5, Evaluate("currinHigh", 0.5, 0.5), 1e-12);
        // NumPy, from the formula of Xiong, Qian & Wu (2013) as the SFU library states it; (0.2, 0.02) and
        // (0, 0) reach max(0, x2 − 0.05) = 0 and x1 − 0.05 < 0.
        Assert.Equal(7.4424795838711075, Evaluate("currinLow", 0.5, 0.5), 1e-12);
        Assert.Equal(13.440187123230439, Evaluate("currinLow", 0.2, 0.02), 1e-12);
        Assert.Equal(2.9979317454898253, Evaluate("currinLow", 0, 0), 1e-12);
    }
}
