using System.Text.Json;
using System.Text.Json.Serialization;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// The one rule for reading a contract record, wherever it arrives: a REST body or a model document
/// inside a UM-Bridge config. A document accepted (or refused) on one port is accepted (or refused)
/// on the other.
/// </summary>
public static class ContractJson
{
    /// <summary>Web defaults (camelCase, case-insensitive names) with the strict rules below.</summary>
    public static readonly JsonSerializerOptions Strict = ApplyStrictRules(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions ApplyStrictRules(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Numbers must be JSON numbers: the web default also reads "12" and "NaN" from strings,
        // which would let non-finite values slip into the numerics.
        options.NumberHandling = JsonNumberHandling.Strict;
        // A misspelt member ("sead") would otherwise be dropped and its default used in silence,
        // and of two "points" the last would win; both are client mistakes to report.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = JsonErrorDescription.MaxDepth;
        return options;
    }
}
