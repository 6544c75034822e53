using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>Training sets and helpers shared by the Kriging tests.</summary>
internal static class KrigingTestData
{
    public static readonly KrigingKind Kind = new();

    /// <summary>Branin: (x2 − 5.1/(4π²)·x1² + 5/π·x1 − 6)² + 10(1 − 1/(8π))·cos x1 + 10 on [−5, 10]×[0, 15].</summary>
    public static double Branin(ReadOnlySpan<double> x)
    {
        double a = x[1] - 5.1 / (4 * Math.PI * Math.PI) * x[0] * x[0] + 5 / Math.PI * x[0] - 6;
        return a * a + 10 * (1 - 1 / (8 * Math.PI)) * Math.Cos(x[0]) + 10;
    }

    public static readonly Box BraninBox = new([-5.0, 0.0], [10.0, 15.0]);

    /// <summary>n seeded uniform points in the box and f at them.</summary>
    public static TrainingSet Sample(int n, Box box, ulong seed, Func<double[], double> f)
    {
        var random = new DeterministicRandom(seed);
        var points = new PointSet(n, box.Dimension);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int l = 0; l < box.Dimension; l++)
                points[i][l] = box.Lower[l] + (box.Upper[l] - box.Lower[l]) * random.NextDouble();
            values[i] = f(points[i].ToArray());
        }
        return new TrainingSet(points, values, box);
    }

    public static TrainingSet BraninSample(int n, ulong seed) => Sample(n, BraninBox, seed, x => Branin(x));

    /// <summary>A 50×50 grid over the Branin box.</summary>
    public static PointSet BraninGrid()
    {
        var grid = new PointSet(2500, 2);
        for (int i = 0; i < 50; i++)
        {
            for (int j = 0; j < 50; j++)
            {
                grid[i * 50 + j][0] = -5 + 15.0 * i / 49;
                grid[i * 50 + j][1] = 15.0 * j / 49;
            }
        }
        return grid;
    }

    public static OptionValues KrigingOptions(params (string Name, object Value)[] given) =>
        new(Kind.Options, given.ToDictionary(g => g.Name, g => g.Value));

    public static double[] Predict(ISurrogateModel model, PointSet points)
    {
        var values = new double[points.Count];
        model.Predict(points, values);
        return values;
    }

    public static double[] StandardErrors(ISurrogateModel model, PointSet points)
    {
        var errors = new double[points.Count];
        model.StandardError(points, errors);
        return errors;
    }

    public static double Rmse(ISurrogateModel model, PointSet points, Func<double[], double> truth)
    {
        var predicted = Predict(model, points);
        double sum = 0;
        for (int k = 0; k < points.Count; k++)
            sum += Math.Pow(predicted[k] - truth(points[k].ToArray()), 2);
        return Math.Sqrt(sum / points.Count);
    }
}
