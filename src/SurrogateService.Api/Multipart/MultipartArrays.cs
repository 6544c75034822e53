using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SurrogateService.Api.Validation;

namespace SurrogateService.Api.Multipart;

/// <summary>
/// A multipart/form-data body of a fit or predict request: first a part <c>request</c> holding the
/// JSON request without its big arrays, then the arrays as .npy parts named by where they belong
/// (e.g. <c>points</c>, <c>fit.values</c>). Sections are read one at a time as they stream in; the
/// request part says which array parts may follow and how large they may be, so an array is checked
/// against its limit before its values are allocated.
/// </summary>
public sealed class MultipartArrays<TRequest>
    where TRequest : class
{
    public const string RequestPart = "request";

    private MultipartArrays(TRequest request, Dictionary<string, NpyArray> arrays)
    {
        Request = request;
        Arrays = arrays;
    }

    public TRequest Request { get; }

    public IReadOnlyDictionary<string, NpyArray> Arrays { get; }

    /// <param name="limitsFor">For a part name, the most rows and columns it may have, or null when the request takes no such part.</param>
    public static async Task<MultipartArrays<TRequest>?> ReadAsync(HttpRequest http, JsonSerializerOptions json, long maxBodyBytes,
        Func<TRequest, string, (int Rows, int Columns)?> limitsFor, RequestErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limitsFor);
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            errors.Add("body", "Must be multipart/form-data with a boundary: a part 'request' (JSON) and .npy parts.");
            return null;
        }
        return await ReadAsync(boundary, http.Body, json, maxBodyBytes, limitsFor, errors, cancellationToken);
    }

    /// <summary>The body without its HTTP request: a job's stored upload, read with the same checks.</summary>
    public static async Task<MultipartArrays<TRequest>?> ReadAsync(string boundary, Stream body, JsonSerializerOptions json, long maxBodyBytes,
        Func<TRequest, string, (int Rows, int Columns)?> limitsFor, RequestErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limitsFor);
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = maxBodyBytes };
        TRequest? request = null;
        var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        try
        {
            for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
            {
                string? name = section.GetContentDispositionHeader()?.Name.Value;
                if (string.IsNullOrEmpty(name))
                {
                    errors.Add("body", "Every part needs a Content-Disposition with a name.");
                    return null;
                }
                if (request is null)
                {
                    if (name != RequestPart)
                    {
                        errors.Add(name, $"The first part must be '{RequestPart}' (the JSON request), which says which array parts follow.");
                        return null;
                    }
                    request = await ReadRequestAsync(section.Body, json, errors, cancellationToken);
                    if (request is null)
                        return null;
                    continue;
                }
                if (arrays.ContainsKey(name) || name == RequestPart)
                {
                    errors.Add(name, "Is given twice.");
                    return null;
                }
                if (limitsFor(request, name) is not var (maxRows, maxColumns))
                {
                    errors.Add(name, "Is not a part this request takes.");
                    return null;
                }
                try
                {
                    arrays[name] = await NpyArrayReader.ReadAsync(section.Body, maxRows, maxColumns, cancellationToken);
                }
                catch (InvalidDataException ex)
                {
                    errors.Add(name, ex.Message);
                    return null;
                }
            }
        }
        catch (IOException ex) when (ex is not EndOfStreamException)
        {
            errors.Add("body", $"Is not a complete multipart/form-data body: {ex.Message}");
            return null;
        }
        if (request is null)
        {
            errors.Add(RequestPart, "Is required.");
            return null;
        }
        return new MultipartArrays<TRequest>(request, arrays);
    }

    private static async Task<TRequest?> ReadRequestAsync(Stream body, JsonSerializerOptions json, RequestErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            var request = await JsonSerializer.DeserializeAsync<TRequest>(body, json, cancellationToken);
            if (request is null)
                errors.Add(RequestPart, "Must be a JSON object.");
            return request;
        }
        catch (JsonException ex)
        {
            errors.Add(RequestPart, $"Is not a valid request: {ex.Message}");
            return null;
        }
    }

    /// <summary>The array of part <paramref name="name"/> as a vector, or null when absent; a field error when it is a matrix of several columns.</summary>
    public double[]? Vector(string name, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Arrays.TryGetValue(name, out var array))
            return null;
        if (array.Columns != 1)
        {
            errors.Add(name, $"Has shape ({array.Rows}, {array.Columns}); a vector of {array.Rows} values is needed.");
            return null;
        }
        return array.Values;
    }

    /// <summary>The array of part <paramref name="name"/> as points (rows), or null when absent.</summary>
    public Numerics.Core.PointSet? Points(string name) =>
        Arrays.TryGetValue(name, out var array) ? new Numerics.Core.PointSet(array.Values, array.Rows, array.Columns) : null;
}
