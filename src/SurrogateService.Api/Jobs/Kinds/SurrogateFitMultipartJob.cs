using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Endpoints;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Multipart;
using SurrogateService.Api.Rendering;
using SurrogateService.Api.Validation;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>
/// A fit sent as multipart/form-data (<c>POST /v1/surrogates/fit/multipart</c>: the request as JSON, the arrays as .npy)
/// as a job. At submission the upload is read and checked as the route reads it, with the job limits; the job's request
/// document is the upload again, written from the arrays as they were read (float64, C order) straight to the store, so
/// the arrays are held once and the document never whole in memory. The worker streams it back through the same reader.
/// Checkpoints as the JSON fit does (a candidate of <c>auto</c>, Kriging's hyperparameter search).
/// </summary>
public sealed class SurrogateFitMultipartJob : IJobKind
{
    public const string KindName = "surrogates.fit.multipart";

    public string Name => KindName;

    /// <summary>The route reads its body itself; the submission reads it here.</summary>
    public Type RequestType => typeof(HttpRequest);

    public Type StoredRequestType => typeof(Upload);

    public async ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(errors);
        var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var form = await MultipartArrays<FitRequest>.ReadAsync((HttpRequest)request, json, limits.MaxMultipartBodyBytes, LimitsFor(limits), errors, http.RequestAborted);
        return form is not null && Plan(form, errors, limits) is not null ? new Upload(form, errors) : null;
    }

    public Task WriteRequestAsync(object prepared, Stream destination, JsonSerializerOptions json, CancellationToken cancellationToken) =>
        ((Upload)prepared).WriteAsync(destination, json, cancellationToken);

    public async ValueTask<object> ReadRequestAsync(Stream source, LimitsOptions limits, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new RequestErrors();
        string boundary = await Upload.ReadBoundaryAsync(source, cancellationToken);
        var form = await MultipartArrays<FitRequest>.ReadAsync(boundary, source, json, long.MaxValue, LimitsFor(limits), errors, cancellationToken);
        return new Upload(form, errors);
    }

    public JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var upload = (Upload)request;
        var errors = upload.Errors;
        if (upload.Form is not { } form || Plan(form, errors, limits) is not { } plan)
            return JobOutcome.Of(errors.ToProblem(), execution.Json);
        var lines = execution.Lines<Numerics.Surrogates.FitProgress, FitStageLine>(SurrogateMapping.ToLine);
        return JobOutcome.Of(SurrogatesEndpoints.FitNow(plan, lines, cancellationToken, execution), execution.Json);
    }

    private static Func<FitRequest, string, (int Rows, int Columns)?> LimitsFor(LimitsOptions limits) =>
        (request, name) => SurrogatesMultipartEndpoints.TrainingPart(request, name, "", limits);

    /// <summary>The route's reading of the parts into a plan.</summary>
    private static FitPlan? Plan(MultipartArrays<FitRequest> form, RequestErrors errors, LimitsOptions limits) =>
        FitRequestReader.ReadWithArrays(form.Request, "", errors, limits, form.Points("points"), form.Vector("values", errors), form.Vector("noiseVariances", errors));

    /// <summary>
    /// An upload as read (or null with the errors, when the stored one no longer passes the checks). Stored as a line with
    /// the boundary, then a multipart body: the request part as JSON, then each array as .npy, in name order. The boundary
    /// is derived from the content's SHA-256, so no array can contain it and the same upload is stored as the same bytes
    /// (the Idempotency-Key check compares them), whatever boundary and float width the client chose.
    /// </summary>
    public sealed class Upload(MultipartArrays<FitRequest>? form, RequestErrors errors)
    {
        private const int BoundaryLength = 68;

        public MultipartArrays<FitRequest>? Form => form;

        public RequestErrors Errors => errors;

        internal async Task WriteAsync(Stream destination, JsonSerializerOptions json, CancellationToken cancellationToken)
        {
            var request = JsonSerializer.SerializeToUtf8Bytes(form!.Request, json);
            var arrays = form.Arrays.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
            using var sha = SHA256.Create();
            await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
            {
                await hashing.WriteAsync(request, cancellationToken);
                foreach (var (name, array) in arrays)
                {
                    await hashing.WriteAsync(Encoding.UTF8.GetBytes(name), cancellationToken);
                    await WriteNpyAsync(hashing, array, cancellationToken);
                }
                await hashing.FlushFinalBlockAsync(cancellationToken);
            }
            string boundary = "job-" + Convert.ToHexStringLower(sha.Hash!);
            await destination.WriteAsync(Encoding.ASCII.GetBytes(boundary + "\n"), cancellationToken);
            await WritePartAsync(destination, boundary, MultipartArrays<FitRequest>.RequestPart, "application/json", cancellationToken);
            await destination.WriteAsync(request, cancellationToken);
            foreach (var (name, array) in arrays)
            {
                await WritePartAsync(destination, boundary, name, "application/octet-stream", cancellationToken);
                await WriteNpyAsync(destination, array, cancellationToken);
            }
            await destination.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"), cancellationToken);
        }

        internal static async Task<string> ReadBoundaryAsync(Stream source, CancellationToken cancellationToken)
        {
            var line = new byte[BoundaryLength + 1];
            await source.ReadExactlyAsync(line, cancellationToken);
            if (line[^1] != (byte)'\n')
                throw new InvalidDataException("The job's stored upload does not start with its boundary.");
            return Encoding.ASCII.GetString(line, 0, BoundaryLength);
        }

        /// <summary>The delimiter before a part (CRLF-led except the first) and the part's headers.</summary>
        private static Task WritePartAsync(Stream destination, string boundary, string name, string contentType, CancellationToken cancellationToken)
        {
            string lead = name == MultipartArrays<FitRequest>.RequestPart ? "" : "\r\n";
            return destination.WriteAsync(Encoding.ASCII.GetBytes(
                $"{lead}--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\nContent-Type: {contentType}\r\n\r\n"), cancellationToken).AsTask();
        }

        /// <summary>float64 in C order, shape (rows, columns), in chunks so that no copy of the array is made.</summary>
        private static async Task WriteNpyAsync(Stream destination, NpyArray array, CancellationToken cancellationToken)
        {
            await destination.WriteAsync(NpyHeader.Create(doublePrecision: true, array.Rows, array.Columns), cancellationToken);
            var chunk = new byte[1 << 16];
            const int perChunk = (1 << 16) / sizeof(double);
            for (int start = 0; start < array.Values.Length; start += perChunk)
            {
                int count = Math.Min(perChunk, array.Values.Length - start);
                MemoryMarshal.AsBytes(array.Values.AsSpan(start, count)).CopyTo(chunk);
                await destination.WriteAsync(chunk.AsMemory(0, count * sizeof(double)), cancellationToken);
            }
        }
    }
}
