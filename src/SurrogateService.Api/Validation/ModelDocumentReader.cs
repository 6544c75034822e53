using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Rebuilds a model from a document a client sent back. A document is client input like any other:
/// every part is checked as strictly as a fresh fit request, and the kind checks its parameters.
/// </summary>
public static class ModelDocumentReader
{
    public const int FormatVersion = 1;

    public static FittedSurrogate? Read(ModelDocument? document, string field, RequestErrors errors, LimitsOptions limits)
    {
        if (document is null)
        {
            errors.Add(field, "Is required.");
            return null;
        }
        string prefix = field + ".";
        if (document.FormatVersion != FormatVersion)
            errors.Add(prefix + "formatVersion", $"Must be {FormatVersion}.");
        var kind = NameLookup.Find(document.Kind, prefix + "kind", errors, SurrogateKinds.All, k => k.Name);
        var data = TrainingDataReader.Read(document.Points, document.Values, document.NoiseVariances, document.LowerBound, document.UpperBound, prefix, errors, limits, kind, document.LowFidelity, document.Gradients);
        var options = kind is null ? null : OptionsBinder.Bind(document.Options, kind.Options, prefix + "options", errors, data?.Dimension);
        if (document.Parameters is null)
            errors.Add(prefix + "parameters", "Is required.");
        if (!errors.IsEmpty || kind is null || data is null || options is null)
            return null;

        foreach (var (name, values) in document.Parameters!)
        {
            if (values is null || values.Any(v => !double.IsFinite(v)))
                errors.Add($"{prefix}parameters.{name}", "Must be an array of finite numbers.");
        }
        if (!errors.IsEmpty)
            return null;
        try
        {
            var model = kind.Restore(data, options, document.Parameters!);
            RefuseUnknownParameters(document.Parameters!, model, prefix, errors);
            return errors.IsEmpty ? new FittedSurrogate(kind, options, model) : null;
        }
        catch (SurrogateFitException ex)
        {
            errors.Add(prefix + (ex.Field ?? "parameters"), ex.Message);
            return null;
        }
    }

    /// <summary>
    /// A model exports exactly the parameters it restores from, so any other name in the document
    /// is a misspelling or a leftover that would otherwise be ignored in silence.
    /// </summary>
    private static void RefuseUnknownParameters(Dictionary<string, double[]> given, ISurrogateModel model, string prefix, RequestErrors errors)
    {
        var known = model.ExportParameters();
        foreach (string name in given.Keys.Where(name => !known.ContainsKey(name)))
            errors.Add($"{prefix}parameters.{name}", $"Is not a parameter of this model. Its parameters: {string.Join(", ", known.Keys)}.");
    }
}
