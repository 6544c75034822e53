using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>An inverse distance weighting model: the training data and the power p.</summary>
internal sealed class InverseDistanceModel : ISurrogateModel
{
    private readonly double _power;

    public InverseDistanceModel(TrainingSet data, double power, FitDiagnostics diagnostics)
    {
        Data = data;
        _power = power;
        Diagnostics = diagnostics;
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public InverseDistanceModel WithDiagnostics(FitDiagnostics diagnostics) => new(Data, _power, diagnostics);

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        var distances = new double[Data.Count];
        for (int p = 0; p < points.Count; p++)
            values[p] = Estimate(points[p], excluded: -1, distances);
    }

    /// <summary>Exactly "predict each point from all the others", which is cheap here.</summary>
    public double LeaveOneOutRmse(CancellationToken cancellationToken)
    {
        var distances = new double[Data.Count];
        double sum = 0;
        for (int i = 0; i < Data.Count; i++)
        {
            if (i % 256 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            double error = Data.Values[i] - Estimate(Data.Points[i], excluded: i, distances);
            sum += error * error;
        }
        return Math.Sqrt(sum / Data.Count);
    }

    /// <summary>
    /// The weighted mean at v, leaving out point <paramref name="excluded"/> (−1: none). Points at
    /// distance zero give their value (the mean of them, should several coincide). Weights are taken
    /// relative to the nearest point, (d_min/d_i)^p ≤ 1, so a large p or tiny distances cannot
    /// overflow or underflow every weight at once.
    /// </summary>
    private double Estimate(ReadOnlySpan<double> v, int excluded, Span<double> distances)
    {
        double nearest = double.PositiveInfinity;
        double hitSum = 0;
        int hits = 0;
        for (int i = 0; i < Data.Count; i++)
        {
            if (i == excluded)
                continue;
            double distance = distances[i] = SpanMath.Distance(v, Data.Points[i]);
            if (distance == 0)
            {
                hitSum += Data.Values[i];
                hits++;
            }
            nearest = Math.Min(nearest, distance);
        }
        if (hits > 0)
            return hitSum / hits;

        double weightedSum = 0, weightSum = 0;
        for (int i = 0; i < Data.Count; i++)
        {
            if (i == excluded)
                continue;
            double weight = Math.Pow(nearest / distances[i], _power);
            weightedSum += weight * Data.Values[i];
            weightSum += weight;
        }
        return weightedSum / weightSum;
    }

    public void StandardError(PointSet points, Span<double> standardErrors) =>
        throw new NotSupportedException("Inverse distance weighting gives no standard error.");

    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>();
}
