namespace SurrogateService.Numerics.Models;

/// <summary>Checks shared by every model: the number and lengths of the input vectors, and finite numbers.</summary>
public static class ModelInputs
{
    /// <exception cref="ModelInputException">The inputs do not match <paramref name="model"/>'s sizes or hold a non-finite number.</exception>
    public static void Check(IVectorModel model, IReadOnlyList<double[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        var sizes = model.InputSizes;
        if (inputs.Count != sizes.Count)
            throw new ModelInputException($"Expected {sizes.Count} input vector(s), got {inputs.Count}.");
        for (int i = 0; i < sizes.Count; i++)
        {
            if (inputs[i] is null || inputs[i].Length != sizes[i])
                throw new ModelInputException($"Input {i} has length {inputs[i]?.Length ?? 0}; the model expects {sizes[i]}.");
            for (int k = 0; k < sizes[i]; k++)
            {
                if (!double.IsFinite(inputs[i][k]))
                    throw new ModelInputException($"Input {i} entry {k} is not a finite number.");
            }
        }
    }

    /// <exception cref="ModelInputException">The index is not that of one of <paramref name="count"/> vectors.</exception>
    public static void CheckIndex(int index, int count, string name)
    {
        if (index < 0 || index >= count)
            throw new ModelInputException($"{name} is {index}; it must be between 0 and {count - 1}.");
    }

    /// <exception cref="ModelInputException">The vector's length is not <paramref name="expected"/> or it holds a non-finite number.</exception>
    public static void CheckVector(double[]? vector, int expected, string name)
    {
        if (vector is null || vector.Length != expected)
            throw new ModelInputException($"{name} has length {vector?.Length ?? 0}; expected {expected}.");
        if (!Array.TrueForAll(vector, double.IsFinite))
            throw new ModelInputException($"{name} holds a non-finite number.");
    }
}
