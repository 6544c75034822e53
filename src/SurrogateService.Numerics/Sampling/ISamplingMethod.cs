using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>A sampling plan in a box: quasi-random, stratified or random.</summary>
public interface ISamplingMethod
{
    /// <summary>The name clients use, camelCase (e.g. "sobol", "latinHypercube").</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>True when the points depend on the seed (for some methods only with certain options).</summary>
    bool UsesSeed { get; }

    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Returns <paramref name="count"/> points inside <paramref name="box"/>.</summary>
    PointSet Sample(int count, Box box, OptionValues options, ulong seed);
}
