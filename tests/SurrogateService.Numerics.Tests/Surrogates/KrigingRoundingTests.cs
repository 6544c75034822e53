using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>
/// The rounding check of <see cref="KrigingModel"/>: a correlation matrix that can be factored can still be too
/// ill-conditioned for the solve to keep its digits, and the fit must say so rather than be silently wrong.
/// </summary>
public class KrigingRoundingTests
{
    // A rough function on 40 points with a correlation length far beyond the box: huge, cancelling weights.
    private static readonly TrainingSet Rough = Sample(40, Box.Uniform(1, 0, 1), seed: 3, x => Math.Sin(25 * x[0]));

    [Fact]
    public void A_solve_that_lost_its_digits_is_reported()
    {
        // θ = 1e-3 with a jitter at rounding level: cond(K) ≈ 1e17, yet the Cholesky factorisation succeeds.
        var model = KrigingModel.WithNugget(Rough, new KrigingCorrelation(KernelShape.Matern52, [1e-3], [2]), 1e-15, KrigingNoise.None, 0);
        Assert.InRange(model.RoundingError, KrigingModel.RoundingTolerance, double.PositiveInfinity);
        Assert.Contains(model.Diagnostics.Warnings, w => w.StartsWith("Rounding changed the model's values", StringComparison.Ordinal));
        // The model's values at its own training points are off by at least that much of the spread (the
        // nugget's share, ν·b_i, is what the check leaves out, so the plain misfit can only be larger or equal up to it).
        Assert.True(RelativeMisfit(model, Rough) > KrigingModel.RoundingTolerance);
    }

    [Fact]
    public void A_well_conditioned_solve_passes_the_check_and_interpolates()
    {
        var model = KrigingModel.WithNugget(Rough, new KrigingCorrelation(KernelShape.Matern52, [100], [2]), 1e-15, KrigingNoise.None, 0);
        Assert.InRange(model.RoundingError, 0, 1e-10);
        Assert.DoesNotContain(model.Diagnostics.Warnings, w => w.Contains("ounding", StringComparison.Ordinal));
        Assert.InRange(RelativeMisfit(model, Rough), 0, 1e-10);
    }

    /// <summary>max_i |y_i − ŷ(x_i)| over the standard deviation of y, from the public predictions.</summary>
    private static double RelativeMisfit(ISurrogateModel model, TrainingSet data)
    {
        var predicted = Predict(model, data.Points);
        double mean = data.Values.Average();
        double spread = Math.Sqrt(data.Values.Select(v => (v - mean) * (v - mean)).Average());
        return Enumerable.Range(0, data.Count).Max(i => Math.Abs(data.Values[i] - predicted[i])) / spread;
    }
}
