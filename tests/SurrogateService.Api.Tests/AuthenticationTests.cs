using System.Net;
using System.Net.Http.Headers;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>The real JWT pipeline (Microsoft.Identity.Web) with locally signed tokens.</summary>
public class AuthenticationTests(AzureAdFactory factory) : IClassFixture<AzureAdFactory>
{
    private const string ProtectedPath = "/v1/functions";

    public static TheoryData<string, HttpStatusCode> Tokens => new()
    {
        { "right scope", HttpStatusCode.OK },
        { "app role", HttpStatusCode.OK },
        { "v1 token with api:// audience", HttpStatusCode.OK },
        { "wrong scope", HttpStatusCode.Forbidden },
        { "neither scope nor role", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "other tenant", HttpStatusCode.Unauthorized },
        { "not a token", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Token_is_judged_by_scope_role_audience_lifetime_and_tenant(string token, HttpStatusCode expected)
    {
        string jwt = token switch
        {
            "right scope" => TestTokens.Create(scope: "Surrogates.Invoke"),
            "app role" => TestTokens.Create(role: "Surrogates.Invoke.All"),
            "v1 token with api:// audience" => TestTokens.Create(
                scope: "Surrogates.Invoke", audience: $"api://{TestTokens.ClientId}",
                issuer: TestTokens.V1Issuer(TestTokens.TenantId), version: "1.0"),
            "wrong scope" => TestTokens.Create(scope: "Something.Else"),
            "neither scope nor role" => TestTokens.Create(),
            "wrong audience" => TestTokens.Create(scope: "Surrogates.Invoke", audience: Guid.NewGuid().ToString()),
            "expired" => TestTokens.Create(scope: "Surrogates.Invoke", lifetime: TimeSpan.FromMinutes(-10)),
            "other tenant" => TestTokens.Create(scope: "Surrogates.Invoke", tenant: TestTokens.OtherTenantId),
            _ => "not-a-jwt",
        };
        var request = new HttpRequestMessage(HttpMethod.Get, ProtectedPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        var response = await factory.CreateClient().GetAsync(ProtectedPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    public async Task Probes_are_anonymous(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
