using System.Text.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Mapping;

/// <summary>Turns fitted models and their diagnostics into contract records.</summary>
public static class SurrogateMapping
{
    public static ModelDocument ToDocument(ISurrogateKind kind, OptionValues options, ISurrogateModel model)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(model);
        var data = model.Data;
        return new ModelDocument(
            Validation.ModelDocumentReader.FormatVersion,
            kind.Name,
            data.Box.Lower.ToArray(),
            data.Box.Upper.ToArray(),
            ToJson(options),
            data.Points.ToRows(),
            (double[])data.Values.Clone(),
            new Dictionary<string, double[]>(model.ExportParameters()));
    }

    public static DiagnosticsInfo ToInfo(FitDiagnostics diagnostics, IReadOnlyList<CandidateInfo>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new DiagnosticsInfo(
            diagnostics.LeaveOneOutRmse,
            diagnostics.ConditionNumber,
            diagnostics.Nugget,
            diagnostics.LogLikelihood,
            diagnostics.TrainingLoss,
            diagnostics.LossCurve,
            diagnostics.Warnings,
            candidates);
    }

    public static SurrogateKindInfo ToInfo(ISurrogateKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return new SurrogateKindInfo(kind.Name, kind.Description, kind.HasStandardError, kind.MinimumPoints(2),
            kind.Options.Select(OptionInfo.From).ToArray());
    }

    public static JsonElement ToJson(OptionValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.SerializeToElement(options.All);
    }
}
