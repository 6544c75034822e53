using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A fitted model with the kind and options that made it, i.e. everything a model document records;
/// when the kind was chosen automatically, also the candidates that were compared.
/// </summary>
public sealed record FittedSurrogate(
    ISurrogateKind Kind,
    OptionValues Options,
    ISurrogateModel Model,
    IReadOnlyList<SurrogateCandidate>? Candidates = null);
