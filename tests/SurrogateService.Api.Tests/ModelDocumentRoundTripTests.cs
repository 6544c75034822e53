using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>
/// A model document is the model: predicting from it gives the same numbers, to the last bit, as
/// fitting and predicting in one call — for every kind, through JSON both ways.
/// </summary>
public class ModelDocumentRoundTripTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("kriging")]
    [InlineData("radialBasis")]
    [InlineData("inverseDistance")]
    [InlineData("lobachevsky")]
    [InlineData("wendland")]
    [InlineData("linear")]
    [InlineData("secondOrder")]
    [InlineData("neuralNetwork")]
    [InlineData("polynomialChaos")]
    [InlineData("randomForest")]
    [InlineData("gradientBoosting")]
    [InlineData("supportVector")]
    [InlineData("mixtureOfExperts")]
    [InlineData("auto")]
    public async Task Predicting_from_the_document_equals_fit_and_predict_bit_for_bit(string kind)
    {
        var training = Enumerable.Range(0, 24).Select(i => new[] { (i * 0.618034) % 1 * 4, (i * 0.381966) % 1 * 3 }).ToArray();
        var fit = new
        {
            kind,
            points = training,
            values = training.Select(p => Math.Sin(p[0]) + 0.5 * p[1] * p[1]).ToArray(),
            lowerBound = new[] { 0.0, 0.0 },
            upperBound = new[] { 4.0, 3.0 },
            options = kind == "neuralNetwork" ? new { epochs = 200 } : null,
        };
        var queries = Enumerable.Range(0, 50).Select(i => new[] { i * 0.08, (i * 0.37) % 3 }).ToArray();

        var oneCall = await (await _client.PostAsJsonAsync("/v1/surrogates/predict", new { fit, points = queries }))
            .Content.ReadFromJsonAsync<PredictResponse>();
        var fromDocument = await (await _client.PostAsJsonAsync("/v1/surrogates/predict", new { model = oneCall!.Model, points = queries }))
            .Content.ReadFromJsonAsync<PredictResponse>();

        Assert.Equal(oneCall.Values, fromDocument!.Values);
    }
}
