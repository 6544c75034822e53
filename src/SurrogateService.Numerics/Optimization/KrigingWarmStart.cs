using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Maximum-likelihood Kriging that builds on the θ of the previous call. Between two calls the data
/// grow by a few points, so the likelihood's maximum moves little: either θ is kept as it is (one
/// factorisation), or one search starts from it, at a fraction of the cost of the multi-start
/// search of a first fit.
/// </summary>
internal static class KrigingWarmStart
{
    /// <param name="search">True to search the likelihood from <paramref name="previousTheta"/>, false to keep it.</param>
    /// <returns>The model, or null when the choice is not Kriging with θ 'fit' or there is no previous θ.</returns>
    public static KrigingModel? TryFit(TrainingSet data, SurrogateChoice choice, double[]? previousTheta, bool search, CancellationToken cancellationToken)
    {
        if (previousTheta is null || previousTheta.Length != data.Dimension || choice.Kind is not KrigingKind
            || choice.Options.Text("theta") != "fit" || Array.TrueForAll(data.Values, v => v == data.Values[0]))
            return null;
        DuplicatePoints.ThrowIfAny(data.Points, "the Kriging correlation matrix would be singular");
        double nugget = choice.Options.Number("nugget");
        double[] p = choice.Options.PerDimension("p", data.Dimension);
        // The nugget of a maximum-likelihood fit, as in the first call (not the condition rule of a given θ).
        if (!search)
            return KrigingModel.WithJitter(data, (double[])previousTheta.Clone(), p, nugget, []);
        var settings = new KrigingSearchSettings(
            (double[])previousTheta.Clone(), p, choice.Options.Boolean("fitP"), (ulong)choice.Options.Integer("seed"), Starts: 1, nugget);
        var result = KrigingHyperparameterSearch.Run(data, settings, cancellationToken);
        return KrigingModel.WithNugget(data, result.Theta, result.P, result.Nugget, result.Warnings);
    }
}
