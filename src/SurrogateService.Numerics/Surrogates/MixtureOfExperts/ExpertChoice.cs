using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The kinds a mixture of experts may put in a cluster, and the choice among them by leave-one-out error
/// on the cluster's points (Bettebghor et al. 2011 choose each local expert the same way, by its
/// cross-validation error). An expert is identified in the model document by its index in <see cref="Candidates"/>.
/// </summary>
internal static class ExpertChoice
{
    /// <summary>
    /// Sound, cheap kinds with an exact leave-one-out error: interpolants for smooth regimes and low-order
    /// polynomials for nearly linear ones. Their order is the document's encoding: append, never reorder.
    /// </summary>
    public static readonly IReadOnlyList<(string Kind, IReadOnlyDictionary<string, object> Options)> Candidates =
    [
        ("kriging", new Dictionary<string, object> { ["approximation"] = KrigingKind.Exact, ["trend"] = KrigingKind.ConstantTrend }),
        ("radialBasis", new Dictionary<string, object> { ["kernel"] = "thinPlate" }),
        ("radialBasis", new Dictionary<string, object> { ["kernel"] = "cubic" }),
        ("secondOrder", new Dictionary<string, object>()),
        ("linear", new Dictionary<string, object>()),
    ];

    /// <summary>The kind and options of candidate <paramref name="index"/>.</summary>
    public static (ISurrogateKind Kind, OptionValues Options) Candidate(int index)
    {
        var (name, given) = Candidates[index];
        var kind = SurrogateKinds.Find(name) ?? throw new InvalidOperationException($"The expert kind '{name}' is not registered.");
        return (kind, new OptionValues(kind.Options, given));
    }

    /// <summary>The candidate with the lowest leave-one-out RMSE on <paramref name="data"/>, fitted, and that error.</summary>
    /// <exception cref="SurrogateFitException">No candidate could be fitted.</exception>
    public static Expert Choose(TrainingSet data, CancellationToken cancellationToken)
    {
        Expert? best = null;
        var failures = new List<string>();
        for (int index = 0; index < Candidates.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (kind, options) = Candidate(index);
            if (data.Count < kind.MinimumPoints(data.Dimension))
                continue;
            try
            {
                var model = kind.Fit(data, options, cancellationToken);
                if (model.Diagnostics.LeaveOneOutRmse is double error && double.IsFinite(error) && (best is null || error < best.Error))
                    best = new Expert(index, kind, model, error);
            }
            catch (SurrogateFitException ex)
            {
                failures.Add($"{kind.Name}: {ex.Message}");
            }
        }
        return best ?? throw new SurrogateFitException($"No expert could be fitted to a cluster of {data.Count} points ({string.Join("; ", failures)}).");
    }
}

/// <summary>A fitted local expert: its candidate index, kind, model and leave-one-out RMSE on its cluster.</summary>
internal sealed record Expert(int Index, ISurrogateKind Kind, ISurrogateModel Model, double Error);
