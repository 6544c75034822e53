using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// The service in Development with authentication disabled, as `dotnet run` starts it, except that its
/// store folder is a temporary one of its own instead of the developer's under the content root.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder _store = new("surrogate-store-");

    public string StoreFolder => _store.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.WithoutWarmUp().UseSetting("Storage:Folder", _store.Path);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }
}
