using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Maximum-likelihood Kriging started from the θ of the previous call. Between two calls the data
/// grow by a few points, so the likelihood's maximum moves little: one start from there finds it at
/// a fraction of the cost of the multi-start search a first fit needs.
/// </summary>
internal static class KrigingWarmStart
{
    /// <summary>The warm-started model, or null when the choice is not Kriging with θ 'fit' or there is no start.</summary>
    public static KrigingModel? TryFit(TrainingSet data, SurrogateChoice choice, double[]? startTheta, CancellationToken cancellationToken)
    {
        if (startTheta is null || startTheta.Length != data.Dimension || choice.Kind is not KrigingKind
            || choice.Options.Text("theta") != "fit" || Array.TrueForAll(data.Values, v => v == data.Values[0]))
            return null;
        DuplicatePoints.ThrowIfAny(data.Points, choice.Kind.Name);
        double nugget = choice.Options.Number("nugget");
        var settings = new KrigingSearchSettings(
            (double[])startTheta.Clone(),
            choice.Options.PerDimension("p", data.Dimension),
            choice.Options.Boolean("fitP"),
            (ulong)choice.Options.Integer("seed"),
            Starts: 1,
            nugget);
        var search = KrigingHyperparameterSearch.Run(data, settings, cancellationToken);
        return KrigingModel.Fit(data, search.Theta, search.P, nugget, search.Warnings);
    }
}
