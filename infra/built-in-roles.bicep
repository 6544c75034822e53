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
  // Storage Queue Data Contributor: "Read, write, and delete Azure Storage queues and queue messages".
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-queue-data-contributor
  StorageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Storage Table Data Contributor: "Allows for read, write and delete access to Azure Storage tables and entities".
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage#storage-table-data-contributor
  StorageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}
