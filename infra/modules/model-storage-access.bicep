metadata description = 'Storage Blob Data Contributor on the model store\'s account for the app\'s identity: read, write and delete blobs, no keys and no account management.'

import { builtInRoleIds } from '../built-in-roles.bicep'

@description('Name of an existing storage account in the same resource group.')
param storageAccountName string

@description('Principal (object) id of the identity that gets the role.')
param principalId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, builtInRoleIds.StorageBlobDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleIds.StorageBlobDataContributor)
    principalId: principalId
    // Skips the directory lookup that fails while a brand-new identity is still replicating.
    principalType: 'ServicePrincipal'
  }
}
