using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using SurrogateService.Api.Contracts;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Marks as <c>required</c> what a client must send or can count on: the request members without
/// which the readers in Validation/ answer 400, and every member of a response that cannot be null.
/// Request records declare all members nullable so that a missing one reaches the reader (and gets a
/// message naming it) instead of failing in the serializer; hence the table. RequiredMembersTests
/// keeps it equal to what the readers refuse.
/// </summary>
internal sealed class RequiredMembersSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, string[]> RequestMembers = new()
    {
        [typeof(EvaluateRequest)] = [nameof(EvaluateRequest.Points)],
        [typeof(SampleRequest)] = [nameof(SampleRequest.Method), nameof(SampleRequest.Count), nameof(SampleRequest.LowerBound), nameof(SampleRequest.UpperBound)],
        [typeof(FitRequest)] = [nameof(FitRequest.Kind), nameof(FitRequest.Points), nameof(FitRequest.Values), nameof(FitRequest.LowerBound), nameof(FitRequest.UpperBound)],
        [typeof(ModelDocument)] =
        [
            nameof(ModelDocument.FormatVersion), nameof(ModelDocument.Kind), nameof(ModelDocument.LowerBound), nameof(ModelDocument.UpperBound),
            nameof(ModelDocument.Points), nameof(ModelDocument.Values), nameof(ModelDocument.Parameters),
        ],
        [typeof(LowFidelityData)] = [nameof(LowFidelityData.Points), nameof(LowFidelityData.Values)],
        [typeof(PredictRequest)] = [nameof(PredictRequest.Points)],
        [typeof(SuggestRequest)] = [nameof(SuggestRequest.Strategy), nameof(SuggestRequest.LowerBound), nameof(SuggestRequest.UpperBound), nameof(SuggestRequest.Points), nameof(SuggestRequest.Values)],
        // The other state members are required or refused depending on the strategy that wrote the state.
        [typeof(OptimizerStateInfo)] = [nameof(OptimizerStateInfo.Strategy), nameof(OptimizerStateInfo.Iteration)],
        [typeof(RunRequest)] = [nameof(RunRequest.Function), nameof(RunRequest.Strategy), nameof(RunRequest.InitialSamples), nameof(RunRequest.MaxEvaluations)],
        [typeof(InitialSamplesSpec)] = [nameof(InitialSamplesSpec.Count)],
        [typeof(FunctionPlotRequest)] = [nameof(FunctionPlotRequest.Function)],
        [typeof(PlotSampling)] = [nameof(PlotSampling.Method), nameof(PlotSampling.Count)],
        [typeof(OptimizationPlotRequest)] = [nameof(OptimizationPlotRequest.Function), nameof(OptimizationPlotRequest.Trace)],
        [typeof(PlotTraceEntry)] = [nameof(PlotTraceEntry.Point), nameof(PlotTraceEntry.Value)],
    };

    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties)
            return;
        var required = RequestMembers.TryGetValue(context.Type, out var members)
            ? members.Select(JsonNamingPolicy.CamelCase.ConvertName)
            : NonNullableMembers(context.Type);
        foreach (string name in required.Where(properties.ContainsKey))
        {
            concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
            concrete.Required.Add(name);
        }
    }

    /// <summary>A response member whose type cannot be null is always written.</summary>
    private IEnumerable<string> NonNullableMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => _nullability.Create(p).ReadState == NullabilityState.NotNull)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
