namespace SurrogateService.Api.UmBridge;

/// <summary>
/// The UM-Bridge port (configuration section <c>UmBridge</c>). The protocol has no authentication,
/// so the port is off unless <see cref="Port"/> is set, and outside Development it starts only with
/// <see cref="AllowUnauthenticated"/> as an explicit opt-in; infra/ exposes it only inside the
/// Container Apps environment.
/// </summary>
public sealed class UmBridgeOptions
{
    public const string SectionName = "UmBridge";

    /// <summary>The port of its own that the protocol is served on; null (the default) keeps it off, 0 picks a free port. 4242 is the community's usual port.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// Required (true) to open the port in any environment but Development: the caller confirms that
    /// only trusted callers can reach it (in Azure, an internal port of the Container Apps environment).
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>The models offered, in the order of /Info; empty offers all (benchmark functions, acoustic2d, surrogate).</summary>
    public string[] Models { get; set; } = [];

    /// <summary>A fitted-model document (JSON file) that the <c>surrogate</c> model uses when a request's config carries none.</summary>
    public string? SurrogateModelFile { get; set; }

    /// <summary>
    /// With Entra ID on, the object id (<c>oid</c>) of the principal whose stored models the <c>surrogate</c>
    /// model's <c>config.modelId</c> may name, in the tenant of <c>AzureAd:TenantId</c>: the protocol carries no
    /// caller, so the port serves one owner's models. Unset, <c>modelId</c> is refused. With authentication off
    /// every model belongs to the one anonymous owner and this is not needed.
    /// </summary>
    public string? ModelOwnerObjectId { get; set; }
}
