namespace SurrogateService.Numerics.Surrogates;

/// <summary>Reads the multi-indices of a polynomial chaos model document back, checking what a client may have changed.</summary>
internal static class MultiIndexReader
{
    /// <summary>
    /// The flattened multi-indices (terms × d): whole numbers from 0 with total degree at most
    /// <paramref name="maxDegree"/>, no term twice, at most <paramref name="maximumTerms"/> terms
    /// (a least-squares fit on n points keeps fewer than n).
    /// </summary>
    /// <exception cref="SurrogateFitException">Any of that fails; the field is "parameters.{name}".</exception>
    public static int[] Read(IReadOnlyDictionary<string, double[]> parameters, string name, int dimension, int maxDegree, int maximumTerms)
    {
        string field = "parameters." + name;
        if (!parameters.TryGetValue(name, out var values) || values is null)
            throw new SurrogateFitException($"The model parameter '{name}' is missing.") { Field = field };
        if (values.Length == 0 || values.Length % dimension != 0 || values.Length / dimension > maximumTerms)
            throw new SurrogateFitException($"The model parameter '{name}' must hold 1 to {maximumTerms} terms of {dimension} degrees each; it has {values.Length} entries.") { Field = field };
        var result = new int[values.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < values.Length / dimension; k++)
        {
            int total = 0;
            for (int j = 0; j < dimension; j++)
            {
                double v = values[k * dimension + j];
                if (!(v >= 0 && v <= maxDegree && v == Math.Floor(v)))
                    throw new SurrogateFitException($"The model parameter '{name}' has {v} at index {k * dimension + j}; degrees are whole numbers from 0 to maxDegree = {maxDegree}.") { Field = field };
                result[k * dimension + j] = (int)v;
                total += (int)v;
            }
            if (total > maxDegree)
                throw new SurrogateFitException($"Term {k} of the model parameter '{name}' has total degree {total}, above maxDegree = {maxDegree}.") { Field = field };
            if (!seen.Add(string.Join(',', result.AsSpan(k * dimension, dimension).ToArray())))
                throw new SurrogateFitException($"Term {k} of the model parameter '{name}' repeats an earlier term.") { Field = field };
        }
        return result;
    }
}
