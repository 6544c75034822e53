using System.Text.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Models;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// The <c>surrogate</c> model: config { "model": a fitted-model document from POST /v1/surrogates/fit } or
/// { "modelId": a stored model's id (POST /v1/models) }, at most one, checked exactly as the REST predict
/// route reads and checks them. Without either, the document of <see cref="UmBridgeOptions.SurrogateModelFile"/> is
/// used when configured.
/// </summary>
internal static class SurrogateConfigReader
{
    public const string ModelName = "surrogate";

    public static UmBridgeModel Model(UmBridgeOptions options, LimitsOptions limits, StoredModelReader stored)
    {
        JsonElement? fallback = null;
        if (options.SurrogateModelFile is string file)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            fallback = document.RootElement.Clone();
            // A configured document that cannot be read should stop the start, not fail every request.
            Read(fallback, limits);
        }
        // Without a configured document the capability depends on each request's kind: announce
        // the gradient, and answer UnsupportedFeature for kinds without one.
        bool differentiable = fallback is null || Read(fallback, limits).HasJacobian;
        return new UmBridgeModel(ModelName, Heavy: false, differentiable, config =>
        {
            var settings = ConfigObject.Read(config, "model", "modelId");
            if (settings.Element("modelId") is not JsonElement id)
                return Read(settings.Element("model") ?? fallback, limits);
            if (settings.Has("model"))
                throw UmBridgeError.InvalidInput("config.model: give either 'model' (a document) or 'modelId' (a stored model's id), not both.");
            if (id.ValueKind != JsonValueKind.String)
                throw UmBridgeError.InvalidInput("config.modelId must be a string: a stored model's id.");
            return new SurrogateModel(stored.Read(id.GetString()!).Model);
        });
    }

    private static SurrogateModel Read(JsonElement? element, LimitsOptions limits)
    {
        if (element is not JsonElement json)
            throw UmBridgeError.InvalidInput("config.model is required: a fitted-model document from POST /v1/surrogates/fit (or config.modelId, a stored model's id).");
        ModelDocument? document;
        try
        {
            // The REST routes' reader and rule, so a misspelt member is refused here as it is there.
            document = json.Deserialize<ModelDocument>(ContractJson.Strict);
        }
        catch (JsonException ex)
        {
            var (field, message) = JsonErrorDescription.Describe(ex, ContractJson.Strict);
            string where = field == "body" ? "config.model" : "config.model." + field;
            throw UmBridgeError.InvalidInput($"{where}: {message}");
        }
        var errors = new RequestErrors();
        var fitted = ModelDocumentReader.Read(document, "config.model", errors, limits);
        if (fitted is null)
            throw UmBridgeError.InvalidInput(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        return new SurrogateModel(fitted.Model);
    }
}
