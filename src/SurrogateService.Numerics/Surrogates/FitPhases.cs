namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The finished hyperparameter searches of one fit (the long phase of Kriging: one search, one per level of co-Kriging),
/// so that a fit interrupted after a search resumes without repeating it. Every search a fit finishes is handed, with
/// those before it, to the <c>completed</c> callback (which may store them, or stop the fit by throwing); a fit given
/// an earlier attempt's searches takes them in the same order instead of searching. What follows a search is a
/// deterministic function of the data and the search's result, so the resumed model is the same bit for bit.
/// </summary>
public sealed class FitPhases(IReadOnlyList<KrigingSearchResult>? earlier, Action<IReadOnlyList<KrigingSearchResult>> completed)
{
    private readonly List<KrigingSearchResult> _searches = [.. earlier ?? []];
    private int _next;

    /// <summary>Whether an earlier attempt finished a search of this fit (and so reported the fit's start already).</summary>
    public bool IsResumed => _searches.Count > 0;

    /// <summary>The next search's result: the earlier attempt's, or <paramref name="search"/> run now and reported.</summary>
    internal static KrigingSearchResult Run(FitPhases? phases, Func<KrigingSearchResult> search) => phases is null ? search() : phases.Next(search);

    private KrigingSearchResult Next(Func<KrigingSearchResult> search)
    {
        if (_next < _searches.Count)
            return _searches[_next++];
        var result = search();
        _searches.Add(result);
        _next++;
        completed(_searches.ToArray());
        return result;
    }
}

/// <summary>A kind whose fit has a phase worth keeping across an interruption (see <see cref="FitPhases"/>).</summary>
public interface IPhasedSurrogateKind : ISurrogateKind
{
    /// <exception cref="SurrogateFitException">The data cannot be fitted.</exception>
    ISurrogateModel Fit(TrainingSet data, Options.OptionValues options, FitPhases? phases, CancellationToken cancellationToken);
}
