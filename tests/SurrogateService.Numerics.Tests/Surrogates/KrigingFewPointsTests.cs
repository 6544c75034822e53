using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>
/// Requests of fewer points than a vector holds (one point, the model server's usual call) build their
/// correlations across the training points instead of in the block layout. The invariant that keeps cached
/// and rebuilt models identical must hold across the two paths: a point's prediction and standard error
/// have the same bits alone, two or three at a time, and inside a full block of 64 — for every kernel,
/// exponents other than 2 (powers through exp and log) and noise.
/// </summary>
public class KrigingFewPointsTests
{
    public static TheoryData<KernelShape, double, double> Models => new()
    {
        { KernelShape.SquaredExponential, 2, 0 },
        { KernelShape.PowerExponential, 1.5, 0 },
        { KernelShape.PowerExponential, 1, 0.05 },
        { KernelShape.Matern32, 2, 0 },
        { KernelShape.Matern52, 2, 0.05 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Few_points_get_the_bits_they_get_in_a_full_block(KernelShape shape, double p, double noiseRatio)
    {
        var box = new Box([0.0, 0, 0, 0, 0], [1.0, 1, 1, 1, 1]);
        // 203 training points: the column path's vectors end in a ragged tail, as the block path's rows do not.
        var data = Sample(203, box, seed: 31, x => Math.Sin(4 * x[0]) + x[1] * x[2] - Math.Exp(-x[3]) + 0.3 * x[4]);
        double[] theta = [4, 2, 1.5, 1, 0.7];
        var noise = noiseRatio > 0 ? KrigingNoise.Fitted : KrigingNoise.None;
        var model = KrigingModel.WithNugget(data, new KrigingCorrelation(shape, theta, [p, p, p, p, p]), 1e-8, noise, noiseRatio);
        // Exactly one block of 64, so every point of the batch goes through the block layout.
        var queries = Sample(64, box, seed: 32, _ => 0).Points;
        var values = new double[64];
        var errors = new double[64];
        model.Predict(queries, values);
        model.StandardError(queries, errors);

        foreach (int count in new[] { 1, 2, 3 })
        {
            for (int first = 0; first + count <= 64; first += count)
            {
                var few = queries.Slice(first, count);
                var fewValues = new double[count];
                var fewErrors = new double[count];
                model.Predict(few, fewValues);
                model.StandardError(few, fewErrors);
                Assert.Equal(values.AsSpan(first, count).ToArray(), fewValues);
                Assert.Equal(errors.AsSpan(first, count).ToArray(), fewErrors);
            }
        }
    }

    [Fact]
    public void One_point_interpolates_a_training_point()
    {
        // An independent check of the column path itself: without noise or nugget to speak of, Kriging
        // reproduces its data at a training point, with a standard error near zero.
        var data = BraninSample(40, seed: 33);
        var model = KrigingModel.WithNugget(data, new KrigingCorrelation(KernelShape.SquaredExponential, [0.05, 0.02], [2, 2]), 1e-10, KrigingNoise.None, 0);
        double spread = data.Values.Max() - data.Values.Min();
        for (int i = 0; i < data.Count; i += 7)
        {
            var value = new double[1];
            var error = new double[1];
            model.Predict(data.Points.Slice(i, 1), value);
            model.StandardError(data.Points.Slice(i, 1), error);
            Assert.True(Math.Abs(value[0] - data.Values[i]) <= 1e-6 * spread, $"point {i}: {value[0]:R} against {data.Values[i]:R}");
            Assert.True(error[0] <= 1e-3 * Math.Sqrt(model.ProcessVariance), $"point {i}: standard error {error[0]:R}");
        }
    }
}
