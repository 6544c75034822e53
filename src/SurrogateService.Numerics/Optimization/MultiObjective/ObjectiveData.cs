using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The successful evaluations of a multi-objective request: a point succeeded when every objective
/// has a value; exact duplicates are merged into the mean of their values (as for one objective).
/// One training set per objective, and the Pareto front of the merged points.
/// </summary>
internal sealed class ObjectiveData
{
    private ObjectiveData(PointSet points, double[][] rows, Box box)
    {
        Points = points;
        Rows = rows;
        int m = rows[0].Length;
        Training = Enumerable.Range(0, m).Select(k => new TrainingSet(points, rows.Select(r => r[k]).ToArray(), box)).ToArray();
        FrontIndices = ParetoDominance.NondominatedIndices(rows);
    }

    public PointSet Points { get; }

    /// <summary>The objective values of each merged point.</summary>
    public double[][] Rows { get; }

    /// <summary>Per objective, its values at <see cref="Points"/>.</summary>
    public TrainingSet[] Training { get; }

    public int[] FrontIndices { get; }

    public IReadOnlyList<double[]> FrontValues => FrontIndices.Select(i => Rows[i]).ToArray();

    public int Count => Points.Count;

    /// <returns>Null while no evaluation has succeeded.</returns>
    public static ObjectiveData? From(SuggestionRequest request)
    {
        var sums = new Dictionary<string, (int Order, double[] Sum, int Count)>();
        var order = new List<double[]>();
        for (int i = 0; i < request.Points.Count; i++)
        {
            var row = request.Objectives![i];
            if (Array.Exists(row, double.IsNaN))
                continue;
            var point = request.Points[i].ToArray();
            string key = string.Join(',', point.Select(x => BitConverter.DoubleToInt64Bits(x)));
            if (sums.TryGetValue(key, out var entry))
            {
                for (int k = 0; k < row.Length; k++)
                    entry.Sum[k] += row[k];
                sums[key] = (entry.Order, entry.Sum, entry.Count + 1);
            }
            else
            {
                sums[key] = (order.Count, (double[])row.Clone(), 1);
                order.Add(point);
            }
        }
        if (order.Count == 0)
            return null;
        var rows = new double[order.Count][];
        foreach (var (index, sum, count) in sums.Values)
            rows[index] = sum.Select(v => v / count).ToArray();
        return new ObjectiveData(PointSet.FromRows(order), rows, request.Box);
    }
}
