using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>
/// The schemas say which members the service needs: a member is <c>required</c> in openapi.yaml
/// exactly when leaving it out of a valid request is a 400 naming it. Checked for every member of
/// every typed object in every example body, so a generated client and the service agree. A member
/// needed only with another ("exactly one of model and fit", "theta together with thetaPoints") is
/// conditional, and the schema must leave it optional.
/// </summary>
public partial class RequiredMembersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] ConditionalWords = ["exactly one of", "together with"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_member_is_required_in_the_schema_exactly_when_the_service_refuses_its_absence()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var failures = new List<string>();
        int members = 0;
        foreach (var (route, body) in await ContractExamples.AllAsync(_client))
        {
            var requestSchema = document["paths"]![Template(document, route)]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
            foreach (string path in ContractExamples.ObjectPaths(body))
            {
                var schema = SchemaAt(document, requestSchema, path);
                if (schema?["properties"] is null)
                    continue; // free-form objects (options, parameters) are checked by their own readers
                var required = (schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
                foreach (string name in ContractExamples.Open(body, path).Target.Select(p => p.Key).ToList())
                {
                    members++;
                    var (root, target) = ContractExamples.Open(body, path);
                    target.Remove(name);
                    string field = ContractExamples.FieldPrefix(path) + name;
                    var (refused, alternative) = await RefusedNamingAsync(route, root.ToJsonString(), field);
                    bool documented = required.Contains(name);
                    if (alternative ? documented : refused != documented)
                        failures.Add($"{route} {field}: the service {(refused ? "refuses" : "accepts")} its absence{(alternative ? " (conditionally)" : "")}, the schema says {(documented ? "required" : "optional")}.");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(members >= 60, $"Only {members} members were checked; the examples lost their members.");
    }

    /// <summary>Whether the answer is a 400 naming the field (or a part of it), and whether the need is conditional.</summary>
    private async Task<(bool Refused, bool Alternative)> RefusedNamingAsync(string route, string body, string field)
    {
        var response = await _client.PostAsync(route, JsonBody.Of(body));
        if (response.StatusCode != HttpStatusCode.BadRequest)
            return (false, false);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        foreach (var error in problem.RootElement.GetProperty("errors").EnumerateObject())
        {
            bool names = error.Name == field || error.Name.StartsWith(field + ".", StringComparison.Ordinal) || error.Name.StartsWith(field + "[", StringComparison.Ordinal);
            if (names)
                return (true, error.Value.EnumerateArray().Any(m => ConditionalWords.Any(words => m.GetString()!.Contains(words, StringComparison.Ordinal))));
        }
        return (false, false);
    }

    /// <summary>The path template of the document that a concrete route matches ("/v1/functions/branin/evaluate" → "/v1/functions/{name}/evaluate").</summary>
    private static string Template(JsonNode document, string route) =>
        document["paths"]!.AsObject().Select(p => p.Key)
            .Single(template => Regex.IsMatch(route, "^" + Parameter().Replace(template, "[^/]+") + "$"));

    /// <summary>The schema of the object at a JSON path, following $ref, properties and array items; null where the schema is free-form.</summary>
    private static JsonNode? SchemaAt(JsonNode document, JsonNode schema, string path)
    {
        JsonNode? current = Resolve(document, schema);
        foreach (Match step in PathStep().Matches(path))
        {
            current = step.Groups["name"].Success ? current?["properties"]?[step.Groups["name"].Value] : current?["items"];
            current = current is null ? null : Resolve(document, current);
        }
        return current;
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is string reference
            ? document["components"]!["schemas"]![reference[(reference.LastIndexOf('/') + 1)..]]!
            : schema;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\.(?<name>\w+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
