using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A fitted model with the kind and options that made it, i.e. everything a model document records.</summary>
public sealed record FittedSurrogate(ISurrogateKind Kind, OptionValues Options, ISurrogateModel Model);
