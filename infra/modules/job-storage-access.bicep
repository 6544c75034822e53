metadata description = 'Data roles of one identity on the jobs\' queue, table and (optionally) container, each scoped to that one resource: messages, records and documents, no keys and no account management.'

import { builtInRoleIds } from '../built-in-roles.bicep'

@description('Name of an existing storage account in the same resource group.')
param storageAccountName string

@description('Name of the jobs\' queue, table and container.')
param name string

@description('Principal (object) id of the identity that gets the roles.')
param principalId string

@description('Whether the identity also gets Storage Blob Data Contributor on the jobs\' container (the app has it on the whole account already).')
param blobAccess bool

@description('Name of the stored models\' container, for an identity that stores models (the worker runs POST /v1/models as a job); empty for none.')
param modelsContainerName string = ''

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource queue 'queues' existing = {
      name: name
    }
  }

  resource tableService 'tableServices' existing = {
    name: 'default'

    resource table 'tables' existing = {
      name: name
    }
  }

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: name
    }

    resource modelsContainer 'containers' existing = if (!empty(modelsContainerName)) {
      name: modelsContainerName
    }
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::queueService::queue.id, principalId, builtInRoleIds.StorageQueueDataContributor)
  scope: account::queueService::queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleIds.StorageQueueDataContributor)
    principalId: principalId
    // Skips the directory lookup that fails while a brand-new identity is still replicating.
    principalType: 'ServicePrincipal'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::tableService::table.id, principalId, builtInRoleIds.StorageTableDataContributor)
  scope: account::tableService::table
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleIds.StorageTableDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (blobAccess) {
  name: guid(account::blobService::container.id, principalId, builtInRoleIds.StorageBlobDataContributor)
  scope: account::blobService::container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleIds.StorageBlobDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Writes (and reads) the models a job stores: on that one container, as for the jobs' own.
resource modelsBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(modelsContainerName)) {
  name: guid(account::blobService::modelsContainer.id, principalId, builtInRoleIds.StorageBlobDataContributor)
  scope: account::blobService::modelsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleIds.StorageBlobDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
