using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>K(u, v) = exp(−γ‖u − v‖²) on inputs mapped to the unit cube by the design box, so that one γ suits inputs of any scale.</summary>
internal static class RbfKernel
{
    public static double[] UnitPoints(TrainingSet data) => UnitPoints(data.Points, data.Box);

    /// <summary>u = (x − lower)/(upper − lower), row-major.</summary>
    public static double[] UnitPoints(PointSet points, Box box)
    {
        int d = points.Dimension;
        var unit = new double[points.Count * d];
        for (int i = 0; i < points.Count; i++)
        {
            var x = points[i];
            for (int j = 0; j < d; j++)
                unit[i * d + j] = (x[j] - box.Lower[j]) / (box.Upper[j] - box.Lower[j]);
        }
        return unit;
    }

    public static double Value(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double gamma)
    {
        double squared = 0;
        for (int j = 0; j < u.Length; j++)
        {
            double difference = u[j] - v[j];
            squared += difference * difference;
        }
        return Math.Exp(-gamma * squared);
    }

    /// <summary>The n × n kernel matrix of unit points (row-major), rows in parallel.</summary>
    public static double[] Matrix(double[] unit, int count, int dimension, double gamma)
    {
        var matrix = new double[count * count];
        Parallel.For(0, count, i =>
        {
            var u = unit.AsSpan(i * dimension, dimension);
            for (int k = 0; k < count; k++)
                matrix[i * count + k] = Value(u, unit.AsSpan(k * dimension, dimension), gamma);
        });
        return matrix;
    }

    /// <summary>The rows and columns of <paramref name="rows"/> taken out of a full kernel matrix.</summary>
    public static double[] Submatrix(double[] matrix, int count, int[] rows)
    {
        var sub = new double[rows.Length * rows.Length];
        for (int a = 0; a < rows.Length; a++)
        {
            for (int b = 0; b < rows.Length; b++)
                sub[a * rows.Length + b] = matrix[rows[a] * count + rows[b]];
        }
        return sub;
    }
}
