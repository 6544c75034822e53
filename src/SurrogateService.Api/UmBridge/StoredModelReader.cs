using System.Security.Claims;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Auth;
using SurrogateService.Api.Models;
using SurrogateService.Api.Storage;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// Stored models for the <c>surrogate</c> model's <c>config.modelId</c>. The protocol carries no caller,
/// so the port reads one owner's models: the anonymous owner with authentication off, otherwise the
/// principal <see cref="UmBridgeOptions.ModelOwnerObjectId"/> in the configured tenant.
/// </summary>
public sealed class StoredModelReader(ModelSource source, IOptions<UmBridgeOptions> options, IOptions<StorageOptions> storage, IConfiguration configuration)
{
    private readonly string? _owner = OwnerOf(options.Value, configuration);

    /// <summary>
    /// Models are built synchronously by the protocol's handlers, so this waits for the store: one read on a
    /// cache miss, one existence check on a hit.
    /// </summary>
    public FittedSurrogate Read(string id)
    {
        if (_owner is null)
        {
            throw UmBridgeError.InvalidInput(
                "config.modelId is not available on this port: set UmBridge:ModelOwnerObjectId to the principal whose stored models it may serve.");
        }
        var errors = new RequestErrors();
        try
        {
            return source.StoredAsync(_owner, id, "config.modelId", errors, CancellationToken.None).GetAwaiter().GetResult()
                ?? throw UmBridgeError.InvalidInput(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }
        catch (ModelNotFoundException)
        {
            throw UmBridgeError.InvalidInput($"config.modelId: no stored model '{id}' for this port's owner.");
        }
        catch (StoreUnavailableException)
        {
            int seconds = storage.Value.UnavailableRetryAfterSeconds;
            throw new UmBridgeError(StatusCodes.Status503ServiceUnavailable, "ModelBusy", $"The model store is unavailable; retry after {seconds} s.")
            {
                RetryAfterSeconds = seconds,
            };
        }
    }

    private static string? OwnerOf(UmBridgeOptions options, IConfiguration configuration)
    {
        if (AuthenticationSetup.IsDisabled(configuration))
            return ModelOwner.Anonymous;
        if (string.IsNullOrWhiteSpace(options.ModelOwnerObjectId))
            return null;
        // The same owner segment a REST call of that principal gets.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("tid", configuration["AzureAd:TenantId"] ?? ""), new Claim("oid", options.ModelOwnerObjectId)], "UmBridge"));
        return ModelOwner.Of(principal, authenticationDisabled: false);
    }
}
