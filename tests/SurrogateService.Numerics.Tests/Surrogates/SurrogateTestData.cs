using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>Building training sets, predicting single points and brute-force references shared by the surrogate tests.</summary>
internal static class SurrogateTestData
{
    public static TrainingSet OneD(double[] x, double[] y, double lower, double upper) =>
        new(new PointSet((double[])x.Clone(), x.Length, 1), y, Box.Uniform(1, lower, upper));

    public static TrainingSet Of(double[][] points, double[] y, Box box) => new(PointSet.FromRows(points), y, box);

    /// <summary>n points uniform in the box (seeded) with values f(point).</summary>
    public static TrainingSet Random(int count, Box box, Func<double[], double> f, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var points = new PointSet(count, box.Dimension);
        for (int i = 0; i < points.Data.Length; i++)
            points.Data[i] = random.NextDouble();
        box.ScaleFromUnitCube(points);
        var values = points.ToRows().Select(f).ToArray();
        return new TrainingSet(points, values, box);
    }

    public static OptionValues OptionsOf(ISurrogateKind kind, params (string Name, object Value)[] given) =>
        new(kind.Options, given.ToDictionary(g => g.Name, g => g.Value));

    public static double[] Predict(ISurrogateModel model, params double[][] points)
    {
        var values = new double[points.Length];
        model.Predict(PointSet.FromRows(points), values);
        return values;
    }

    public static double Predict(ISurrogateModel model, params double[] point) => Predict(model, [point])[0];

    public static double[] Predict(ISurrogateModel model, PointSet points)
    {
        var values = new double[points.Count];
        model.Predict(points, values);
        return values;
    }

    public static TrainingSet Without(TrainingSet data, int index)
    {
        var rows = data.Points.ToRows().Where((_, i) => i != index).ToArray();
        var values = data.Values.Where((_, i) => i != index).ToArray();
        return new TrainingSet(PointSet.FromRows(rows), values, data.Box);
    }

    /// <summary>The leave-one-out RMSE by definition: refit without each point and predict it.</summary>
    public static double BruteForceLeaveOneOutRmse(ISurrogateKind kind, TrainingSet data, OptionValues options)
    {
        double sum = 0;
        for (int i = 0; i < data.Count; i++)
        {
            var model = kind.Fit(Without(data, i), options);
            double error = data.Values[i] - Predict(model, data.Points[i].ToArray());
            sum += error * error;
        }
        return Math.Sqrt(sum / data.Count);
    }

    public static ISurrogateModel RoundTrip(ISurrogateKind kind, ISurrogateModel model, OptionValues options) =>
        kind.Restore(model.Data, options, model.ExportParameters());

    /// <summary>A regular grid of count^d points filling the box (cell midpoints when <paramref name="midpoints"/>).</summary>
    public static PointSet Grid(Box box, int count, bool midpoints = false)
    {
        int d = box.Dimension;
        int total = (int)Math.Pow(count, d);
        var points = new PointSet(total, d);
        for (int k = 0; k < total; k++)
        {
            int rest = k;
            for (int j = 0; j < d; j++)
            {
                int index = rest % count;
                rest /= count;
                double u = midpoints ? (index + 0.5) / count : (double)index / (count - 1);
                points[k][j] = box.Lower[j] + (box.Upper[j] - box.Lower[j]) * u;
            }
        }
        return points;
    }
}
