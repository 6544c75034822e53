namespace SurrogateService.Numerics.Models;

/// <summary>
/// A model in the sense of MUQ and UM-Bridge: a function from a list of input vectors to a list of
/// output vectors, optionally with derivatives. Sizes are fixed once the model is built from its
/// configuration; callers check inputs with <see cref="ModelInputs.Check"/> before evaluating.
/// </summary>
public interface IVectorModel
{
    /// <summary>The length of every input vector.</summary>
    IReadOnlyList<int> InputSizes { get; }

    /// <summary>The length of every output vector.</summary>
    IReadOnlyList<int> OutputSizes { get; }

    /// <summary>Whether <see cref="Jacobian"/> is available (analytically, not by finite differences).</summary>
    bool HasJacobian { get; }

    /// <summary>One output vector per entry of <see cref="OutputSizes"/>.</summary>
    /// <exception cref="ModelInputException">The input is outside what the model accepts (its message says why).</exception>
    IReadOnlyList<double[]> Evaluate(IReadOnlyList<double[]> inputs, CancellationToken cancellationToken);

    /// <summary>
    /// ∂output[outWrt]/∂input[inWrt], row-major: OutputSizes[outWrt] rows of InputSizes[inWrt] values.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no Jacobian (<see cref="HasJacobian"/> is false).</exception>
    double[] Jacobian(IReadOnlyList<double[]> inputs, int outWrt, int inWrt, CancellationToken cancellationToken);
}
