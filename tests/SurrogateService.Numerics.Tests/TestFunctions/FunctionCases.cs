using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.TestFunctions;

/// <summary>Theory data over the registry: function names, and the dimensions worth testing for each.</summary>
internal static class FunctionCases
{
    public static TheoryData<string> Names => new(BenchmarkFunctions.All.Select(f => f.Name));

    public static IBenchmarkFunction Get(string name) =>
        BenchmarkFunctions.Find(name) ?? throw new InvalidOperationException($"No function '{name}'.");

    /// <summary>The extremes, the default and one middle dimension (all the same for fixed-dimension functions).</summary>
    public static int[] Dimensions(IBenchmarkFunction function) =>
        new[] { function.MinDimension, function.DefaultDimension, Math.Min(5, function.MaxDimension), function.MaxDimension }
            .Where(d => d >= function.MinDimension)
            .Distinct()
            .ToArray();
}
