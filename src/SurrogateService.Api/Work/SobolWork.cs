using Microsoft.AspNetCore.Http.HttpResults;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Sensitivity;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Work;

/// <summary>
/// The work of <c>POST /v1/sensitivity/sobol</c> once its model is in hand, shared by the plain answer,
/// the progress stream and the job, so that all three return the same response.
/// </summary>
public static class SobolWork
{
    /// <summary>The study's settings for a model of <paramref name="dimension"/> inputs under these limits; null, with <paramref name="errors"/> filled, when refused.</summary>
    public static SobolSettings? ReadSettings(SobolRequest request, int dimension, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        int samples = request.Samples ?? SobolRequest.DefaultSamples;
        int maxSamples = (int)Math.Min(limits.MaxSensitivitySamples, limits.MaxSensitivityEvaluations / (dimension + 2L));
        if (samples < 16 || samples > maxSamples)
            errors.Add("samples", $"Must be between 16 and {maxSamples} for {dimension} inputs (the model is evaluated samples·(d + 2) times).");
        int bootstrap = request.Bootstrap ?? SobolRequest.DefaultBootstrap;
        if (bootstrap < 1 || bootstrap > limits.MaxBootstrapResamples)
            errors.Add("bootstrap", $"Must be between 1 and {limits.MaxBootstrapResamples}.");
        double level = request.ConfidenceLevel ?? SobolRequest.DefaultConfidenceLevel;
        if (!(level > 0 && level < 1))
            errors.Add("confidenceLevel", "Must lie strictly between 0 and 1.");
        ulong? seed = SeedReader.Read(request.Seed, errors);
        return errors.IsEmpty ? new SobolSettings(samples, bootstrap, level, seed!.Value) : null;
    }

    /// <param name="modelField">The request member that named the model, for an error about the model itself.</param>
    /// <param name="checkpoints">A job's checkpoints (null synchronously): the study resumes from the blocks evaluated before, and stores them after every block.</param>
    public static Results<Ok<SobolResponse>, ValidationProblem> Compute(ISurrogateModel model, SobolSettings settings, string modelField,
        IProgress<SobolProgress>? progress, IWorkCheckpoints? checkpoints, CancellationToken cancellationToken)
    {
        SobolIndicesResult result;
        try
        {
            result = SobolIndices.Compute(model, settings, progress, checkpoints?.ResumeState<SobolCheckpoint>(),
                checkpoints is null ? null : checkpoints.Checkpoint, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // A model document with extreme parameters can overflow on the design.
            var errors = new RequestErrors();
            errors.Add(modelField, ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
            return errors.ToProblem();
        }
        return TypedResults.Ok(new SobolResponse(
            result.FirstOrder,
            result.Total,
            result.FirstOrderIntervals.Select(i => new[] { i.Lower, i.Upper }).ToArray(),
            result.TotalIntervals.Select(i => new[] { i.Lower, i.Upper }).ToArray(),
            result.Evaluations,
            result.Warnings,
            result.Method,
            result.Mean,
            result.Variance));
    }

    /// <summary>The progress line of the route's NDJSON stream.</summary>
    public static SobolStageLine ToLine(SobolProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new SobolStageLine(progress.Stage, progress.Completed, progress.Total);
    }
}
