namespace SurrogateService.Numerics.Surrogates;

/// <summary>How the values' noise enters a Kriging fit.</summary>
public enum NoiseMode
{
    /// <summary>The values are exact: the model interpolates them.</summary>
    None,

    /// <summary>One noise variance, unknown, estimated by maximum likelihood with θ.</summary>
    Fit,

    /// <summary>Known noise variances, one per point (equal when the client gave one number).</summary>
    Known,
}

/// <summary>
/// The noise of a Kriging fit. The covariance of the values is σ²·(R + Λ) with Λ diagonal: Λ = λ·I
/// when the noise is fitted (λ = τ²/σ², so σ² still has its closed form), Λ_ii = τ_i²/σ² when the
/// variances τ_i² are known (then σ² is searched with θ, since it no longer has one).
/// </summary>
/// <param name="Variances">Known mode: τ_i² for every training point.</param>
/// <param name="IsHomoscedastic">Known mode: whether one number was given for all points.</param>
public sealed record KrigingNoise(NoiseMode Mode, double[]? Variances = null, bool IsHomoscedastic = false)
{
    public static KrigingNoise None { get; } = new(NoiseMode.None);

    public static KrigingNoise Fitted { get; } = new(NoiseMode.Fit);

    /// <summary>The diagonal Λ for noise parameter η (λ when fitted, σ² when known), added to <paramref name="diagonal"/>.</summary>
    public void AddRelativeNoise(Span<double> diagonal, double noiseParameter)
    {
        switch (Mode)
        {
            case NoiseMode.Fit:
                for (int i = 0; i < diagonal.Length; i++)
                    diagonal[i] += noiseParameter;
                break;
            case NoiseMode.Known:
                for (int i = 0; i < diagonal.Length; i++)
                    diagonal[i] += Variances![i] / noiseParameter;
                break;
        }
    }
}
