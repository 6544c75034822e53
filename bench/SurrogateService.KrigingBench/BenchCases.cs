using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.KrigingBench;

/// <summary>
/// The cases of issue 4's Kriging benchmark: Branin at n Sobol points (the notebook's 80 and more),
/// tested on the 101×101 grid of the notebook; Hartmann-6 at n Sobol points, tested on scrambled
/// Sobol points that the training set does not contain.
/// </summary>
internal static class BenchCases
{
    private static readonly SobolSampling Sobol = new();

    /// <summary>Branin at Surrogates.jl's sample(n, [−5, 0], [10, 15], SobolSample()), RMSE on the 101×101 grid.</summary>
    public static BenchCase Branin(int n)
    {
        var branin = new Branin();
        var box = branin.Domain(2);
        var grid = new PointSet(101 * 101, 2);
        for (int row = 0; row < 101; row++)
        {
            for (int column = 0; column < 101; column++)
            {
                grid[row * 101 + column][0] = box.Lower[0] + (box.Upper[0] - box.Lower[0]) * column / 100;
                grid[row * 101 + column][1] = box.Lower[1] + (box.Upper[1] - box.Lower[1]) * row / 100;
            }
        }
        return Make($"branin-{n}", $"Branin, {n} Sobol points, 101×101 grid", branin, box, n, grid);
    }

    /// <summary>Hartmann-6 on [0, 1]⁶ at n Sobol points, RMSE on <paramref name="testCount"/> scrambled Sobol points.</summary>
    public static BenchCase Hartmann6(int n, int testCount)
    {
        var hartmann = new Hartmann6();
        var box = hartmann.Domain(6);
        var scrambled = new OptionValues(Sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });
        var test = Sobol.Sample(testCount, box, scrambled, seed: 1);
        return Make($"hartmann6-{n}", $"Hartmann-6, {n} Sobol points, {testCount} scrambled Sobol test points", hartmann, box, n, test);
    }

    private static BenchCase Make(string name, string description, IBenchmarkFunction function, Box box, int n, PointSet test)
    {
        var points = Sobol.Sample(n, box, OptionValues.Defaults(Sobol.Options), seed: 0);
        var values = new double[n];
        function.EvaluateBatch(points, values);
        var truth = new double[test.Count];
        function.EvaluateBatch(test, truth);
        return new BenchCase(name, description, new TrainingSet(points, values, box), test, truth);
    }
}
