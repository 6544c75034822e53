namespace SurrogateService.Numerics.Surrogates;

/// <summary>Reads the parameters of a model document back, checking what a client may have changed.</summary>
internal static class ModelParameters
{
    /// <summary>The named array, which must exist, have <paramref name="length"/> entries and be finite.</summary>
    /// <exception cref="SurrogateFitException">It is missing, of the wrong length, or holds NaN or infinity; the field is "parameters.{name}".</exception>
    public static double[] Read(IReadOnlyDictionary<string, double[]> parameters, string name, int length)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.TryGetValue(name, out var values) || values is null)
            throw new SurrogateFitException($"The model parameter '{name}' is missing.") { Field = "parameters." + name };
        if (values.Length != length)
            throw new SurrogateFitException($"The model parameter '{name}' has {values.Length} entries; this model needs {length}.") { Field = "parameters." + name };
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new SurrogateFitException($"The model parameter '{name}' has a non-finite entry at index {i}.") { Field = "parameters." + name };
        }
        return (double[])values.Clone();
    }
}
