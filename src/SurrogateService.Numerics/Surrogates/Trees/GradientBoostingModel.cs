using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted boosted ensemble: the baseline plus every tree's (already shrunk) prediction, summed in order.</summary>
internal sealed class GradientBoostingModel : ISurrogateModel
{
    private readonly double _baseline;
    private readonly RegressionTree[] _trees;

    public GradientBoostingModel(TrainingSet data, double baseline, RegressionTree[] trees, FitDiagnostics diagnostics)
    {
        Data = data;
        _baseline = baseline;
        _trees = trees;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public GradientBoostingModel With(FitDiagnostics diagnostics) => new(Data, _baseline, _trees, diagnostics);

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, (chunk, output) =>
        {
            for (int i = 0; i < chunk.Count; i++)
            {
                var point = chunk[i];
                double sum = _baseline;
                foreach (var tree in _trees)
                    sum += tree.Predict(point);
                output[i] = sum;
            }
        });
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Gradient boosting models give no standard error.");

    /// <summary>"baseline" (the mean of the training values) and "tree{t}" for every round (see <see cref="RegressionTree.Export"/>).</summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters()
    {
        var parameters = new Dictionary<string, double[]> { [GradientBoostingKind.BaselineParameter] = [_baseline] };
        for (int t = 0; t < _trees.Length; t++)
            parameters[RegressionTree.ParameterName(t)] = _trees[t].Export();
        return parameters;
    }
}
