using System.Text.Json;
using SurrogateService.Numerics.Models;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// One model the port offers: its name, whether it is heavy work (it then takes a heavy-work slot
/// and gets the heavy timeout), what /ModelInfo announces, and how a request's config becomes a model.
/// </summary>
/// <param name="Differentiable">What /ModelInfo says of Gradient and ApplyJacobian.</param>
/// <param name="Build">Config to model; throws an InvalidInput <see cref="UmBridgeError"/> for a bad config.</param>
public sealed record UmBridgeModel(string Name, bool Heavy, bool Differentiable, Func<JsonElement?, IVectorModel> Build);
