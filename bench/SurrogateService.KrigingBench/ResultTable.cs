using System.Globalization;

namespace SurrogateService.KrigingBench;

/// <summary>Prints each case's measurements and our ratios against scikit-learn's GPR.</summary>
internal static class ResultTable
{
    public static void Print(BenchCase benchCase, IReadOnlyList<Measurement> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"## {benchCase.Description} (predict: {benchCase.Test.Count} points with standard errors)");
        Console.WriteLine($"{"method",-40} {"RMSE",10} {"fit s",9} {"predict s",10}  detail");
        foreach (var row in rows)
            Console.WriteLine(Format($"{row.Method,-40} {row.Rmse,10:E2} {Seconds(row.FitSeconds),9} {Seconds(row.PredictSeconds),10}  {row.Detail}"));
        var ours = rows[0];
        var peer = rows.FirstOrDefault(r => r.Method.StartsWith("scikit-learn", StringComparison.Ordinal));
        if (peer is null)
            return;
        Console.WriteLine(Format(
            $"ours vs scikit-learn: RMSE ratio {ours.Rmse / peer.Rmse:F2} (≤ 1: as accurate or better), fit {peer.FitSeconds / ours.FitSeconds:F1}× faster, predict+se {peer.PredictSeconds / ours.PredictSeconds:F1}× faster"));
    }

    private static string Seconds(double seconds) => double.IsNaN(seconds) ? "–" : seconds.ToString("F4", CultureInfo.InvariantCulture);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
