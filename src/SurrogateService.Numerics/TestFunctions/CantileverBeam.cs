using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Cantilever beam tip deflection as in Surrogates.jl's documentation, inputs (t, w) in that order:
/// f(t, w) = 4L³/(E·w·t)·sqrt((Y/t²)² + (X/w²)²), with L = 100, E = 2.770674127819261e7,
/// X = 530.8038576066307, Y = 997.8714938733949 (Surrogates.jl's fixed draws of the random
/// modulus and loads). Domain [1, 8]², the box of that page.
/// Both terms under the root fall as t and w grow, so f is strictly decreasing in each input and
/// its minimum over the box is at the upper corner: f(8, 8) ≈ 0.0398377765677125.
/// Reference: Surrogates.jl documentation, "Cantilever beam function"; the deflection model of
/// Sues, Aminpour &amp; Shin (2001) in Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/canti.html.
/// </summary>
public sealed class CantileverBeam : IBenchmarkFunction
{
    private const double L = 100;
    private const double E = 2.770674127819261e7;
    private const double X = 530.8038576066307;
    private const double Y = 997.8714938733949;

    public string Name => "cantileverBeam";

    public string Description =>
        "Cantilever beam deflection (Surrogates.jl), inputs (t, w): 4L³/(E w t)·sqrt((Y/t²)² + (X/w²)²) on [1,8]²; minimum at (8, 8).";

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 2;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(2, 1, 8);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(0.0398377765677125, [[8, 8]])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        double t = x[0], w = x[1];
        double thicknessTerm = Y / (t * t);
        double widthTerm = X / (w * w);
        return 4 * L * L * L / (E * w * t) * Math.Sqrt(thicknessTerm * thicknessTerm + widthTerm * widthTerm);
    }
}
