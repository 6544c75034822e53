using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>With Entra ID on, stored models belong to the calling principal: another caller gets 404, never the document.</summary>
public sealed class CallerIsolationTests(AzureAdFactory factory) : IClassFixture<AzureAdFactory>
{
    private HttpClient ClientFor(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Another_user_cannot_read_list_use_or_delete_a_users_model()
    {
        var alice = ClientFor(TestTokens.Create(scope: "Surrogates.Invoke", objectId: Guid.NewGuid().ToString()));
        var bob = ClientFor(TestTokens.Create(scope: "Surrogates.Invoke", objectId: Guid.NewGuid().ToString()));
        var stored = await StoredModels.StoreAsync(alice, await StoredModels.FitAsync(alice, StoredModels.KrigingFit(seed: 30)));

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/v1/models/{stored.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync("/v1/surrogates/predict", new { modelId = stored.Id, points = new[] { new[] { 0.5, 0.5 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/v1/models/{stored.Id}")).StatusCode);
        Assert.Empty((await bob.GetFromJsonAsync<StoredModelList>("/v1/models"))!.Models);

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/v1/models/{stored.Id}")).StatusCode);
        Assert.Equal(stored.Id, Assert.Single((await alice.GetFromJsonAsync<StoredModelList>("/v1/models"))!.Models).Id);
    }

    [Fact]
    public async Task The_same_user_with_a_new_token_still_has_its_models()
    {
        string objectId = Guid.NewGuid().ToString();
        var first = ClientFor(TestTokens.Create(scope: "Surrogates.Invoke", objectId: objectId));
        var stored = await StoredModels.StoreAsync(first, await StoredModels.FitAsync(first, StoredModels.KrigingFit(seed: 31)));
        var later = ClientFor(TestTokens.Create(scope: "Surrogates.Invoke", objectId: objectId));

        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync($"/v1/models/{stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_application_without_oid_owns_its_models_by_azp()
    {
        string appId = Guid.NewGuid().ToString();
        var app = ClientFor(TestTokens.Create(role: "Surrogates.Invoke.All", withObjectId: false, authorizedParty: appId));
        var sameApp = ClientFor(TestTokens.Create(role: "Surrogates.Invoke.All", withObjectId: false, authorizedParty: appId));
        var otherApp = ClientFor(TestTokens.Create(role: "Surrogates.Invoke.All", withObjectId: false, authorizedParty: Guid.NewGuid().ToString()));
        var stored = await StoredModels.StoreAsync(app, await StoredModels.FitAsync(app, StoredModels.KrigingFit(seed: 32)));

        Assert.Equal(HttpStatusCode.OK, (await sameApp.GetAsync($"/v1/models/{stored.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApp.GetAsync($"/v1/models/{stored.Id}")).StatusCode);
    }
}
