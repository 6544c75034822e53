namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A model whose batch predictions are long enough to be worth stopping: callers with a request's
/// token use these overloads, which throw <see cref="OperationCanceledException"/> when it fires.
/// </summary>
public interface ICancellablePrediction
{
    void Predict(Core.PointSet points, Span<double> values, CancellationToken cancellationToken);

    void StandardError(Core.PointSet points, Span<double> standardErrors, CancellationToken cancellationToken);

    /// <summary>
    /// Both at once: a model whose prediction and standard error share their work (a neighbour search and a factorisation per
    /// point) does it once instead of twice.
    /// </summary>
    void PredictWithStandardError(Core.PointSet points, Span<double> values, Span<double> standardErrors, CancellationToken cancellationToken)
    {
        Predict(points, values, cancellationToken);
        StandardError(points, standardErrors, cancellationToken);
    }
}
