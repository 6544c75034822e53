metadata description = 'Every Azure built-in role the templates assign, in one place. Import the ids with: import { builtInRoleIds } from \'built-in-roles.bicep\''

// Built-in role definition ids are the same GUID in every tenant and subscription.
@export()
@description('Built-in role definition ids by role name.')
var builtInRoleIds = {
  // AcrPull: "Pull artifacts from a container registry".
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers#acrpull
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  // Storage Blob Data Contributor: "Read, write, and delete Azure Storage containers and blobs".
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-blob-data-contributor
  StorageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}
