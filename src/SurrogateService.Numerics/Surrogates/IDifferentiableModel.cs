using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A model whose prediction has an analytic gradient (Kriging, radial bases, polynomials), for
/// callers that optimise on the model or need its Jacobian (UM-Bridge's Gradient, ApplyJacobian).
/// </summary>
public interface IDifferentiableModel
{
    /// <summary>
    /// Gradients of the predicted value at every point of the batch, row-major:
    /// gradients[i·d + l] = ∂ŷ(x_i)/∂x_l, with d the dimension.
    /// </summary>
    void Gradient(PointSet points, Span<double> gradients);
}
