using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Welded beam function as Surrogates.jl's documentation computes it, inputs (h, l, t):
/// a = 6000/(√2·h·l), R = sqrt(0.25·(l² + (h + t)²)),
/// b = 6000·(14 + 0.5·l)·R / (2·0.707·h·l·(l²/12 + 0.25·(h + t)²)),
/// f = sqrt(a² + b² + l·a·b) / R.
/// Domain h ∈ [0.125, 1], l ∈ [5, 10], t ∈ [5, 10]. No known minimum is listed.
/// The form is derived from the shear stress of the welded beam design problem (Ragsdell &amp;
/// Phillips 1976; Deb 1991), but follows Surrogates.jl's code, whose printed values it reproduces;
/// the LaTeX on that page places the square root differently and the engineering stress divides
/// only the cross term by R.
/// Reference: Surrogates.jl documentation, "Welded beam function".
/// </summary>
public sealed class WeldedBeam : IBenchmarkFunction
{
    public string Name => "weldedBeam";

    public string Description =>
        "Welded beam (Surrogates.jl's form), inputs (h, l, t): sqrt(a² + b² + l·a·b)/R with a = 6000/(√2hl), R = sqrt((l² + (h+t)²)/4).";

    public int DefaultDimension => 3;

    public int MinDimension => 3;

    public int MaxDimension => 3;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return new Box([0.125, 5, 5], [1, 10, 10]);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 3);
        double h = x[0], l = x[1], t = x[2];
        double thickness = h + t;
        double radiusSquared = 0.25 * (l * l + thickness * thickness);
        double radius = Math.Sqrt(radiusSquared);
        double a = 6000 / (Math.Sqrt(2) * h * l);
        double b = 6000 * (14 + 0.5 * l) * radius / (2 * (0.707 * h * l * (l * l / 12 + 0.25 * thickness * thickness)));
        return Math.Sqrt(a * a + b * b + l * a * b) / radius;
    }
}
