using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// What both fidelities of the Currin pair share: two inputs on [0, 1]² and no listed minimum (they are
/// surrogate-modelling test functions). The subclasses are <see cref="CurrinHigh"/> and <see cref="CurrinLow"/>.
/// </summary>
public abstract class CurrinFidelity : IBenchmarkFunction
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 2;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(2, 0, 1);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        return Evaluate(x[0], x[1]);
    }

    protected abstract double Evaluate(double x1, double x2);
}
