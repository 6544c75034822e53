using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Requests that work on a model take either a fitted-model document (<c>model</c>) or a fit
/// request (<c>fit</c>, fitted on the spot); this reads whichever was given.
/// </summary>
public static class ModelSourceReader
{
    public static FittedSurrogate? Read(ModelDocument? model, FitRequest? fit, RequestErrors errors, LimitsOptions limits, CancellationToken cancellationToken)
    {
        if ((model is null) == (fit is null))
        {
            errors.Add("model", "Give exactly one of 'model' (a fitted-model document) and 'fit' (a fit request).");
            return null;
        }
        return model is not null
            ? ModelDocumentReader.Read(model, "model", errors, limits)
            : FitRequestReader.Fit(fit, "fit", errors, limits, cancellationToken);
    }
}
