namespace SurrogateService.Numerics.TestFunctions;

/// <summary>Argument checks shared by the benchmark functions, so each one rejects a wrong dimension the same way.</summary>
internal static class DimensionGuard
{
    public static void RequireExactly(int actual, int expected)
    {
        if (actual != expected)
            throw new ArgumentException($"Expected a point with {expected} coordinates, got {actual}.", "x");
    }

    public static void RequireSupported(IBenchmarkFunction function, int dimension)
    {
        if (dimension < function.MinDimension || dimension > function.MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"{function.Name} is defined for {function.MinDimension}..{function.MaxDimension} dimensions.");
        }
    }
}
