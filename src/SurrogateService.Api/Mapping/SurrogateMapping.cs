using System.Text.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Mapping;

/// <summary>Turns fitted models and their diagnostics into contract records.</summary>
public static class SurrogateMapping
{
    /// <summary>The progress line of the fit route's NDJSON stream.</summary>
    public static FitStageLine ToLine(FitProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new FitStageLine(progress.Stage, progress.Kind, progress.Completed, progress.Total, progress.LeaveOneOutRmse, progress.Error);
    }

    public static ModelDocument ToDocument(FittedSurrogate fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        var (kind, options, model) = (fitted.Kind, fitted.Options, fitted.Model);
        var data = model.Data;
        return new ModelDocument(
            Validation.ModelDocumentReader.FormatVersion,
            kind.Name,
            data.Box.Lower.ToArray(),
            data.Box.Upper.ToArray(),
            ToJson(options),
            data.Points.ToRows(),
            (double[])data.Values.Clone(),
            new Dictionary<string, double[]>(model.ExportParameters()),
            (double[]?)data.NoiseVariances?.Clone(),
            data.LowFidelity is { } low ? new LowFidelityData(low.Points.ToRows(), (double[])low.Values.Clone()) : null,
            data.Gradients is { } gradients ? Array.ConvertAll(gradients, g => (double[]?)g?.Clone()) : null);
    }

    public static DiagnosticsInfo ToDiagnostics(FittedSurrogate fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        var diagnostics = fitted.Model.Diagnostics;
        return new DiagnosticsInfo(
            diagnostics.LeaveOneOutRmse,
            diagnostics.ConditionNumber,
            diagnostics.Nugget,
            diagnostics.LogLikelihood,
            diagnostics.LeaveOneOutStandardisedMean,
            diagnostics.LeaveOneOutStandardisedSpread,
            diagnostics.Theta,
            diagnostics.ProcessVariance,
            diagnostics.NoiseVariance,
            diagnostics.TrainingLoss,
            diagnostics.LossCurve,
            diagnostics.Warnings,
            fitted.Candidates?.Select(c => new CandidateInfo(c.Kind, JsonSerializer.SerializeToElement(c.Options), c.LeaveOneOutRmse, c.Error, c.UsesLowFidelity)).ToArray(),
            diagnostics.PolynomialChaos is { } chaos
                ? new PolynomialChaosInfo(chaos.Degree, chaos.Terms, chaos.CandidateTerms, chaos.CorrectedRelativeLeaveOneOutError, chaos.Mean, chaos.Variance)
                : null,
            diagnostics.CrossValidation,
            diagnostics.Approximation,
            diagnostics.MixtureOfExperts is { } mixture
                ? new MixtureOfExpertsInfo(mixture.Clusters, mixture.Gating, mixture.GatingModel, mixture.Heaviside,
                    [.. mixture.Experts.Select(e => new ExpertInfo(e.Kind, JsonSerializer.SerializeToElement(e.Options), e.Points, e.LeaveOneOutRmse))],
                    [.. mixture.Trials.Select(t => new ClusterTrialInfo(t.Clusters, t.CrossValidationRmse))])
                : null,
            diagnostics.Trend is { } trend
                ? new TrendInfo(trend.Degree, trend.Terms, trend.QNorm, trend.ValidationPoints, trend.ValidationRmse, trend.ConstantValidationRmse, trend.ValidationRmseByDegree)
                : null);
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
