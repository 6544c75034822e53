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
        // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-queue-data-contributor
        ["StorageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-table-data-contributor
        ["StorageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    };
}
