namespace SurrogateService.Numerics.Surrogates;

/// <summary>The gating of a mixture of experts: the probability of each cluster given x, sharpened or widened by a heaviside factor.</summary>
internal interface IGating
{
    /// <summary>"gaussian" or "softmax".</summary>
    string Model { get; }

    double Heaviside { get; }

    /// <summary>Writes P(k | x) for every cluster k at a point in the problem's coordinates.</summary>
    void Posterior(ReadOnlySpan<double> x, Span<double> probabilities);

    /// <summary>The same gating with another heaviside factor (no refit).</summary>
    IGating WithHeaviside(double heaviside);

    /// <summary>Adds the parameters that restore this gating to a model document's.</summary>
    void Export(Dictionary<string, double[]> parameters);
}
