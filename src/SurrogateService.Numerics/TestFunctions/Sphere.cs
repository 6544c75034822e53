using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Sphere function, d ≥ 1: f(x) = Σ x_i². Domain [−5.12, 5.12]^d. Global minimum 0 at the origin.
/// Convex and unimodal: the baseline every optimiser must solve.
/// Reference: De Jong (1975); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/spheref.html.
/// </summary>
public sealed class Sphere : IBenchmarkFunction, IDifferentiableFunction
{
    public string Name => "sphere";

    public string Description => "Sphere: Σ x_i² on [−5.12,5.12]^d, d = 1..100; minimum 0 at the origin.";

    public int DefaultDimension => 2;

    public int MinDimension => 1;

    public int MaxDimension => 100;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(dimension, -5.12, 5.12);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(0, [new double[dimension]])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireSupported(this, x.Length);
        double sum = 0;
        foreach (double xi in x)
            sum += xi * xi;
        return sum;
    }

    public void Gradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        DimensionGuard.RequireSupported(this, x.Length);
        DimensionGuard.RequireExactly(gradient.Length, x.Length);
        for (int i = 0; i < x.Length; i++)
            gradient[i] = 2 * x[i];
    }
}
