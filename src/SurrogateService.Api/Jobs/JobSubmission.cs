using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Validation;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SurrogateService.Api.Jobs;

/// <summary>Endpoint metadata: the route runs as a job of this kind when the request prefers respond-async.</summary>
public sealed record JobRoute(string Kind);

/// <summary>
/// <c>Prefer: respond-async</c> (RFC 7240 §4.1) on a heavy route: the request is read as usual but with
/// the job limits (a bad one is a 400 at once), stored and queued, and the answer is 202 Accepted with
/// <c>Location</c> of the job, <c>Retry-After</c> and <c>Preference-Applied</c>. The record is created
/// first, then the request document, then the message; if the storage fails on the way, what was
/// created is removed and the answer is 503 with Retry-After. With an <c>Idempotency-Key</c> the job id
/// is derived from the caller and the key, so a retried POST finds the same job.
/// </summary>
public static class JobSubmission
{
    public const string PreferHeader = "Prefer";
    public const string RespondAsync = "respond-async";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 255;

    /// <summary>Lets the route run as a job of <paramref name="kind"/> (a registered <see cref="IJobKind"/>).</summary>
    public static RouteHandlerBuilder RunsAsJob(this RouteHandlerBuilder builder, string kind)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new JobRoute(kind));
        builder.AddEndpointFilter(async (context, next) =>
            PrefersAsync(context.HttpContext.Request) && KindOf(context.HttpContext, kind) is { } jobKind && RequestOf(context, jobKind) is { } request
                && jobKind.IsHeavy(request)
                ? await SubmitAsync(context.HttpContext, jobKind, request)
                : await next(context));
        return builder
            .Produces<JobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Whether the request submits a job: a route that runs as a job, asked to respond asynchronously.</summary>
    public static bool IsSubmission(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<JobRoute>() is not null && PrefersAsync(context.Request);
    }

    /// <summary>Whether one of the Prefer header's preferences is respond-async (names are case-insensitive, RFC 7240 §2).</summary>
    public static bool PrefersAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[PreferHeader]
            .SelectMany(value => (value ?? "").Split(','))
            .Any(preference => preference.Split(';')[0].Split('=')[0].Trim().Equals(RespondAsync, StringComparison.OrdinalIgnoreCase));
    }

    private static IJobKind KindOf(HttpContext http, string kindName) =>
        http.RequestServices.GetRequiredService<JobKinds>().Find(kindName) ?? throw new InvalidOperationException($"No job kind '{kindName}'.");

    private static object? RequestOf(EndpointFilterInvocationContext context, IJobKind kind) =>
        context.Arguments.FirstOrDefault(kind.RequestType.IsInstanceOfType);

    private static async Task<IResult> SubmitAsync(HttpContext http, IJobKind kind, object request)
    {
        var services = http.RequestServices;
        var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var owner = JobOwner.KeyOf(http);
        if (owner is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The token names no caller.",
                detail: "A job belongs to the caller that submitted it: the access token needs tid, and oid or azp.");

        var errors = new RequestErrors();
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (http.Request.Headers.ContainsKey(IdempotencyKeyHeader) && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)))
            errors.Add(IdempotencyKeyHeader, $"Must be 1 to {MaxIdempotencyKeyLength} printable characters.");
        var prepared = await kind.PrepareAsync(request, http, services.GetRequiredService<IOptions<LimitsOptions>>().Value.ForJobs(), errors);
        if (prepared is null || !errors.IsEmpty)
            return errors.ToProblem();

        var json = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        Task WriteRequest(Stream destination, CancellationToken token) => kind.WriteRequestAsync(prepared, destination, json, token);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var record = new JobRecord
        {
            Id = key.Length > 0 ? JobIds.ForIdempotencyKey(owner, key) : JobIds.New(),
            Owner = owner,
            Kind = kind.Name,
            Status = JobStatus.Queued,
            RequestHash = await HashAsync(WriteRequest, http.RequestAborted),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var store = services.GetRequiredService<IJobStore>();
        try
        {
            if (!await store.TryCreateAsync(record, http.RequestAborted))
                return await ExistingAsync(store, record, http, jobs);
            await QueueAsync(store, services.GetRequiredService<IJobQueue>(), record, WriteRequest);
            services.GetRequiredService<JobArrivals>().Announce();
        }
        catch (JobStorageUnavailableException ex)
        {
            http.Response.Headers.RetryAfter = jobs.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The job storage cannot be reached.",
                detail: $"No job was created ({ex.Message}); retry after {jobs.RetryAfterSeconds} s.");
        }
        return Accepted(record, http, jobs);
    }

    /// <summary>Stores the request and queues the job (not cancelled with the request: once started, it finishes or is undone); on failure removes the record again, so no half-created job is left.</summary>
    private static async Task QueueAsync(IJobStore store, IJobQueue queue, JobRecord record, Func<Stream, CancellationToken, Task> writeRequest)
    {
        try
        {
            await store.WriteAsync(record.Owner, record.Id, JobDocument.Request, writeRequest, CancellationToken.None);
            await queue.EnqueueAsync(new JobMessage(record.Owner, record.Id), CancellationToken.None);
        }
        catch (JobStorageUnavailableException)
        {
            try
            {
                await store.DeleteAsync(record.Owner, record.Id, CancellationToken.None);
            }
            catch (JobStorageUnavailableException)
            {
                // The record stays "queued" without a message; a retry with the same Idempotency-Key
                // finds it, and nothing ever runs it. Rare (the storage went away between two calls).
            }
            throw;
        }
    }

    /// <summary>SHA-256 of the stored request, written through the hash and kept nowhere (a large request is written again to the store).</summary>
    private static async Task<string> HashAsync(Func<Stream, CancellationToken, Task> writeRequest, CancellationToken cancellationToken)
    {
        using var sha = SHA256.Create();
        await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            await writeRequest(hashing, cancellationToken);
            await hashing.FlushFinalBlockAsync(cancellationToken);
        }
        return Convert.ToHexStringLower(sha.Hash!);
    }

    /// <summary>A retried POST with the same Idempotency-Key: the same job if the request is the same, else 422.</summary>
    private static async Task<IResult> ExistingAsync(IJobStore store, JobRecord submitted, HttpContext http, JobsOptions jobs)
    {
        var existing = await store.FindAsync(submitted.Owner, submitted.Id, http.RequestAborted);
        if (existing is null || existing.RequestHash != submitted.RequestHash || existing.Kind != submitted.Kind)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The Idempotency-Key was used for another request.",
                detail: "A retried request must repeat the original one exactly; use a new key for a new request.");
        return Accepted(existing, http, jobs);
    }

    private static IResult Accepted(JobRecord record, HttpContext http, JobsOptions jobs)
    {
        http.Response.Headers.RetryAfter = jobs.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["Preference-Applied"] = RespondAsync;
        return TypedResults.Accepted(JobMapping.Location(record.Id), JobMapping.ToResponse(record));
    }
}
