using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>The surrogate a strategy fits: a kind and its validated options.</summary>
public sealed record SurrogateChoice(ISurrogateKind Kind, OptionValues Options)
{
    /// <summary>A registered kind by name with some options given (the rest default).</summary>
    public static SurrogateChoice Of(string kindName, IReadOnlyDictionary<string, object>? given = null)
    {
        var kind = SurrogateKinds.Find(kindName) ?? throw new ArgumentException($"Unknown surrogate kind '{kindName}'.", nameof(kindName));
        return new SurrogateChoice(kind, new OptionValues(kind.Options, given));
    }
}
