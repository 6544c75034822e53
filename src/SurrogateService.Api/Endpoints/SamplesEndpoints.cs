using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Api.Endpoints;

/// <summary>Sampling plans in a box: Sobol, Halton, Latin hypercube, …</summary>
public static class SamplesEndpoints
{
    public static RouteGroupBuilder MapSamples(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/samples").WithTags("Sampling");
        group.MapGet("/methods", ListMethods)
            .WithName("listSamplingMethods")
            .WithSummary("Lists the sampling methods and their options.");
        group.MapPost("/", Sample)
            .WithName("drawSamples")
            .WithSummary("Draws a sampling plan of `count` points in the box [lowerBound, upperBound], or on a section of it with some coordinates fixed (`section`).");
        return group;
    }

    private static Ok<SamplingMethodInfo[]> ListMethods() =>
        TypedResults.Ok(SamplingMethods.All
            .Select(m => new SamplingMethodInfo(m.Name, m.Description, m.UsesSeed, m.Options.Select(OptionInfo.From).ToArray()))
            .ToArray());

    private static Results<Ok<SampleResponse>, ValidationProblem> Sample(SampleRequest request, IOptions<LimitsOptions> limits)
    {
        var errors = new RequestErrors();
        var limit = limits.Value;
        var method = NameLookup.Find(request.Method, "method", errors, SamplingMethods.All, m => m.Name);
        var box = BoundsValidator.Validate(request.LowerBound, request.UpperBound, errors, limit.MaxDimension);
        if (request.Count is not int count)
            errors.Add("count", "Is required.");
        else if (count < 1 || count > limit.MaxSampleCount)
            errors.Add("count", $"Must be between 1 and {limit.MaxSampleCount}.");
        else if (box is not null && (long)count * box.Dimension > limit.MaxSampleCoordinates)
            errors.Add("count", $"count × dimension must be at most {limit.MaxSampleCoordinates}.");
        if (request.Seed is < 0)
            errors.Add("seed", "Must be a non-negative integer.");
        var options = method is null ? null : OptionsBinder.Bind(request.Options, method.Options, "options", errors);
        if (request.Section is { } section && box is not null)
            SectionReader.Check(section, box, errors);
        if (!errors.IsEmpty || method is null || box is null || options is null)
            return errors.ToProblem();

        long seed = request.Seed ?? Random.Shared.NextInt64(0, 1L << 53);
        try
        {
            var points = request.Section is { } fixedValues
                ? SectionSampling.Sample(method, request.Count!.Value, box, fixedValues, options, (ulong)seed)
                : method.Sample(request.Count!.Value, box, options, (ulong)seed);
            return TypedResults.Ok(new SampleResponse(method.Name, seed, points.ToRows()));
        }
        catch (ArgumentException ex)
        {
            // What only the method itself can judge (Sobol's table size, a grid larger than count)
            // comes back as an argument error; name the request field it concerns.
            string field = ex.ParamName switch
            {
                "box" => "lowerBound",
                "options" => "options",
                "section" => "section",
                _ => "count",
            };
            errors.Add(field, ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
            return errors.ToProblem();
        }
    }
}
