namespace SurrogateService.Numerics.Minimisation;

/// <summary>Summaries of the values a minimisation evaluated, in evaluation order.</summary>
public static class MinimisationTrace
{
    /// <summary>best[i] = min(values[0], …, values[i]): the best-so-far curve.</summary>
    public static double[] BestSoFar(ReadOnlySpan<double> values)
    {
        var best = new double[values.Length];
        double current = double.PositiveInfinity;
        for (int i = 0; i < values.Length; i++)
            best[i] = current = Math.Min(current, values[i]);
        return best;
    }

    /// <summary>The first evaluation that reached the smallest value.</summary>
    public static int BestIndex(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
            throw new ArgumentException("At least one value is required.", nameof(values));
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[best])
                best = i;
        }
        return best;
    }
}
