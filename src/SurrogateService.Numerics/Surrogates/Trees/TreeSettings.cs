namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Limits of one regression tree. <paramref name="MaximumDepth"/> and <paramref name="MaximumLeaves"/> are 0 for no limit;
/// <paramref name="FeaturesPerSplit"/> inputs are drawn at random for every split (all of them when it equals the dimension);
/// <paramref name="L2Regularisation"/> λ shrinks a leaf's mean to Σr/(n + λ).
/// </summary>
internal sealed record TreeSettings(int MaximumDepth, int MaximumLeaves, int MinimumLeafSize, int FeaturesPerSplit, double L2Regularisation);
