using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Models;

/// <summary>
/// A benchmark function as a model: one input of its dimension, one output of length 1, and its
/// analytic gradient when it has one (<see cref="IDifferentiableFunction"/>).
/// </summary>
public sealed class FunctionModel : IVectorModel
{
    private readonly IBenchmarkFunction _function;

    public FunctionModel(IBenchmarkFunction function, int dimension)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, function.MinDimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, function.MaxDimension);
        _function = function;
        InputSizes = [dimension];
    }

    public IReadOnlyList<int> InputSizes { get; }

    public IReadOnlyList<int> OutputSizes { get; } = [1];

    public bool HasJacobian => _function is IDifferentiableFunction;

    public IReadOnlyList<double[]> Evaluate(IReadOnlyList<double[]> inputs, CancellationToken cancellationToken)
    {
        ModelInputs.Check(this, inputs);
        double value = _function.Evaluate(inputs[0]);
        // Far outside its domain a function may overflow; a wrong number must not pass as a value.
        if (!double.IsFinite(value))
            throw new ModelInputException($"{_function.Name} is not finite at this input.");
        return [[value]];
    }

    public double[] Jacobian(IReadOnlyList<double[]> inputs, int outWrt, int inWrt, CancellationToken cancellationToken)
    {
        if (_function is not IDifferentiableFunction differentiable)
            throw new NotSupportedException($"{_function.Name} has no analytic gradient.");
        ModelInputs.Check(this, inputs);
        var gradient = new double[InputSizes[0]];
        differentiable.Gradient(inputs[0], gradient);
        if (!Array.TrueForAll(gradient, double.IsFinite))
            throw new ModelInputException($"The gradient of {_function.Name} is not finite at this input.");
        return gradient;
    }
}
