using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Tests.Hostile;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// A valid body for every POST route, including the documents only a previous answer supplies (a
/// fitted model, an optimizer state), and the means to visit and change every object inside one.
/// </summary>
public static class ContractExamples
{
    public static async Task<List<(string Route, string Body)>> AllAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var examples = ExampleBodies.All.Select(e => (e.Key, e.Value)).ToList();
        examples.Add(("/v1/surrogates/predict",
            new JsonObject { ["model"] = await FittedModelAsync(client), ["points"] = new JsonArray(new JsonArray(0.2, 0.3)) }.ToJsonString()));

        var suggest = JsonNode.Parse(ExampleBodies.All["/v1/optimization/suggest"])!;
        var first = await client.PostAsync("/v1/optimization/suggest", JsonBody.Of(suggest.ToJsonString()));
        first.EnsureSuccessStatusCode();
        suggest["state"] = (await first.Content.ReadFromJsonAsync<JsonObject>())!["state"]!.DeepClone();
        examples.Add(("/v1/optimization/suggest", suggest.ToJsonString()));
        return examples;
    }

    public static async Task<JsonObject> FittedModelAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var fit = await client.PostAsync("/v1/surrogates/fit", JsonBody.Of(ExampleBodies.All["/v1/surrogates/fit"]));
        fit.EnsureSuccessStatusCode();
        return (JsonObject)(await fit.Content.ReadFromJsonAsync<JsonObject>())!["model"]!.DeepClone();
    }

    /// <summary>The JSON paths ("$", "$.fit.options", "$.trace[0]") of the body and of every object inside it.</summary>
    public static IEnumerable<string> ObjectPaths(string body) =>
        Descendants(JsonNode.Parse(body)!).OfType<JsonObject>().Select(o => o.GetPath()).ToList();

    /// <summary>A fresh copy of the body and, inside it, the object at <paramref name="path"/>, to change.</summary>
    public static (JsonNode Root, JsonObject Target) Open(string body, string path)
    {
        var root = JsonNode.Parse(body)!;
        return (root, (JsonObject)Descendants(root).First(node => node.GetPath() == path));
    }

    /// <summary>"$" → "", "$.fit.options" → "fit.options.", "$.trace[0]" → "trace[0]." — the service's field names.</summary>
    public static string FieldPrefix(string path) => path == "$" ? "" : path[2..] + ".";

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
                yield return descendant;
        }
    }
}
