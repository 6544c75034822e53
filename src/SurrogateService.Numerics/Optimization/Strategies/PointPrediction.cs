using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>A model's prediction at one point: the value a kriging believer pretends for a pending point.</summary>
internal static class PointPrediction
{
    public static double PredictAt(this ISurrogateModel model, double[] point)
    {
        var value = new double[1];
        model.Predict(new PointSet(point, 1, point.Length), value);
        return value[0];
    }
}
