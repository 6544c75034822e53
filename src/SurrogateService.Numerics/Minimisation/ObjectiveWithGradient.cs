namespace SurrogateService.Numerics.Minimisation;

/// <summary>
/// An objective that returns f(x) and writes ∇f(x) into <paramref name="gradient"/>. It may return
/// +∞ or NaN for a point it cannot evaluate (the gradient is then ignored): minimisers treat such a
/// point as infeasible and step back from it.
/// </summary>
public delegate double ObjectiveWithGradient(ReadOnlySpan<double> x, Span<double> gradient);
