namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// The estimators on the Saltelli design's outputs, over any multiset of rows (all of them for the
/// estimate, a resample for the bootstrap). With V the variance of f over A and B together:
/// first order S_i = mean(f_B·(f_{A_B^i} − f_A))/V (Saltelli et al. 2010), total
/// S_Ti = mean((f_A − f_{A_B^i})²)/(2V) (Jansen 1999).
/// </summary>
internal sealed class SobolEstimators(double[] fA, double[] fB, double[][] fMixed)
{
    public int Dimension => fMixed.Length;

    /// <summary>Writes the indices for the given rows; returns false when the variance over them is 0.</summary>
    public bool Estimate(ReadOnlySpan<int> rows, Span<double> firstOrder, Span<double> total)
    {
        double sum = 0, sumOfSquares = 0;
        foreach (int k in rows)
        {
            sum += fA[k] + fB[k];
            sumOfSquares += fA[k] * fA[k] + fB[k] * fB[k];
        }
        int count = 2 * rows.Length;
        double mean = sum / count;
        double variance = sumOfSquares / count - mean * mean;
        if (!(variance > 1e-300))
        {
            firstOrder.Clear();
            total.Clear();
            return false;
        }
        for (int i = 0; i < Dimension; i++)
        {
            double[] mixed = fMixed[i];
            double first = 0, squares = 0;
            foreach (int k in rows)
            {
                double change = mixed[k] - fA[k];
                first += fB[k] * change;
                squares += change * change;
            }
            firstOrder[i] = first / rows.Length / variance;
            total[i] = squares / (2.0 * rows.Length) / variance;
        }
        return true;
    }
}
