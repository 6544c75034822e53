using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>The random stream of one suggest call: the client's seed mixed with the iteration, so successive calls with one seed still differ.</summary>
internal static class StrategyRandom
{
    public static DeterministicRandom For(ulong seed, int iteration) =>
        new(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(iteration + 1)));
}
