using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Gramacy &amp; Lee (2012) 1-D function: f(x) = sin(10πx)/(2x) + (x − 1)⁴ on [0.5, 2.5].
/// Global minimum ≈ −0.869011134989500 at x ≈ 0.548563444527605 (f′ = 0 solved in extended
/// precision); a fast oscillation on the left, a smooth quartic on the right.
/// Reference: Gramacy, R. B. &amp; Lee, H. K. H. (2012), Cases for the nugget in modeling computer
/// experiments, Statistics and Computing 22; Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/grlee12.html.
/// </summary>
public sealed class GramacyLee : IBenchmarkFunction, IDifferentiableFunction
{
    public string Name => "gramacyLee";

    public string Description =>
        "Gramacy–Lee (2012): sin(10πx)/(2x) + (x − 1)⁴ on [0.5, 2.5]; global minimum ≈ −0.869011 at x ≈ 0.548563.";

    public int DefaultDimension => 1;

    public int MinDimension => 1;

    public int MaxDimension => 1;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return new Box([0.5], [2.5]);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(-0.869011134989500, [[0.548563444527605]])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 1);
        double t = x[0];
        double offset = t - 1;
        double squared = offset * offset;
        return Math.Sin(10 * Math.PI * t) / (2 * t) + squared * squared;
    }

    public void Gradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        DimensionGuard.RequireExactly(x.Length, 1);
        DimensionGuard.RequireExactly(gradient.Length, 1);
        double t = x[0];
        double offset = t - 1;
        gradient[0] = 10 * Math.PI * Math.Cos(10 * Math.PI * t) / (2 * t) - Math.Sin(10 * Math.PI * t) / (2 * t * t)
            + 4 * offset * offset * offset;
    }
}
