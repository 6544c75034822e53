namespace SurrogateService.Numerics.Optimization;

/// <summary>The best-so-far curve of a minimisation: the smallest value seen up to each evaluation.</summary>
public static class RunningMinimum
{
    /// <summary>best[i] = min(values[0], …, values[i]).</summary>
    public static double[] Of(ReadOnlySpan<double> values)
    {
        var best = new double[values.Length];
        double current = double.PositiveInfinity;
        for (int i = 0; i < values.Length; i++)
            best[i] = current = Math.Min(current, values[i]);
        return best;
    }
}
