using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>
/// The contract is strict on every route: a member the schema does not name, or a member given twice,
/// is a 400 naming it, in the body and in every object nested in it (fit requests, model documents,
/// optimizer states, option objects, pulses, trace entries). Each valid example is first shown to be
/// accepted, so the 400 is the mutation's doing.
/// </summary>
public class StrictContractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Unknown = "zzUnknown";
    private const string DuplicateMarker = "zzDuplicateMarker";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Unknown_and_duplicate_members_are_refused_in_every_object_of_every_route()
    {
        var failures = new List<string>();
        int checkedObjects = 0;
        foreach (var (route, body) in await ContractExamples.AllAsync(_client))
        {
            var accepted = await _client.PostAsync(route, JsonBody.Of(body));
            if (!accepted.IsSuccessStatusCode)
            {
                failures.Add($"{route}: the valid example got {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
                continue;
            }
            foreach (string path in ContractExamples.ObjectPaths(body))
            {
                checkedObjects++;
                var (withUnknown, target) = ContractExamples.Open(body, path);
                target[Unknown] = 1;
                await ExpectErrorAsync(route, withUnknown.ToJsonString(), ContractExamples.FieldPrefix(path) + Unknown, failures);

                if (target.Count == 0)
                    continue;
                var (text, name) = WithFirstMemberTwice(body, path);
                await ExpectErrorAsync(route, text, ContractExamples.FieldPrefix(path) + name, failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checkedObjects >= 30, $"Only {checkedObjects} objects were mutated; the examples lost their nested objects.");
    }

    [Fact]
    public async Task A_misspelt_member_is_named_with_the_valid_spellings()
    {
        var response = await _client.PostAsync("/v1/samples",
            JsonBody.Of("""{"method":"sobol","count":8,"lowerBound":[0,0],"upperBound":[1,1],"sead":7}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "sead");
        Assert.Contains("seed", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SurrogateService", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_differing_only_in_case_are_one_member_given_twice()
    {
        var response = await _client.PostAsync("/v1/samples",
            JsonBody.Of("""{"method":"sobol","count":8,"Count":9,"lowerBound":[0,0],"upperBound":[1,1]}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "count");
        Assert.Contains("more than once", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Option_names_differing_only_in_case_are_one_option_given_twice()
    {
        var response = await _client.PostAsync("/v1/samples",
            JsonBody.Of("""{"method":"sobol","count":8,"lowerBound":[0,0],"upperBound":[1,1],"options":{"scramble":true,"Scramble":false}}"""));
        await ProblemAssert.IsValidationProblemAsync(response, "options.Scramble");
    }

    [Fact]
    public async Task A_body_nested_deeper_than_the_reader_allows_says_so()
    {
        string deep = new string('[', 200) + new string(']', 200);
        var response = await _client.PostAsync("/v1/samples",
            JsonBody.Of($$$"""{"method":"sobol","count":8,"lowerBound":[0,0],"upperBound":[1,1],"options":{"scramble":{{{deep}}}}}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "options");
        Assert.Contains("nested deeper than 64", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deep_array_where_a_number_belongs_is_refused_for_its_depth()
    {
        string deep = new string('[', 3000) + new string(']', 3000);
        var response = await _client.PostAsync("/v1/functions/branin/evaluate", JsonBody.Of($$"""{"points":[[1,2],{{deep}}]}"""));
        var problem = await ProblemAssert.IsValidationProblemAsync(response, "points[1][0]");
        string message = problem.GetProperty("errors").GetProperty("points[1][0]")[0].GetString()!;
        Assert.Contains("nested deeper than 64", message, StringComparison.Ordinal);
        Assert.DoesNotContain("number", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_array_where_a_number_belongs_is_named_as_an_array()
    {
        var response = await _client.PostAsync("/v1/functions/branin/evaluate", JsonBody.Of("""{"points":[[1,[2]]]}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "points[0][1]");
        Assert.Contains("Found an array", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_is_described_by_the_reader()
    {
        var response = await _client.PostAsync("/v1/samples", JsonBody.Of("""{"method":"sobol","count":08}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "count");
        Assert.Contains("leading zero", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"lx":1e-200,"nx":15,"ny":11}""", "lx", "too small")]
    [InlineData("""{"ly":1e-170,"nx":15,"ny":11}""", "ly", "too small")]
    [InlineData("""{"lx":1e300,"nx":15,"ny":11}""", "lx", "too large")]
    public async Task A_length_whose_grid_spacing_underflows_is_refused_on_that_length(string body, string field, string words)
    {
        var response = await _client.PostAsync("/v1/simulations/acoustic2d", JsonBody.Of(body));
        var problem = await ProblemAssert.IsValidationProblemAsync(response, field);
        Assert.Contains(words, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.False(problem.GetProperty("errors").TryGetProperty("cflFactor", out _), problem.ToString());
    }

    [Fact]
    public async Task A_model_document_with_a_parameter_the_model_does_not_have_is_refused()
    {
        var model = await ContractExamples.FittedModelAsync(_client);
        model["parameters"]!["thetta"] = new JsonArray(1.0, 1.0);
        var response = await _client.PostAsync("/v1/surrogates/predict",
            JsonBody.Of(new JsonObject { ["model"] = model, ["points"] = new JsonArray(new JsonArray(0.2, 0.3)) }.ToJsonString()));
        string message = await ProblemAssert.ErrorMessageAsync(response, "model.parameters.thetta");
        Assert.Contains("theta", message, StringComparison.Ordinal);
    }

    private async Task ExpectErrorAsync(string route, string body, string field, List<string> failures)
    {
        var response = await _client.PostAsync(route, JsonBody.Of(body));
        string text = await response.Content.ReadAsStringAsync();
        bool named = response.StatusCode == HttpStatusCode.BadRequest
            && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _);
        if (!named)
            failures.Add($"{route} expected a 400 naming '{field}', got {(int)response.StatusCode}: {Shorten(text)}\n  body: {Shorten(body)}");
    }

    /// <summary>The body with the object's first member written twice (JsonObject cannot hold a duplicate, so a marker is renamed in the text).</summary>
    private static (string Text, string Name) WithFirstMemberTwice(string body, string path)
    {
        var (root, target) = ContractExamples.Open(body, path);
        var (name, value) = target.First();
        target[DuplicateMarker] = value?.DeepClone();
        return (root.ToJsonString().Replace($"\"{DuplicateMarker}\":", $"\"{name}\":", StringComparison.Ordinal), name);
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
