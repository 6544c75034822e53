namespace SurrogateService.Numerics.Surrogates;

/// <summary>From the standard error of the function to that of a new observation of it.</summary>
public static class ObservationNoise
{
    /// <summary>The noise variance a new observation of the model's function carries, or null when the model does not know it.</summary>
    public static double? VarianceOf(ISurrogateModel model) => model switch
    {
        KrigingModel kriging => kriging.ObservationNoiseVariance,
        NearestNeighbourKrigingModel nearest => nearest.ObservationNoiseVariance,
        // The high-fidelity observations' noise is the discrepancy model's.
        CoKrigingModel coKriging => coKriging.Discrepancy.ObservationNoiseVariance,
        _ => null,
    };

    /// <summary>s ← √(s² + τ²): the function's uncertainty and the observation's noise are independent.</summary>
    public static void AddTo(Span<double> standardErrors, double noiseVariance)
    {
        for (int k = 0; k < standardErrors.Length; k++)
            standardErrors[k] = Math.Sqrt(standardErrors[k] * standardErrors[k] + noiseVariance);
    }
}
