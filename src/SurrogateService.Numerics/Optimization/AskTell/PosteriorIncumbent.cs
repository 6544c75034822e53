using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The incumbent of noisy observations. The lowest observed value is mostly the luckiest draw of the
/// noise, so with a noisy Kriging model the incumbent is the evaluated point whose posterior mean is
/// lowest: the "plug-in" incumbent reviewed by Picheny, Wagner &amp; Ginsbourger 2013 ("A benchmark of
/// kriging-based infill criteria for noisy optimization", Structural and Multidisciplinary
/// Optimization), which is also the f_min of augmented expected improvement here (Huang et al.'s
/// "effective best solution" with their risk-aversion constant c = 0, see <see cref="AugmentedExpectedImprovement"/>).
/// </summary>
internal static class PosteriorIncumbent
{
    /// <summary>τ², the variance of a new observation's noise, when the model is noisy Kriging; null otherwise.</summary>
    public static double? NoiseVariance(ISurrogateModel? model) =>
        EncodedModel.KrigingOf(model) is { Noise.Mode: not NoiseMode.None } kriging ? kriging.ObservationNoiseVariance ?? 0 : null;

    /// <summary>The evaluated point of lowest posterior mean among the eligible ones (all when null); null when none is eligible.</summary>
    /// <param name="designData">The training data at design points (as the strategy holds them, not encoded).</param>
    public static Incumbent? BestMean(ISurrogateModel model, TrainingSet designData, bool[]? eligible)
    {
        var means = new double[designData.Count];
        model.Predict(designData.Points, means);
        int best = ArgMin(means, eligible);
        return best < 0 ? null : new Incumbent(designData.Points[best].ToArray(), means[best], designData.Values[best], IsPosteriorMean: true);
    }

    /// <summary>The index of the least finite value among the eligible ones (ties to the earliest), −1 when there is none.</summary>
    private static int ArgMin(double[] values, bool[]? eligible)
    {
        int best = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if ((eligible is null || eligible[i]) && double.IsFinite(values[i]) && (best < 0 || values[i] < values[best]))
                best = i;
        }
        return best;
    }
}
