namespace SurrogateService.Numerics.Sampling;

/// <summary>The sampling methods the service offers, looked up by name (case-insensitive).</summary>
public static class SamplingMethods
{
    public static IReadOnlyList<ISamplingMethod> All { get; } =
    [
        new SobolSampling(),
        new HaltonSampling(),
        new LatinHypercubeSampling(),
        new GoldenSampling(),
        new KroneckerSampling(),
        new GridSampling(),
        new UniformSampling(),
    ];

    public static ISamplingMethod? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
