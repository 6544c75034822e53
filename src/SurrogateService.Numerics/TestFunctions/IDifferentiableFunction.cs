namespace SurrogateService.Numerics.TestFunctions;

/// <summary>A benchmark function with a closed-form gradient (for UM-Bridge's Gradient and ApplyJacobian).</summary>
public interface IDifferentiableFunction
{
    /// <summary>Writes ∂f/∂x_l at <paramref name="x"/> into <paramref name="gradient"/> (same length as x).</summary>
    void Gradient(ReadOnlySpan<double> x, Span<double> gradient);
}
