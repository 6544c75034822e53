using System.Text.Json;
using System.Text.Json.Serialization;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Mapping;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Models;

/// <summary>
/// The one byte form of a model document that is stored and hashed. A document is checked and rebuilt
/// first, then written back from the model: options resolved and in the kind's order, parameters in the
/// model's order, numbers in their shortest round-trip form. So a document and its canonical form (or a
/// copy with options in another order, or defaults left out) are the same model with the same id, and a
/// client that sends back what it was given sends exactly these bytes.
/// </summary>
public static class CanonicalModel
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static byte[] Of(FittedSurrogate fitted) => Serialize(SurrogateMapping.ToDocument(fitted));

    /// <summary>A document's bytes as the canonical form would write them; equal to the canonical form exactly when the document is canonical.</summary>
    public static byte[] Serialize(ModelDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    public static ModelDocument Deserialize(ReadOnlySpan<byte> bytes) =>
        JsonSerializer.Deserialize<ModelDocument>(bytes, Options) ?? throw new JsonException("A stored model is the JSON null.");
}
