using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.Tests.Waves;

public class SourceLocationProblemTests
{
    private static readonly SourceLocationProblem Problem = new();

    [Fact]
    public void The_reference_source_is_the_exact_minimum_and_other_sources_misfit()
    {
        Assert.Equal(0, Problem.Evaluate(SourceLocationProblem.ReferenceSource));
        Assert.True(Problem.Evaluate([6.5, 3.7]) > 1e-3);
        Assert.True(Problem.Evaluate([3.7, 6.3]) > 0.1);
    }

    [Fact]
    public void Misfit_grows_with_the_distance_near_the_reference()
    {
        double previous = 0;
        foreach (double offset in new[] { 0.1, 0.3, 0.6, 1.0 })
        {
            double value = Problem.Evaluate([6.3 + offset, 3.7 - offset]);
            Assert.True(value > previous, $"misfit {value} at offset {offset} is not above {previous}");
            previous = value;
        }
    }

    [Fact]
    public void A_source_outside_the_simulated_box_is_a_failed_evaluation()
    {
        Assert.True(double.IsNaN(Problem.Evaluate([-0.5, 4])));
        Assert.True(double.IsNaN(Problem.Evaluate([5, 10.5])));
    }

    [Fact]
    public void Its_work_per_evaluation_is_that_of_its_grid_and_steps()
    {
        Assert.Equal((33L + 32) * 33 * 160, Problem.WorkPerEvaluation);
    }
}
