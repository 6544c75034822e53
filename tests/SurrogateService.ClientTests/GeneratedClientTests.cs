using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using SurrogateService.Client;
using SurrogateService.Client.Models;

namespace SurrogateService.ClientTests;

/// <summary>
/// Calls the service through the Kiota client generated from openapi.yaml: if the committed contract
/// and the running service disagree (a member name, a required member, a status code, a model document
/// that does not survive the round trip through the client's types), these calls fail.
/// </summary>
public sealed class GeneratedClientTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly List<double?> Lower = [-5, 0], Upper = [10, 15];

    private readonly SurrogateServiceClient _client = new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: factory.CreateClient())
    {
        BaseUrl = factory.Server.BaseAddress.ToString().TrimEnd('/'),
    });

    [Fact]
    public async Task The_notebook_steps_work_through_the_generated_client()
    {
        var plan = await _client.V1.Samples.PostAsync(new SampleRequest { Method = "sobol", Count = 80, LowerBound = Lower, UpperBound = Upper });
        var points = Rows(plan!.Points!);
        Assert.Equal(80, points.Count);

        var evaluated = await _client.V1.Functions["branin"].Evaluate.PostAsync(new EvaluateRequest { Points = Untyped(points) });
        var values = evaluated!.Values!;
        Assert.Equal(80, values.Count);

        var fit = await _client.V1.Surrogates.Fit.PostAsync(new FitRequest
        {
            Kind = "kriging",
            Points = Untyped(points),
            Values = values,
            LowerBound = Lower,
            UpperBound = Upper,
            Options = new UntypedObject(new Dictionary<string, UntypedNode>
            {
                ["p"] = new UntypedArray([new UntypedDouble(1.9), new UntypedDouble(1.9)]),
                ["theta"] = new UntypedString("heuristic"),
            }),
        });
        Assert.Equal("kriging", fit!.Model!.Kind);

        // The document goes back exactly as the client holds it: Kriging interpolates its training data.
        var predicted = await _client.V1.Surrogates.Predict.PostAsync(new PredictRequest { Model = fit.Model, Points = Untyped(points), IncludeStandardError = true });
        for (int i = 0; i < values.Count; i++)
            Assert.Equal(values[i]!.Value, predicted!.Values![i]!.Value, 1e-4);
        Assert.All(predicted!.StandardErrors!, e => Assert.InRange(e!.Value, 0, 1e-2));
    }

    [Fact]
    public async Task Ask_tell_state_round_trips_through_the_generated_types()
    {
        var points = new List<double[]> { new[] { -2.19, 4.69 }, new[] { 5.31, 12.19 }, new[] { 9.06, 0.94 }, new[] { 1.56, 8.44 }, new[] { 0.0, 0.0 } };
        var values = new List<double?> { 50.2, 140.1, 10.9, 22.3, 55.6 };
        var first = await _client.V1.Optimization.Suggest.PostAsync(new SuggestRequest
        {
            Strategy = "ei", LowerBound = Lower, UpperBound = Upper, Points = Untyped(points), Values = values, BatchSize = 1, Seed = 1,
        });
        var suggested = Rows(first!.Points!);
        points.AddRange(suggested);
        values.AddRange(suggested.Select(_ => (double?)5.0));

        var second = await _client.V1.Optimization.Suggest.PostAsync(new SuggestRequest
        {
            Strategy = "ei", LowerBound = Lower, UpperBound = Upper, Points = Untyped(points), Values = values, BatchSize = 1, Seed = 2, State = first.State,
        });
        Assert.Equal(2, second!.State!.Iteration);
    }

    [Fact]
    public async Task A_client_mistake_arrives_as_the_documented_validation_problem()
    {
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            _client.V1.Samples.PostAsync(new SampleRequest { Method = "sobol", Count = 0, LowerBound = Lower, UpperBound = Upper }));
        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Contains("count", problem.Errors!.AdditionalData.Keys);
    }

    /// <summary>Nested arrays are free-form in the generated client (Kiota types no arrays of arrays).</summary>
    private static UntypedArray Untyped(IEnumerable<double[]> rows) =>
        new(rows.Select(row => (UntypedNode)new UntypedArray(row.Select(x => (UntypedNode)new UntypedDouble(x)).ToList())).ToList());

    private static List<double[]> Rows(UntypedNode node) =>
        ((UntypedArray)node).GetValue().Select(row => ((UntypedArray)row).GetValue().Select(Number).ToArray()).ToList();

    private static double Number(UntypedNode node) => node switch
    {
        UntypedDouble d => d.GetValue(),
        UntypedDecimal m => (double)m.GetValue(),
        UntypedInteger i => i.GetValue(),
        UntypedLong l => l.GetValue(),
        UntypedFloat f => f.GetValue(),
        _ => throw new InvalidOperationException($"Not a number: {node.GetType().Name}"),
    };
}
