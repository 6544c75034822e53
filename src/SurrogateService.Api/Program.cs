using Serilog;
using SurrogateService.Api.Hosting;

LoggingSetup.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSurrogateService();
    var app = builder.Build();
    app.MapSurrogateService();
    app.Run();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "SurrogateService failed to start");
    throw;
}
finally
{
    Log.CloseAndFlush();
}

/// <summary>Entry point, public so that integration tests can host the service.</summary>
public partial class Program;
