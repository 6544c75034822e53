using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates.PolynomialChaos;

public class ChaosBuildingBlocksTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.3)]
    [InlineData(0.0)]
    [InlineData(0.77)]
    [InlineData(1.0)]
    public void Legendre_values_and_derivatives_match_the_closed_forms(double t)
    {
        // P_2 = (3t² − 1)/2, P_3 = (5t³ − 3t)/2, P_4 = (35t⁴ − 30t² + 3)/8, scaled by √(2k + 1).
        double[] expected = [1, Math.Sqrt(3) * t, Math.Sqrt(5) * (3 * t * t - 1) / 2, Math.Sqrt(7) * (5 * t * t * t - 3 * t) / 2,
            3 * (35 * Math.Pow(t, 4) - 30 * t * t + 3) / 8];
        double[] expectedDerivative = [0, Math.Sqrt(3), Math.Sqrt(5) * 3 * t, Math.Sqrt(7) * (15 * t * t - 3) / 2,
            3 * (140 * t * t * t - 60 * t) / 8];
        var values = new double[5];
        var derivatives = new double[5];
        LegendrePolynomials.EvaluateWithDerivatives(t, values, derivatives);
        var plain = new double[5];
        LegendrePolynomials.Evaluate(t, plain);
        for (int k = 0; k < 5; k++)
        {
            Assert.Equal(expected[k], values[k], 1e-13);
            Assert.Equal(expectedDerivative[k], derivatives[k], 1e-12);
            Assert.Equal(values[k], plain[k]);
        }
    }

    [Fact]
    public void Legendre_polynomials_are_orthonormal_for_the_uniform_distribution()
    {
        // ½∫_{−1}^{1} ψ_j ψ_k dt by the composite Simpson rule (exact to round-off for these degrees on a fine grid).
        const int intervals = 4000, degrees = 12;
        var gram = new double[degrees, degrees];
        var values = new double[degrees];
        for (int m = 0; m <= intervals; m++)
        {
            double t = -1 + 2.0 * m / intervals;
            double weight = (m == 0 || m == intervals ? 1 : m % 2 == 1 ? 4 : 2) * (2.0 / intervals) / 3 / 2;
            LegendrePolynomials.Evaluate(t, values);
            for (int j = 0; j < degrees; j++)
            {
                for (int k = 0; k < degrees; k++)
                    gram[j, k] += weight * values[j] * values[k];
            }
        }
        for (int j = 0; j < degrees; j++)
        {
            for (int k = 0; k < degrees; k++)
                Assert.Equal(j == k ? 1 : 0, gram[j, k], 1e-7);
        }
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 4)]
    [InlineData(5, 3)]
    [InlineData(10, 2)]
    public void The_total_degree_set_has_binomial_size_and_starts_with_the_constant(int d, int p)
    {
        var set = MultiIndexSet.Create(d, p, 1, int.MaxValue)!;
        int count = set.Length / d;
        Assert.Equal(Binomial(d + p, p), count);
        Assert.All(set.Take(d), a => Assert.Equal(0, a));
        var rows = Enumerable.Range(0, count).Select(k => set.AsSpan(k * d, d).ToArray()).ToArray();
        Assert.All(rows, row => Assert.InRange(row.Sum(), 0, p));
        Assert.Equal(count, rows.Select(r => string.Join(',', r)).Distinct().Count());
        Assert.Equal(rows.Select(r => r.Sum()).Order(), rows.Select(r => r.Sum()));
    }

    [Fact]
    public void Hyperbolic_truncation_keeps_main_effects_and_drops_high_interactions()
    {
        const int d = 4, p = 6;
        const double q = 0.5;
        var set = MultiIndexSet.Create(d, p, q, int.MaxValue)!;
        var rows = Enumerable.Range(0, set.Length / d).Select(k => set.AsSpan(k * d, d).ToArray()).ToList();
        // By definition: every α with (Σ α_i^q)^(1/q) ≤ p, found here by brute force over [0, p]^d.
        int expected = 0;
        for (int code = 0; code < (int)Math.Pow(p + 1, d); code++)
        {
            var alpha = Enumerable.Range(0, d).Select(j => code / (int)Math.Pow(p + 1, j) % (p + 1)).ToArray();
            if (Math.Pow(alpha.Sum(a => Math.Pow(a, q)), 1 / q) <= p + 1e-9)
                expected++;
        }
        Assert.Equal(expected, rows.Count);
        Assert.True(rows.Count < Binomial(d + p, p));
        Assert.Contains(rows, r => r.SequenceEqual([6, 0, 0, 0]));
        Assert.DoesNotContain(rows, r => r.SequenceEqual([3, 3, 0, 0]));
    }

    [Fact]
    public void An_oversized_set_is_refused_rather_than_built()
    {
        Assert.Null(MultiIndexSet.Create(1000, 3, 1, 10_000));
        Assert.NotNull(MultiIndexSet.Create(1000, 1, 1, 10_000));
    }

    private static int Binomial(int n, int k)
    {
        long result = 1;
        for (int i = 1; i <= k; i++)
            result = result * (n - k + i) / i;
        return (int)result;
    }
}
