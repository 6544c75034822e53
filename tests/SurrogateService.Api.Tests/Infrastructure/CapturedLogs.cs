using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps every event, so a test can see what the service logged.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
