using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SurrogateService.Api.Tests.UmBridge;

/// <summary>Posts protocol messages and checks the protocol's answer shapes (UM-Bridge docs, lib.md).</summary>
internal static class UmBridgeClient
{
    public static async Task<JsonElement> Ok(this HttpClient client, string endpoint, object body)
    {
        var response = await client.PostAsJsonAsync(endpoint, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Asserts the status and { "error": { "type", "message" } } with nothing else; returns the message.</summary>
    public static async Task<string> Error(this HttpClient client, string endpoint, object body, HttpStatusCode status, string type)
    {
        var response = await client.PostAsJsonAsync(endpoint, body);
        return await Error(response, status, type);
    }

    public static async Task<string> Error(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        var root = JsonNode.Parse(text)!.AsObject();
        var error = Assert.Single(root);
        Assert.Equal("error", error.Key);
        var body = error.Value!.AsObject();
        Assert.Equal(["message", "type"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(type, (string?)body["type"]);
        var message = (string?)body["message"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    public static double[] Vector(this JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static int[] Sizes(this JsonElement element) => element.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
