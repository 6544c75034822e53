using Serilog;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs;

LoggingSetup.CreateBootstrapLogger();
// The same image as the queue worker of asynchronous jobs (the Container Apps Job runs it with Mode=Worker).
if (WorkerMode.IsRequested(args))
{
    await WorkerMode.RunAsync(args);
    return;
}
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
