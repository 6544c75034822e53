using Microsoft.AspNetCore.Mvc.Testing;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>The service in Development with authentication disabled, as `dotnet run` starts it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
}
