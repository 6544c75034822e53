using System.Text.Json;
using System.Text.Json.Serialization;

namespace SurrogateService.Api.UmBridge;

/// <summary>JSON of the protocol: camelCase members (inputSizes, outWrt, …), numbers only as numbers.</summary>
internal static class UmBridgeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
    };
}
