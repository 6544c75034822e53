using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Fits the strategy's surrogate so that a suggestion never fails for numerical reasons: when the
/// chosen surrogate cannot be fitted to the data (too few points, ill-conditioned system) or
/// predicts non-finite values, Kriging with the heuristic θ (whose nugget rule keeps it well
/// conditioned) takes over; when that fails too, the caller falls back to space-filling points.
/// Every fallback is reported as a warning.
/// </summary>
internal static class SurrogateFitter
{
    private static readonly SurrogateChoice HeuristicKriging =
        SurrogateChoice.Of("kriging", new Dictionary<string, object> { ["theta"] = "heuristic" });

    /// <param name="previousTheta">For Kriging with θ 'fit': the previous call's θ, or null for a full likelihood search.</param>
    /// <param name="searchFromPrevious">True to search the likelihood from <paramref name="previousTheta"/>, false to keep it.</param>
    /// <returns>The model (null when no surrogate could be fitted) and whether it is the chosen surrogate rather than a fallback.</returns>
    /// <exception cref="OptimizationException">The surrogate options are wrong for these data (a client error, not a numerical one).</exception>
    public static (ISurrogateModel? Model, bool IsChosen) Fit(
        TrainingSet? data, SurrogateChoice choice, double[]? previousTheta, bool searchFromPrevious, List<string> warnings, CancellationToken cancellationToken)
    {
        if (data is null || data.Count < 2)
        {
            warnings.Add("Fewer than two evaluations have succeeded, too few for a surrogate: space-filling points were suggested.");
            return (null, false);
        }
        string? failure = TryFit(data, choice, () => KrigingWarmStart.TryFit(data, choice, previousTheta, searchFromPrevious, cancellationToken), cancellationToken, out var model);
        if (model is not null)
            return (model, true);
        if (choice.Kind.Name == HeuristicKriging.Kind.Name && choice.Options.Text("theta") == "heuristic")
        {
            warnings.Add($"The surrogate could not be fitted ({failure}): space-filling points were suggested.");
            return (null, false);
        }
        string? fallbackFailure = TryFit(data, HeuristicKriging, null, cancellationToken, out model);
        if (model is not null)
        {
            warnings.Add($"The {choice.Kind.Name} surrogate could not be fitted ({failure}); Kriging with the heuristic θ was used instead.");
            return (model, false);
        }
        warnings.Add($"The {choice.Kind.Name} surrogate could not be fitted ({failure}), nor Kriging with the heuristic θ ({fallbackFailure}): space-filling points were suggested.");
        return (null, false);
    }

    /// <summary>Refits with the hyperparameters of <paramref name="model"/> kept (for the pending points of a batch).</summary>
    public static ISurrogateModel? Refit(TrainingSet data, SurrogateChoice choice, ISurrogateModel model, CancellationToken cancellationToken)
    {
        var frozen = model switch
        {
            KrigingModel kriging => new SurrogateChoice(HeuristicKriging.Kind, new OptionValues(HeuristicKriging.Kind.Options, FrozenOptions(kriging, choice))),
            GradientEnhancedKrigingModel enhanced => new SurrogateChoice(HeuristicKriging.Kind, new OptionValues(HeuristicKriging.Kind.Options, new Dictionary<string, object>
            {
                ["kernel"] = KernelProfiles.Name(enhanced.Shape),
                ["theta"] = enhanced.Theta.ToArray(),
                ["nugget"] = enhanced.Nugget,
            })),
            _ => choice,
        };
        TryFit(data, frozen, null, cancellationToken, out var refitted);
        return refitted;
    }

    /// <summary>The kernel, θ (p for the power exponential) and noise variance of a fitted Kriging model, as options that refit it without a search.</summary>
    private static Dictionary<string, object> FrozenOptions(KrigingModel kriging, SurrogateChoice choice)
    {
        var options = new Dictionary<string, object>
        {
            ["kernel"] = KernelProfiles.Name(kriging.Shape),
            ["theta"] = kriging.Theta.ToArray(),
            ["nugget"] = choice.Kind is KrigingKind ? choice.Options.Number("nugget") : 0.0,
            ["noise"] = kriging.ObservationNoiseVariance ?? 0.0,
        };
        if (KernelProfiles.HasExponents(kriging.Shape))
            options["p"] = kriging.P.ToArray();
        return options;
    }

    /// <returns>Why the fit failed, or null when <paramref name="model"/> is usable.</returns>
    /// <param name="warmFit">A cheaper fit to try first (null, or returning null, when none applies).</param>
    private static string? TryFit(TrainingSet data, SurrogateChoice choice, Func<ISurrogateModel?>? warmFit, CancellationToken cancellationToken, out ISurrogateModel? model)
    {
        model = null;
        if (data.Count < choice.Kind.MinimumPoints(data.Dimension))
            return $"it needs at least {choice.Kind.MinimumPoints(data.Dimension)} points";
        try
        {
            var fitted = warmFit?.Invoke() ?? choice.Kind.Fit(data, choice.Options, cancellationToken);
            var predictions = new double[data.Count];
            fitted.Predict(data.Points, predictions);
            if (!Array.TrueForAll(predictions, double.IsFinite))
                return "it predicts non-finite values";
            model = fitted;
            return null;
        }
        catch (SurrogateFitException ex) when (ex.Field?.StartsWith("options", StringComparison.Ordinal) == true)
        {
            throw new OptimizationException(ex.Message, ex) { Field = "surrogate." + ex.Field };
        }
        catch (SurrogateFitException ex)
        {
            return ex.Message.TrimEnd('.');
        }
        catch (ArgumentException ex)
        {
            // Only the options can be at fault here (the data were checked): e.g. a per-dimension
            // option with the wrong number of entries.
            throw new OptimizationException(ex.Message, ex) { Field = "surrogate.options" };
        }
    }
}
