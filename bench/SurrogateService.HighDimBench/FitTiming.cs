using System.Diagnostics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.HighDimBench;

/// <summary>Where a first ask's time goes: one Cholesky factor and inverse of order n, and one Kriging fit (default options) on the plan.</summary>
internal static class FitTiming
{
    public static void Print(Problem problem, List<double[]> points)
    {
        int n = points.Count;
        var matrix = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                matrix[i * n + j] = Math.Exp(-Math.Abs(i - j) / 10.0) + (i == j ? 1e-6 : 0);
        }
        var clock = Stopwatch.StartNew();
        var factor = Cholesky.Factor((double[])matrix.Clone(), n);
        double factorSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        factor.Inverse(new double[n * n]);
        double inverseSeconds = clock.Elapsed.TotalSeconds;
        var kind = new KrigingKind();
        var data = new TrainingSet(PointSet.FromRows(points), points.Select(problem.Evaluate).ToArray(), problem.Box);
        clock.Restart();
        var model = (KrigingModel)kind.Fit(data, OptionValues.Defaults(kind.Options));
        Console.WriteLine($"cholesky {factorSeconds:F3} s, inverse {inverseSeconds:F3} s, fit {clock.Elapsed.TotalSeconds:F1} s, log-likelihood {model.Diagnostics.LogLikelihood:F2}");
    }
}
