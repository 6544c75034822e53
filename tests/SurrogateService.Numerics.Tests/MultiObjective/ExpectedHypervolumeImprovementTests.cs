using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.MultiObjective;

namespace SurrogateService.Numerics.Tests.MultiObjective;

public class ExpectedHypervolumeImprovementTests
{
    private static readonly double[][] Front = [[1, 4], [2, 2.5], [3.5, 1]];
    private static readonly double[] Reference = [5, 5];

    /// <summary>An independent estimate: plain sampling of Y and the improvement HV(P ∪ {y}) − HV(P) by the hypervolume routine.</summary>
    private static (double Mean, double StandardError) SampledEhvi(double[][] front, double[] reference, double[] means, double[] errors, int samples, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        double before = Hypervolume.Of(front, reference);
        double sum = 0, sumSquares = 0;
        for (int s = 0; s < samples; s++)
        {
            var y = means.Select((m, k) => m + errors[k] * random.NextGaussian()).ToArray();
            double gain = Hypervolume.Of([.. front, y], reference) - before;
            sum += gain;
            sumSquares += gain * gain;
        }
        double mean = sum / samples;
        return (mean, Math.Sqrt((sumSquares / samples - mean * mean) / samples));
    }

    [Theory]
    [InlineData(2.5, 0.8, 2.0, 0.6)]
    [InlineData(0.5, 0.3, 0.5, 0.3)]
    [InlineData(4.0, 1.5, 4.5, 0.4)]
    [InlineData(1.5, 2.0, 3.0, 2.5)]
    public void Exact_two_objective_value_matches_an_independent_monte_carlo_estimate(double mean1, double error1, double mean2, double error2)
    {
        double exact = ExpectedHypervolumeImprovement.ExactTwoObjectives(Front, Reference, mean1, error1, mean2, error2);
        var (estimate, standardError) = SampledEhvi(Front, Reference, [mean1, mean2], [error1, error2], 200_000, 7);
        Assert.InRange(exact, estimate - 4 * standardError - 1e-12, estimate + 4 * standardError + 1e-12);
        Assert.True(exact > 0);
    }

    [Fact]
    public void Without_uncertainty_it_is_the_hypervolume_improvement()
    {
        // y = (1.5, 1.5) gains the part of [1.5, 5]×[1.5, 5] (12.25) not dominated by the front, by hand in strips of z1:
        // on [1.5, 2) the front dominates z2 ≥ 4 (0.5·1), on [2, 3.5) z2 ≥ 2.5 (1.5·2.5), on [3.5, 5] all of it (1.5·3.5): 9.5; 12.25 − 9.5 = 2.75.
        double exact = ExpectedHypervolumeImprovement.ExactTwoObjectives(Front, Reference, 1.5, 0, 1.5, 0);
        Assert.Equal(2.75, exact, 12);
        Assert.Equal(2.75, ExpectedHypervolumeImprovement.Improvement(Front, [1.5, 1.5], Reference), 12);
        // A dominated prediction improves nothing.
        Assert.Equal(0, ExpectedHypervolumeImprovement.ExactTwoObjectives(Front, Reference, 3, 0, 3, 0), 12);
    }

    [Fact]
    public void One_point_front_has_a_closed_form_by_hand()
    {
        // Front {(0, 0)}, reference (1, 1), Y1 ~ N(0.5, 0) exactly, Y2 ~ N(−1, 0) exactly: y = (0.5, −1) gains
        // [0.5, 1]×[−1, 1] minus the front's [0, 1]×[0, 1] part of it ([0.5, 1]×[0, 1]): 0.5·2 − 0.5·1 = 0.5.
        Assert.Equal(0.5, ExpectedHypervolumeImprovement.ExactTwoObjectives([[0, 0]], [1, 1], 0.5, 0, -1, 0), 12);
        // Empty front, s = 1 in both, μ at the reference: EHVI = (s·ψ(0))² = φ(0)² = 1/(2π).
        Assert.Equal(1 / (2 * Math.PI), ExpectedHypervolumeImprovement.ExactTwoObjectives([], [0, 0], 0, 1, 0, 1), 12);
    }

    [Fact]
    public void Far_from_the_front_the_logarithm_stays_finite_and_ordered()
    {
        var sorted = ExpectedHypervolumeImprovement.PrepareTwoObjectiveFront(Front, Reference);
        double near = ExpectedHypervolumeImprovement.LogExactTwoObjectives(sorted, Reference, 40, 1, 40, 1);
        double far = ExpectedHypervolumeImprovement.LogExactTwoObjectives(sorted, Reference, 60, 1, 60, 1);
        Assert.True(double.IsFinite(near) && double.IsFinite(far));
        Assert.True(near > far);
    }

    [Fact]
    public void Monte_carlo_estimate_agrees_with_the_exact_value_in_two_objectives()
    {
        var random = new DeterministicRandom(3);
        var normals = Enumerable.Range(0, 100_000).Select(_ => new[] { random.NextGaussian(), random.NextGaussian() }).ToArray();
        double exact = ExpectedHypervolumeImprovement.ExactTwoObjectives(Front, Reference, 2.5, 0.8, 2, 0.6);
        double estimate = ExpectedHypervolumeImprovement.MonteCarlo(Front, Reference, [2.5, 2], [0.8, 0.6], normals);
        Assert.Equal(exact, estimate, exact * 0.02);
    }

    [Fact]
    public void Improvement_in_three_objectives_is_the_hypervolume_difference()
    {
        double[][] front = [[0, 1, 1], [1, 0, 1], [1, 1, 0]];
        double[] reference = [2, 2, 2];
        double[] y = [0.5, 0.5, 0.5];
        double expected = Hypervolume.Of([.. front, y], reference) - Hypervolume.Of(front, reference);
        Assert.Equal(expected, ExpectedHypervolumeImprovement.Improvement(front, y, reference), 12);
        Assert.True(expected > 0);
    }

    [Fact]
    public void Derived_reference_lies_a_tenth_of_the_range_beyond_the_nadir()
    {
        var derived = ReferencePoint.Derive(Front);
        Assert.Equal(3.75, derived[0], 12);
        Assert.Equal(4.3, derived[1], 12);
        Assert.Equal(-1, ReferencePoint.FirstNotBounded(Front, ReferencePoint.Derive(Front)));
        Assert.Equal(0, ReferencePoint.FirstNotBounded(Front, [5, 4]));
        var single = ReferencePoint.Derive([[2, 0]]);
        Assert.Equal(2.2, single[0], 12);
        Assert.Equal(0.1, single[1], 12);
    }
}
