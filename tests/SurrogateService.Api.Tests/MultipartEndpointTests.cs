using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Rendering;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Arrays as .npy parts of multipart/form-data bodies: the same fits and predictions as JSON, and a 400 naming the part for every malformed one.</summary>
public class MultipartEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    internal static readonly double[][] Points = Enumerable.Range(0, 30).Select(i => new[] { (i % 6 + 0.5) / 6 + 0.01 * Math.Sin(i), (i / 6 + 0.5) / 5 }).ToArray();
    internal static readonly double[] Values = Points.Select(p => Math.Sin(4 * p[0]) + p[1] * p[1]).ToArray();
    private static readonly double[][] Query = [[0.31, 0.42], [0.77, 0.05], [0.5, 0.9]];

    internal static byte[] Npy(double[] values, bool float32, params int[] shape)
    {
        var header = NpyHeader.Create(!float32, shape);
        var data = float32 ? MemoryMarshal.AsBytes(values.Select(v => (float)v).ToArray().AsSpan()).ToArray() : MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        return [.. header, .. data];
    }

    internal static byte[] Matrix(double[][] rows, bool float32 = false) => Npy(rows.SelectMany(r => r).ToArray(), float32, rows.Length, rows[0].Length);

    internal static MultipartFormDataContent Form(object request, params (string Name, byte[] Bytes)[] parts)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(System.Text.Json.JsonSerializer.Serialize(request), Encoding.UTF8, "application/json"), "request");
        foreach (var (name, bytes) in parts)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, name, name + ".npy");
        }
        return form;
    }

    internal static readonly object FitSettings = new { kind = "kriging", lowerBound = new[] { 0.0, 0.0 }, upperBound = new[] { 1.0, 1.0 }, options = new { kernel = "matern52", restarts = 2 } };

    [Fact]
    public async Task A_multipart_fit_and_prediction_give_the_bits_of_the_json_ones()
    {
        var json = await _client.PostAsJsonAsync("/v1/surrogates/predict", new
        {
            fit = new { kind = "kriging", points = Points, values = Values, lowerBound = new[] { 0.0, 0.0 }, upperBound = new[] { 1.0, 1.0 }, options = new { kernel = "matern52", restarts = 2 } },
            points = Query,
            includeStandardError = true,
        });
        var expected = await json.Content.ReadFromJsonAsync<PredictResponse>();
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);

        var multipart = await _client.PostAsync("/v1/surrogates/predict/multipart", Form(new { fit = FitSettings, includeStandardError = true },
            ("fit.points", Matrix(Points)), ("fit.values", Npy(Values, false, Values.Length)), ("points", Matrix(Query))));
        Assert.True(multipart.StatusCode == HttpStatusCode.OK, await multipart.Content.ReadAsStringAsync());
        var actual = await multipart.Content.ReadFromJsonAsync<PredictResponse>();
        Assert.Equal(expected!.Values, actual!.Values);
        Assert.Equal(expected.StandardErrors, actual.StandardErrors);

        // The document travels back with its arrays as parts, and predicts the same bits.
        var document = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(actual.Model, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!.AsObject();
        document.Remove("points");
        document.Remove("values");
        var fromDocument = await _client.PostAsync("/v1/surrogates/predict/multipart", Form(new { model = document, includeStandardError = true },
            ("model.points", Matrix(Points)), ("model.values", Npy(Values, false, Values.Length)), ("points", Matrix(Query))));
        Assert.True(fromDocument.StatusCode == HttpStatusCode.OK, await fromDocument.Content.ReadAsStringAsync());
        var restored = await fromDocument.Content.ReadFromJsonAsync<PredictResponse>();
        Assert.Equal(expected.Values, restored!.Values);
    }

    [Fact]
    public async Task Float32_parts_are_widened_and_fit()
    {
        var response = await _client.PostAsync("/v1/surrogates/fit/multipart", Form(FitSettings,
            ("points", Matrix(Points, float32: true)), ("values", Npy(Values, true, Values.Length))));
        var fitted = await response.Content.ReadFromJsonAsync<FitResponse>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((double)(float)Points[3][0], fitted!.Model.Points![3][0]);
    }

    public static TheoryData<string, string> BadParts() => new()
    {
        { "truncated", "points" },
        { "int64", "points" },
        { "fortran", "points" },
        { "three-dimensional", "points" },
        { "values-mismatch", "values" },
        { "values-matrix", "values" },
        { "not-npy", "points" },
        { "unknown-part", "weights" },
        { "nan", "values" },
    };

    [Theory]
    [MemberData(nameof(BadParts))]
    public async Task A_malformed_part_is_a_400_naming_it(string defect, string field)
    {
        var points = Matrix(Points);
        var values = Npy(Values, false, Values.Length);
        var extra = new List<(string, byte[])>();
        switch (defect)
        {
            case "truncated": points = points[..^7]; break;
            case "int64": points = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(points).Replace("<f8", "<i8", StringComparison.Ordinal)); break;
            case "fortran": points = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(points).Replace("False", "True ", StringComparison.Ordinal)); break;
            case "three-dimensional": points = Npy(Points.SelectMany(r => r).ToArray(), false, 30, 1, 2); break;
            case "values-mismatch": values = Npy(Values[..29], false, 29); break;
            case "values-matrix": values = Npy(Values, false, 15, 2); break;
            case "not-npy": points = Encoding.ASCII.GetBytes("[[0.1, 0.2]]"); break;
            case "unknown-part": extra.Add(("weights", values)); break;
            case "nan": values = Npy([.. Values[..29], double.NaN], false, 30); break;
        }
        var response = await _client.PostAsync("/v1/surrogates/fit/multipart", Form(FitSettings, [("points", points), ("values", values), .. extra]));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    public static TheoryData<string, string> BadPredictParts() => new()
    {
        { "query-columns", "points" },
        { "query-float16", "points" },
        { "fit-values-mismatch", "fit.values" },
        { "fit-noise-mismatch", "fit.noiseVariances" },
        { "fit-neighbours", "fit.options.neighbours" },
        { "fit-approximation", "fit.options.approximation" },
        { "model-values-mismatch", "model.values" },
        { "model-points-missing", "model.points" },
    };

    [Theory]
    [MemberData(nameof(BadPredictParts))]
    public async Task A_bad_part_or_option_of_a_multipart_prediction_is_a_400_naming_it(string defect, string field)
    {
        var query = Matrix(Query);
        var values = Npy(Values, false, Values.Length);
        object fit = FitSettings;
        var parts = new List<(string, byte[])>();
        switch (defect)
        {
            case "query-columns": query = Matrix(Query.Select(q => new[] { q[0], q[1], 0.5 }).ToArray()); break;
            case "query-float16": query = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(query).Replace("<f8", "<f2", StringComparison.Ordinal)); break;
            case "fit-values-mismatch": values = Npy(Values[..20], false, 20); break;
            case "fit-noise-mismatch":
                fit = new { kind = "kriging", lowerBound = new[] { 0.0, 0.0 }, upperBound = new[] { 1.0, 1.0 }, options = new { restarts = 2 } };
                parts.Add(("fit.noiseVariances", Npy(Enumerable.Repeat(0.01, 29).ToArray(), false, 29)));
                break;
            case "fit-neighbours":
                fit = new { kind = "kriging", lowerBound = new[] { 0.0, 0.0 }, upperBound = new[] { 1.0, 1.0 }, options = new { approximation = "nearestNeighbour", neighbours = 31 } };
                break;
            case "fit-approximation":
                fit = new { kind = "kriging", lowerBound = new[] { 0.0, 0.0 }, upperBound = new[] { 1.0, 1.0 }, options = new { approximation = "sparse" } };
                break;
        }
        HttpResponseMessage response;
        if (defect.StartsWith("model", StringComparison.Ordinal))
        {
            var fitted = await _client.PostAsync("/v1/surrogates/fit/multipart", Form(FitSettings, ("points", Matrix(Points)), ("values", values)));
            var document = (await fitted.Content.ReadFromJsonAsync<JsonObject>())!["model"]!.AsObject();
            document.Remove("points");
            document.Remove("values");
            var modelParts = defect == "model-values-mismatch"
                ? new[] { ("model.points", Matrix(Points)), ("model.values", Npy(Values[..29], false, 29)), ("points", query) }
                : new[] { ("model.values", values), ("points", query) };
            response = await _client.PostAsync("/v1/surrogates/predict/multipart", Form(new { model = document, includeStandardError = true }, modelParts));
        }
        else
        {
            response = await _client.PostAsync("/v1/surrogates/predict/multipart", Form(new { fit, includeStandardError = true },
                [("fit.points", Matrix(Points)), ("fit.values", values), .. parts, ("points", query)]));
        }
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Arrays_over_the_limit_are_refused_from_the_header_and_the_request_part_comes_first()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxNearestNeighbourTrainingPoints", "20").UseSetting("Limits:MaxExactTrainingPoints", "10"));
        var response = await limited.CreateClient().PostAsync("/v1/surrogates/fit/multipart", Form(FitSettings, ("points", Matrix(Points)), ("values", Npy(Values, false, 30))));
        Assert.Contains("limit is 20", await ProblemAssert.ErrorMessageAsync(response, "points"), StringComparison.Ordinal);

        var form = new MultipartFormDataContent { { new ByteArrayContent(Matrix(Points)), "points", "points.npy" } };
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/surrogates/fit/multipart", form), "points");
    }
}
