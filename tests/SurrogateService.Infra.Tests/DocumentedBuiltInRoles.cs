namespace SurrogateService.Infra.Tests;

/// <summary>Built-in Azure roles as Microsoft documents them; the templates may assign only these.</summary>
internal static class DocumentedBuiltInRoles
{
    /// <summary>Role name → role definition id.</summary>
    public static IReadOnlyDictionary<string, string> IdsByName { get; } = new Dictionary<string, string>
    {
        // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers#acrpull
        ["AcrPull"] = "7f951dda-4ed3-4680-a7ca-43fe172d538d",
        // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-blob-data-contributor
        ["StorageBlobDataContributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    };
}
