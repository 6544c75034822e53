using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SurrogateService.Api.Hosting.HeavyWork;

namespace SurrogateService.Api.Tests;

/// <summary>Callers are told apart by the token's object id, else the client application, else the address.</summary>
public class HeavyWorkCallerTests
{
    [Theory]
    [InlineData("oid", "1c1a7c4e-0000-4000-8000-000000000001", "oid:1c1a7c4e-0000-4000-8000-000000000001")]
    [InlineData("http://schemas.microsoft.com/identity/claims/objectidentifier", "1c1a7c4e-0000-4000-8000-000000000002", "oid:1c1a7c4e-0000-4000-8000-000000000002")]
    [InlineData("azp", "client-v2", "app:client-v2")]
    [InlineData("appid", "client-v1", "app:client-v1")]
    [InlineData("name", "someone", "address:10.0.0.7")]
    public void A_signed_in_caller_is_its_object_id_else_its_application_else_its_address(string claim, string value, string expected)
    {
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(claim, value)], authenticationType: "Bearer")),
        };
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.7");

        Assert.Equal(expected, HeavyWorkCaller.Of(context));
    }

    [Fact]
    public void Without_authentication_the_caller_is_the_client_address_even_with_claims_it_could_forge()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "x")])) };
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.1");

        Assert.Equal("address:192.0.2.1", HeavyWorkCaller.Of(context));
    }
}
