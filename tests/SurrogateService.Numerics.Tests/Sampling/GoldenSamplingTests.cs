using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class GoldenSamplingTests
{
    private static readonly GoldenSampling Golden = new();

    [Fact]
    public void One_dimensional_generator_is_the_inverse_golden_ratio()
    {
        Assert.Equal(0.6180339887498949, GoldenSampling.Generators(1)[0], 1e-15);
        double[] column = Column(SampleUnit(Golden, 3, 1), 0);
        // frac(i·(√5 − 1)/2) for i = 1, 2, 3.
        Assert.Equal(0.6180339887498949, column[0], 1e-15);
        Assert.Equal(0.2360679774997898, column[1], 1e-15);
        Assert.Equal(0.8541019662496847, column[2], 1e-14);
    }

    [Fact]
    public void Two_dimensional_generators_are_powers_of_the_inverse_plastic_number()
    {
        // The plastic number ρ = 1.3247179572447460 solves x³ = x + 1; g = (1/ρ, 1/ρ²).
        double[] generators = GoldenSampling.Generators(2);
        Assert.Equal(0.7548776662466927, generators[0], 1e-15);
        Assert.Equal(0.5698402909980532, generators[1], 1e-15);
        Assert.Equal([0.7548776662466927, 0.5698402909980532], SampleUnit(Golden, 1, 2)[0].ToArray(), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Every_generator_solves_its_equation()
    {
        foreach (int d in new[] { 1, 3, 8, 50, 2000 })
        {
            double phi = 1 / GoldenSampling.Generators(d)[0];
            Assert.Equal(phi + 1, Math.Pow(phi, d + 1), 1e-12);
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
