using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>
/// What the model store promises through HTTP, whichever storage holds it: content-derived ids,
/// immutability, conditional reads, paging, deletion, and the errors. Run once on a folder and once on
/// Blob Storage (Azurite).
/// </summary>
public abstract class ModelStoreContractTests(HttpClient client)
{
    protected HttpClient Client { get; } = client;

    [Fact]
    public async Task Storing_answers_201_with_Location_and_ETag_and_the_id_is_the_hash_of_the_served_document()
    {
        var document = await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 11));
        var response = await Client.PostAsJsonAsync("/v1/models", new { model = document });
        var stored = await response.Content.ReadFromJsonAsync<StoredModelResponse>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/models/{stored!.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"\"{stored.Id}\"", response.Headers.ETag!.Tag);
        Assert.Equal(("kriging", 2, 20), (stored.Kind, stored.Dimension, stored.Points));

        var get = await Client.GetAsync(response.Headers.Location);
        byte[] served = await get.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(stored.Id, Convert.ToHexStringLower(SHA256.HashData(served)));
        Assert.Equal(served.LongLength, stored.SizeBytes);
        Assert.Equal($"\"{stored.Id}\"", get.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_same_model_stored_again_has_the_same_id_whatever_the_order_of_its_options()
    {
        var document = await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 12));
        var first = await StoredModels.StoreAsync(Client, document);

        var again = await Client.PostAsJsonAsync("/v1/models", new { model = document });
        var reordered = (JsonObject)document.DeepClone();
        var options = reordered["options"]!.AsObject();
        reordered["options"] = new JsonObject(options.Reverse().Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone())));
        var fromServed = JsonNode.Parse(await Client.GetStringAsync($"/v1/models/{first.Id}"))!.AsObject();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal($"/v1/models/{first.Id}", again.Headers.Location!.OriginalString);
        Assert.Equal(first.Id, (await again.Content.ReadFromJsonAsync<StoredModelResponse>())!.Id);
        Assert.Equal(first.Id, (await StoredModels.StoreAsync(Client, reordered)).Id);
        Assert.Equal(first.Id, (await StoredModels.StoreAsync(Client, fromServed)).Id);
    }

    [Fact]
    public async Task A_fit_request_is_fitted_stored_and_reported_with_its_diagnostics()
    {
        var response = await Client.PostAsJsonAsync("/v1/models", new { fit = StoredModels.KrigingFit(seed: 13) });
        var stored = await response.Content.ReadFromJsonAsync<StoredModelResponse>();
        var fitted = await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 13));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(stored!.Diagnostics?.LeaveOneOutRmse);
        // The fit is deterministic, so fitting the same request through /fit gives the very model stored.
        Assert.Equal(stored.Id, (await StoredModels.StoreAsync(Client, fitted)).Id);
    }

    [Fact]
    public async Task If_None_Match_with_the_ETag_answers_304()
    {
        var stored = await StoredModels.StoreAsync(Client, await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 14)));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/models/{stored.Id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{stored.Id}\""));
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Deleted_models_are_gone_and_deleting_again_is_404()
    {
        var stored = await StoredModels.StoreAsync(Client, await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 15)));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/v1/models/{stored.Id}")).StatusCode);
        await AssertNotFoundAsync(await Client.GetAsync($"/v1/models/{stored.Id}"));
        await AssertNotFoundAsync(await Client.DeleteAsync($"/v1/models/{stored.Id}"));
        await AssertNotFoundAsync(await Client.PostAsJsonAsync("/v1/surrogates/predict", new { modelId = stored.Id, points = new[] { new[] { 0.5, 0.5 } } }));
    }

    [Fact]
    public async Task The_listing_pages_through_every_stored_model_in_id_order()
    {
        var ids = new List<string>();
        for (int seed = 20; seed < 25; seed++)
            ids.Add((await StoredModels.StoreAsync(Client, await StoredModels.FitAsync(Client, StoredModels.KrigingFit(count: 8, seed: seed)))).Id);

        var listed = new List<StoredModelInfo>();
        string? continuation = null;
        int pages = 0;
        do
        {
            string query = "/v1/models?pageSize=2" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = (await Client.GetFromJsonAsync<StoredModelList>(query))!;
            Assert.True(page.Models.Count <= 2);
            listed.AddRange(page.Models);
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 100);

        Assert.Null(continuation);
        Assert.Subset(listed.Select(m => m.Id).ToHashSet(), ids.ToHashSet());
        Assert.Equal(listed.Select(m => m.Id).Order(StringComparer.Ordinal), listed.Select(m => m.Id));
        Assert.Equal(listed.Count, listed.Select(m => m.Id).Distinct().Count());
        Assert.All(listed, m => Assert.True(m.SizeBytes > 0));
    }

    [Fact]
    public async Task Malformed_ids_are_400_and_unknown_ones_404()
    {
        await ProblemAssert.IsValidationProblemAsync(await Client.GetAsync("/v1/models/not-an-id"), "id");
        await ProblemAssert.IsValidationProblemAsync(await Client.DeleteAsync("/v1/models/ABC"), "id");
        await ProblemAssert.IsValidationProblemAsync(
            await Client.PostAsJsonAsync("/v1/surrogates/predict", new { modelId = "12", points = new[] { new[] { 0.5, 0.5 } } }), "modelId");
        string unknown = new('0', 64);
        await AssertNotFoundAsync(await Client.GetAsync($"/v1/models/{unknown}"));
        await AssertNotFoundAsync(await Client.PostAsJsonAsync("/v1/surrogates/predict", new { modelId = unknown, points = new[] { new[] { 0.5, 0.5 } } }));
    }

    [Fact]
    public async Task A_tampered_document_is_400_and_nothing_is_stored()
    {
        var document = await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 16));
        document["parameters"]!["thetaa"] = new JsonArray(1.0, 1.0);
        var before = await ListedIdsAsync();
        var response = await Client.PostAsJsonAsync("/v1/models", new { model = document });

        await ProblemAssert.IsValidationProblemAsync(response, "model.parameters.thetaa");
        Assert.Equal(before, await ListedIdsAsync());
    }

    private async Task<string[]> ListedIdsAsync() =>
        (await Client.GetFromJsonAsync<StoredModelList>("/v1/models?pageSize=1000"))!.Models.Select(m => m.Id).ToArray();

    [Fact]
    public async Task A_request_names_exactly_one_model()
    {
        var document = await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 17));
        var stored = await StoredModels.StoreAsync(Client, document);
        var point = new[] { new[] { 0.5, 0.5 } };

        await ProblemAssert.IsValidationProblemAsync(await Client.PostAsJsonAsync("/v1/surrogates/predict", new { model = document, modelId = stored.Id, points = point }), "model");
        await ProblemAssert.IsValidationProblemAsync(await Client.PostAsJsonAsync("/v1/surrogates/predict", new { points = point }), "model");
        await ProblemAssert.IsValidationProblemAsync(await Client.PostAsJsonAsync("/v1/models", new { }), "model");
    }

    [Fact]
    public async Task Every_route_that_takes_a_model_gives_the_same_answer_for_its_id_as_for_its_document()
    {
        var document = await StoredModels.FitAsync(Client, StoredModels.KrigingFit(seed: 18));
        var stored = await StoredModels.StoreAsync(Client, document);

        async Task<string> Answer(string route, JsonObject body, object? model, string? modelId)
        {
            if (model is not null)
                body["model"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(model));
            if (modelId is not null)
                body["modelId"] = modelId;
            var response = await Client.PostAsJsonAsync(route, body);
            Assert.True(response.IsSuccessStatusCode, route + ": " + await response.Content.ReadAsStringAsync());
            return Convert.ToHexString(await response.Content.ReadAsByteArrayAsync());
        }

        var requests = new (string Route, Func<JsonObject> Body)[]
        {
            ("/v1/surrogates/predict", () => new JsonObject { ["points"] = JsonNode.Parse("[[0.1,0.2],[0.7,0.9]]"), ["includeStandardError"] = true }),
            ("/v1/surrogates/integrate", () => new JsonObject { ["samples"] = 1024 }),
            ("/v1/sensitivity/sobol", () => new JsonObject { ["samples"] = 256, ["bootstrap"] = 10 }),
            ("/v1/plots/surrogate", () => new JsonObject { ["resolution"] = 20, ["width"] = 300, ["height"] = 200 }),
        };
        foreach (var (route, body) in requests)
            Assert.Equal(await Answer(route, body(), document, null), await Answer(route, body(), null, stored.Id));
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No such model", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The contract on Development's store, a folder.</summary>
public sealed class FolderModelStoreTests(ApiFactory factory) : ModelStoreContractTests(factory.CreateClient()), IClassFixture<ApiFactory>;

/// <summary>The contract on Blob Storage (Azurite).</summary>
public sealed class BlobModelStoreTests(AzuriteApiFactory factory) : ModelStoreContractTests(factory.CreateClient()), IClassFixture<AzuriteApiFactory>;
