using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Rosenbrock's valley, d ≥ 2: f(x) = Σ_{i=1}^{d−1} [100·(x_{i+1} − x_i²)² + (x_i − 1)²].
/// Domain [−5, 10]^d (the hypercube of the Virtual Library; [−2.048, 2.048]^d is a common
/// restriction). Global minimum 0 at (1, …, 1).
/// Reference: Rosenbrock (1960); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/rosen.html.
/// </summary>
public sealed class Rosenbrock : IBenchmarkFunction, IDifferentiableFunction
{
    public string Name => "rosenbrock";

    public string Description =>
        "Rosenbrock: Σ 100(x_{i+1} − x_i²)² + (x_i − 1)² on [−5,10]^d, d = 2..100; minimum 0 at (1,…,1).";

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 100;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(dimension, -5, 10);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(0, [Enumerable.Repeat(1.0, dimension).ToArray()])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireSupported(this, x.Length);
        double sum = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double valley = x[i + 1] - x[i] * x[i];
            double offset = x[i] - 1;
            sum += 100 * valley * valley + offset * offset;
        }
        return sum;
    }

    public void Gradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        DimensionGuard.RequireSupported(this, x.Length);
        DimensionGuard.RequireExactly(gradient.Length, x.Length);
        gradient.Clear();
        for (int i = 0; i < x.Length - 1; i++)
        {
            double valley = x[i + 1] - x[i] * x[i];
            gradient[i] += -400 * valley * x[i] + 2 * (x[i] - 1);
            gradient[i + 1] += 200 * valley;
        }
    }
}
