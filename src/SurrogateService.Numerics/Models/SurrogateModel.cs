using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Models;

/// <summary>
/// A fitted surrogate as a model: one input of its dimension, one output of length 1 (the
/// prediction), and the gradient of the prediction when the model implements
/// <see cref="IDifferentiableModel"/> (so a kind gains derivatives here by implementing it).
/// </summary>
public sealed class SurrogateModel : IVectorModel
{
    private readonly ISurrogateModel _model;

    public SurrogateModel(ISurrogateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        InputSizes = [model.Data.Dimension];
    }

    public IReadOnlyList<int> InputSizes { get; }

    public IReadOnlyList<int> OutputSizes { get; } = [1];

    public bool HasJacobian => _model is IDifferentiableModel;

    public IReadOnlyList<double[]> Evaluate(IReadOnlyList<double[]> inputs, CancellationToken cancellationToken)
    {
        var point = Point(inputs);
        var value = new double[1];
        _model.Predict(point, value);
        if (!double.IsFinite(value[0]))
            throw new ModelInputException("The model's prediction is not finite at this input.");
        return [value];
    }

    public double[] Jacobian(IReadOnlyList<double[]> inputs, int outWrt, int inWrt, CancellationToken cancellationToken)
    {
        if (_model is not IDifferentiableModel differentiable)
            throw new NotSupportedException("This kind of model has no analytic gradient.");
        var point = Point(inputs);
        var gradient = new double[point.Dimension];
        differentiable.Gradient(point, gradient);
        if (!Array.TrueForAll(gradient, double.IsFinite))
            throw new ModelInputException("The gradient of the prediction is not finite at this input.");
        return gradient;
    }

    private PointSet Point(IReadOnlyList<double[]> inputs)
    {
        ModelInputs.Check(this, inputs);
        return new PointSet((double[])inputs[0].Clone(), 1, InputSizes[0]);
    }
}
