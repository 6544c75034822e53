using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Models;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// UM-Bridge protocol version 1.0 at the root of its port. Every message and status follows the
/// protocol document (https://github.com/UM-Bridge/umbridge, docs/source/umbridge/lib.md): required
/// endpoints /InputSizes, /OutputSizes, /Info, /ModelInfo; optional /Evaluate, /Gradient,
/// /ApplyJacobian, /ApplyHessian, each announced per model in /ModelInfo's support object. An
/// endpoint validates, calls one model method and writes the answer; the maths is in Numerics.
/// </summary>
public static class UmBridgeEndpoints
{
    /// <summary>"protocolVersion" of GET /Info; the conformity suite for 1.0 checks it equals 1.0.</summary>
    public const double ProtocolVersion = 1.0;

    public static void MapUmBridge(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Info", (UmBridgeCatalog catalog) =>
            Results.Json(new InfoResponse(ProtocolVersion, catalog.Models.Select(m => m.Name).ToArray()), UmBridgeJson.Options));
        app.MapPost("/InputSizes", context => Answer(context, (request, model, _) =>
            new InputSizesResponse(model.Build(request.Config).InputSizes)));
        app.MapPost("/OutputSizes", context => Answer(context, (request, model, _) =>
            new OutputSizesResponse(model.Build(request.Config).OutputSizes)));
        app.MapPost("/ModelInfo", context => Answer(context, (_, model, _) =>
            new ModelInfoResponse(new Dictionary<string, bool>
            {
                ["Evaluate"] = true,
                ["Gradient"] = model.Differentiable,
                ["ApplyJacobian"] = model.Differentiable,
                ["ApplyHessian"] = false,
            })));
        app.MapPost("/Evaluate", context => Answer(context, (request, model, cancellation) =>
        {
            var built = model.Build(request.Config);
            return new EvaluateOutput(built.Evaluate(Inputs(request), cancellation));
        }, compute: true));
        app.MapPost("/Gradient", context => Answer(context, (request, model, cancellation) =>
        {
            var built = Differentiable(model, request, "Gradient");
            return new VectorOutput(ModelDerivatives.Gradient(built, Inputs(request), Index(request.OutWrt, "outWrt"),
                Index(request.InWrt, "inWrt"), request.Sens ?? throw UmBridgeError.InvalidInput("sens is required."), cancellation));
        }, compute: true));
        app.MapPost("/ApplyJacobian", context => Answer(context, (request, model, cancellation) =>
        {
            var built = Differentiable(model, request, "ApplyJacobian");
            return new VectorOutput(ModelDerivatives.ApplyJacobian(built, Inputs(request), Index(request.OutWrt, "outWrt"),
                Index(request.InWrt, "inWrt"), request.Vec ?? throw UmBridgeError.InvalidInput("vec is required."), cancellation));
        }, compute: true));
        app.MapPost("/ApplyHessian", context => Answer(context, (_, model, _) =>
            throw UmBridgeError.UnsupportedFeature(model.Name, "ApplyHessian", "no model of this service has second derivatives.")));
    }

    private static IVectorModel Differentiable(UmBridgeModel model, UmBridgeRequest request, string feature)
    {
        if (!model.Differentiable)
            throw UmBridgeError.UnsupportedFeature(model.Name, feature, "it has no analytic derivatives.");
        var built = model.Build(request.Config);
        return built.HasJacobian
            ? built
            : throw UmBridgeError.UnsupportedFeature(model.Name, feature, "this kind of surrogate has no analytic gradient (Kriging, radial bases and polynomials have one).");
    }

    private static IReadOnlyList<double[]> Inputs(UmBridgeRequest request) =>
        request.Input ?? throw UmBridgeError.InvalidInput("input is required: an array with one array of numbers per model input.");

    private static int Index(int? value, string name) => value ?? throw UmBridgeError.InvalidInput($"{name} is required.");

    /// <summary>
    /// Reads the request, finds the model, runs the work (heavy models in a heavy-work slot, every
    /// model under the REST timeouts) and writes the answer or the protocol's error object.
    /// </summary>
    private static async Task Answer(HttpContext context, Func<UmBridgeRequest, UmBridgeModel, CancellationToken, object> work, bool compute = false)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        try
        {
            var request = await ReadAsync(context);
            var model = context.RequestServices.GetRequiredService<UmBridgeCatalog>().Find(request.Name);
            bool heavy = compute && model.Heavy;
            using var slot = await context.RequestServices.GetRequiredService<InlineFitGate>().EnterAsync(heavy, context, context.RequestAborted);
            if (slot.Refused)
                throw UmBridgeError.Busy(limits.RetryAfterSeconds);
            int seconds = heavy ? limits.HeavyRequestTimeoutSeconds : limits.LightRequestTimeoutSeconds;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
            object answer;
            long started = Stopwatch.GetTimestamp();
            try
            {
                answer = work(request, model, timeout.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                throw UmBridgeError.Timeout(seconds);
            }
            catch (ModelInputException ex)
            {
                throw UmBridgeError.InvalidInput(ex.Message);
            }
            catch (NotSupportedException ex)
            {
                throw UmBridgeError.UnsupportedFeature(model.Name, "this request", ex.Message);
            }
            // The model's share of the request, for clients and the benchmark (W3C Server-Timing).
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
                $"model;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F3}");
            await context.Response.WriteAsJsonAsync(answer, answer.GetType(), UmBridgeJson.Options, context.RequestAborted);
        }
        catch (UmBridgeError error)
        {
            await error.WriteAsync(context.Response);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody is left to answer.
        }
    }

    private static async Task<UmBridgeRequest> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<UmBridgeRequest>(context.Request.Body, UmBridgeJson.Options, context.RequestAborted)
                ?? throw UmBridgeError.InvalidInput("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw UmBridgeError.InvalidInput($"The body is not a valid request: {ex.Message}");
        }
    }
}
