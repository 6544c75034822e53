using MathNet.Numerics.Statistics;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Standardises training values, z = (y − mean)/deviation, so that the network trains in units of
/// order one whatever the scale of the data. A constant response keeps deviation 1.
/// </summary>
internal sealed record OutputScaling(double Mean, double Deviation)
{
    public static OutputScaling From(double[] values)
    {
        double mean = ArrayStatistics.Mean(values);
        double deviation = ArrayStatistics.PopulationStandardDeviation(values);
        return new OutputScaling(mean, deviation > 0 && double.IsFinite(deviation) ? deviation : 1);
    }

    public double Standardise(double value) => (value - Mean) / Deviation;

    public double Restore(double standardised) => Mean + Deviation * standardised;
}
