namespace SurrogateService.Numerics.MultiObjective;

/// <summary>Pareto dominance for minimisation: which objective vectors no other vector beats.</summary>
public static class ParetoDominance
{
    /// <summary>a dominates b: a is no worse in every objective and better in at least one.</summary>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        bool better = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k])
                return false;
            if (a[k] < b[k])
                better = true;
        }
        return better;
    }

    /// <summary>
    /// Indices of the non-dominated vectors, in input order. Of exact duplicates only the first is
    /// kept, so a front lists each trade-off once.
    /// </summary>
    public static int[] NondominatedIndices(IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var kept = new List<int>();
        for (int i = 0; i < values.Count; i++)
        {
            bool dominated = false;
            for (int j = 0; j < values.Count && !dominated; j++)
            {
                if (j == i)
                    continue;
                dominated = Dominates(values[j], values[i])
                    || (j < i && values[j].AsSpan().SequenceEqual(values[i]));
            }
            if (!dominated)
                kept.Add(i);
        }
        return [.. kept];
    }
}
