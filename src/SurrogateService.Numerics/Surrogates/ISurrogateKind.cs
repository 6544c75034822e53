using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// One kind of surrogate (Kriging, radial basis, …). Fitting turns training data and options into
/// a model; restoring rebuilds the same model from the parameters a fitted model exported, so a
/// model can travel to the client as a document and come back in a later request.
/// </summary>
public interface ISurrogateKind
{
    /// <summary>The name clients use, camelCase (e.g. "kriging", "radialBasis").</summary>
    string Name { get; }

    string Description { get; }

    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Whether models of this kind give a standard error with their predictions.</summary>
    bool HasStandardError { get; }

    /// <summary>The fewest training points this kind can fit in the given dimension.</summary>
    int MinimumPoints(int dimension);

    /// <exception cref="SurrogateFitException">The data cannot be fitted (duplicates, too few points, singular system).</exception>
    ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds a fitted model from exported parameters without refitting hyperparameters.</summary>
    /// <exception cref="SurrogateFitException">The parameters are missing, of the wrong length or inconsistent with the data.</exception>
    ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters);
}
