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

    /// <param name="points">The training points when they came as a .npy part (then with <paramref name="values"/> and the noise variances); null to read them from the document.</param>
    public static FittedSurrogate? Read(ModelDocument? document, string field, RequestErrors errors, LimitsOptions limits,
        Numerics.Core.PointSet? points = null, double[]? values = null, double[]? noiseVariances = null)
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
        TrainingSet? data;
        if (points is null)
        {
            data = TrainingDataReader.Read(document.Points, document.Values, document.NoiseVariances, document.LowerBound, document.UpperBound, prefix, errors, limits, kind, document.LowFidelity, document.Gradients,
                TrainingPointLimit.For(kind, limits));
        }
        else
        {
            ArrayParts.RefuseBoth(document.Points, points, prefix + "points", errors);
            ArrayParts.RefuseBoth(document.Values, values, prefix + "values", errors);
            ArrayParts.RefuseBoth(document.NoiseVariances, noiseVariances, prefix + "noiseVariances", errors);
            data = errors.IsEmpty
                ? TrainingDataReader.Read(points, values, noiseVariances, document.LowerBound, document.UpperBound, prefix, errors, limits, kind, document.LowFidelity, document.Gradients)
                : null;
        }
        var bound = kind is null ? null : OptionsBinder.Bind(document.Options, kind.Options, prefix + "options", errors, data?.Dimension);
        var options = kind is null || bound is null || data is null ? null : TrainingPointLimit.Resolve(kind, bound, data.Count, prefix, errors, limits);
        if (document.Parameters is null)
            errors.Add(prefix + "parameters", "Is required.");
        if (!errors.IsEmpty || kind is null || data is null || options is null)
            return null;

        foreach (var (name, parameterValues) in document.Parameters!)
        {
            if (parameterValues is null || parameterValues.Any(v => !double.IsFinite(v)))
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
