namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// The benchmark problems beyond single-objective continuous functions (constrained, several
/// objectives, mixed inputs), looked up by name (case-insensitive).
/// </summary>
public static class BenchmarkProblems
{
    public static IReadOnlyList<IBenchmarkProblem> All { get; } =
    [
        new GramacyConstrainedToy(),
        new Zdt1(),
        new Zdt2(),
        new Zdt3(),
        new BraninCurrin(),
        new MixedBranin(),
    ];

    public static IBenchmarkProblem? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
