using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SurrogateService.Api.Contracts;

namespace SurrogateService.Api.Streaming;

/// <summary>
/// Long work that reports progress, sent as newline-delimited JSON (application/x-ndjson): one
/// line per progress report as it happens, then one line with the outcome — <c>{"type":"result",
/// "result": …}</c> holding exactly the plain JSON response, or <c>{"type":"error","problem": …}</c>
/// when the work turned the request down after the stream had begun. The work runs off the
/// request thread; a client that leaves cancels it.
/// </summary>
public sealed partial class ProgressStreamResult : IResult
{
    public const string MediaType = "application/x-ndjson";

    private readonly Func<ChannelWriter<object>, CancellationToken, IResult> _work;

    private ProgressStreamResult(Func<ChannelWriter<object>, CancellationToken, IResult> work) => _work = work;

    /// <summary>Whether the client asked for progress: application/x-ndjson in its Accept header.</summary>
    public static bool IsRequested(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
            && accepted.Any(media => media.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) && media.Quality is not 0);
    }

    /// <param name="work">The same work as the plain route, told to report into the given progress; returns its usual result.</param>
    /// <param name="toLine">The contract record of one progress report.</param>
    public static ProgressStreamResult Of<TProgress>(Func<IProgress<TProgress>, CancellationToken, IResult> work, Func<TProgress, object> toLine) =>
        new((lines, cancellationToken) => work(new LineProgress<TProgress>(lines, toLine), cancellationToken));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var logger = httpContext.RequestServices.GetRequiredService<ILogger<ProgressStreamResult>>();
        var cancellation = httpContext.RequestAborted;
        httpContext.Response.ContentType = MediaType + "; charset=utf-8";
        // Reports can outpace a slow reader; they wait here, in order. Their number is bounded by
        // the work's own limits (evaluations, resamples, candidates).
        var lines = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var work = Task.Run(() =>
        {
            try
            {
                lines.Writer.TryWrite(OutcomeLine(_work(lines.Writer, cancellation), httpContext));
                lines.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                lines.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);

        var output = httpContext.Response.BodyWriter;
        try
        {
            using var writer = new Utf8JsonWriter(output);
            await foreach (var line in lines.Reader.ReadAllAsync(CancellationToken.None))
            {
                writer.Reset(output);
                JsonSerializer.Serialize(writer, line, line.GetType(), json);
                writer.Flush();
                output.Write("\n"u8);
                var flushed = await output.FlushAsync(cancellation);
                if (flushed.IsCanceled || flushed.IsCompleted)
                    throw new OperationCanceledException("The client stopped reading.", cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left or the request timed out: the work sees the same token and stops at
            // its next check. The body is cut short, so break the connection rather than end it.
            LogAbandoned(logger, httpContext.Request.Path);
            httpContext.Abort();
        }
        catch (Exception ex)
        {
            // A bug in the work after the 200 went out: no 500 can be sent any more, so the
            // connection is broken, which a client cannot mistake for a complete answer.
            LogFailed(logger, ex, httpContext.Request.Path);
            httpContext.Abort();
        }
        await work;
    }

    private static object OutcomeLine(IResult outcome, HttpContext httpContext) => outcome switch
    {
        INestedHttpResult nested => OutcomeLine(nested.Result, httpContext),
        IStatusCodeHttpResult { StatusCode: >= 400 } and IValueHttpResult { Value: HttpValidationProblemDetails problem } => new ProgressErrorLine(Customised(problem, httpContext)),
        IValueHttpResult { Value: var value } => new ProgressResultLine(value),
        _ => throw new InvalidOperationException($"No line for a {outcome.GetType().Name}."),
    };

    /// <summary>The problem as the service sends every problem (with its trace id).</summary>
    private static HttpValidationProblemDetails Customised(HttpValidationProblemDetails problem, HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<ProblemDetailsOptions>>().Value;
        options.CustomizeProblemDetails?.Invoke(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
        return problem;
    }

    /// <summary>Turns each report into its line at once, on the reporting thread, so lines keep the order of the reports.</summary>
    private sealed class LineProgress<TProgress>(ChannelWriter<object> lines, Func<TProgress, object> toLine) : IProgress<TProgress>
    {
        public void Report(TProgress value) => lines.TryWrite(toLine(value));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress stream of {Path} stopped: client gone or request timed out")]
    private static partial void LogAbandoned(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Progress stream of {Path} failed after it had begun")]
    private static partial void LogFailed(ILogger logger, Exception exception, PathString path);
}
