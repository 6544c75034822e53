using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The observations of gradient-enhanced Kriging in one vector, point by point: each point's value,
/// then its d gradient components when it has a gradient. The mean's regressor is 1 at values and
/// 0 at gradients (a constant mean has no slope).
/// </summary>
internal sealed class GradientObservations
{
    public GradientObservations(TrainingSet data)
    {
        int n = data.Count, d = data.Dimension;
        var gradients = data.Gradients ?? new double[]?[n];
        FirstRow = new int[n + 1];
        for (int i = 0; i < n; i++)
            FirstRow[i + 1] = FirstRow[i] + 1 + (gradients[i] is null ? 0 : d);
        Values = new double[Count];
        IsValue = new bool[Count];
        for (int i = 0; i < n; i++)
        {
            int row = FirstRow[i];
            Values[row] = data.Values[i];
            IsValue[row] = true;
            gradients[i]?.CopyTo(Values, row + 1);
        }
        Points = data.Points;
    }

    public PointSet Points { get; }

    /// <summary>Row of point i's value; its gradient components (if any) follow, up to <c>FirstRow[i + 1]</c>.</summary>
    public int[] FirstRow { get; }

    public int Count => FirstRow[^1];

    public double[] Values { get; }

    /// <summary>Whether row r observes a value (the others observe gradient components).</summary>
    public bool[] IsValue { get; }

    /// <summary>How many rows point i contributes: 1, or 1 + d with a gradient.</summary>
    public int RowsOf(int i) => FirstRow[i + 1] - FirstRow[i];

    /// <summary>The N×N covariance matrix (units of σ²), row-major, with its diagonal scaled by 1 + <paramref name="relativeNugget"/>.</summary>
    public double[] Matrix(GradientCovariance covariance, double relativeNugget)
    {
        int n = Points.Count, size = Count, width = covariance.Dimension + 1;
        var matrix = new double[size * size];
        Span<double> block = stackalloc double[covariance.BlockSize];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                covariance.Block(Points[i], Points[j], block);
                for (int a = 0; a < RowsOf(i); a++)
                {
                    for (int b = 0; b < RowsOf(j); b++)
                    {
                        int row = FirstRow[i] + a, column = FirstRow[j] + b;
                        matrix[row * size + column] = matrix[column * size + row] = block[a * width + b];
                    }
                }
            }
        }
        for (int r = 0; r < size; r++)
            matrix[r * size + r] *= 1 + relativeNugget;
        return matrix;
    }

    /// <summary>
    /// Σ_ab W_ab·∂C_ab/∂θ_m for every m, with W symmetric N×N: the trace that the likelihood's
    /// gradient needs, summed block by block without forming ∂C.
    /// </summary>
    public void ContractThetaDerivatives(GradientCovariance covariance, double relativeNugget, ReadOnlySpan<double> weights, Span<double> result)
    {
        int n = Points.Count, d = covariance.Dimension, size = Count, width = d + 1;
        var derivatives = new double[d * covariance.BlockSize];
        result.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                covariance.ThetaDerivatives(Points[i], Points[j], derivatives);
                // Off-diagonal blocks appear twice (W and ∂C symmetric); the diagonal carries the nugget's scale.
                double multiplicity = i == j ? 1 : 2;
                for (int a = 0; a < RowsOf(i); a++)
                {
                    for (int b = 0; b < RowsOf(j); b++)
                    {
                        int row = FirstRow[i] + a, column = FirstRow[j] + b;
                        double w = weights[row * size + column] * multiplicity * (row == column ? 1 + relativeNugget : 1);
                        for (int m = 0; m < d; m++)
                            result[m] += w * derivatives[m * covariance.BlockSize + a * width + b];
                    }
                }
            }
        }
    }
}
