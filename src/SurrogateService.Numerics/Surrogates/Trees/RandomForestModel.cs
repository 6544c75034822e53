using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted random forest: the mean of its trees, and their calibrated spread as the standard error.</summary>
internal sealed class RandomForestModel : ISurrogateModel
{
    private readonly RegressionTree[] _trees;
    private readonly double _scale;

    public RandomForestModel(TrainingSet data, RegressionTree[] trees, double scale, FitDiagnostics diagnostics)
    {
        Data = data;
        _trees = trees;
        _scale = scale;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, (chunk, output) =>
        {
            for (int i = 0; i < chunk.Count; i++)
                output[i] = Mean(chunk[i]);
        });
    }

    /// <summary>k times the standard deviation of the trees' predictions (k from the out-of-bag calibration).</summary>
    public void StandardError(PointSet points, Span<double> standardErrors)
    {
        PredictionArguments.Check(Data, points, standardErrors.Length);
        ParallelBatches.Run(points, standardErrors, (chunk, output) =>
        {
            for (int i = 0; i < chunk.Count; i++)
            {
                var point = chunk[i];
                double mean = Mean(point), squares = 0;
                foreach (var tree in _trees)
                {
                    double deviation = tree.Predict(point) - mean;
                    squares += deviation * deviation;
                }
                output[i] = _trees.Length > 1 ? _scale * Math.Sqrt(squares / (_trees.Length - 1)) : 0;
            }
        });
    }

    private double Mean(ReadOnlySpan<double> point)
    {
        double sum = 0;
        foreach (var tree in _trees)
            sum += tree.Predict(point);
        return sum / _trees.Length;
    }

    /// <summary>"tree{t}" for every tree (see <see cref="RegressionTree.Export"/>) and the standard-error scale k.</summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters()
    {
        var parameters = new Dictionary<string, double[]> { [RandomForestKind.ScaleParameter] = [_scale] };
        for (int t = 0; t < _trees.Length; t++)
            parameters[RegressionTree.ParameterName(t)] = _trees[t].Export();
        return parameters;
    }
}
