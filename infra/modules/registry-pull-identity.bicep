metadata description = 'User-assigned identity that may pull from the registry (AcrPull). The container app takes this module\'s outputs, so it is created only after the role assignment exists.'

import { builtInRoleIds } from '../built-in-roles.bicep'

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

@description('Name of an existing container registry in the same resource group.')
param registryName string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, builtInRoleIds.AcrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoleIds.AcrPull)
    principalId: identity.properties.principalId
    // Skips the directory lookup that fails while a brand-new identity is still replicating.
    principalType: 'ServicePrincipal'
  }
}

@description('Resource id of the identity, for the app\'s identity and registry settings.')
output resourceId string = identity.id

@description('Client id of the identity.')
output clientId string = identity.properties.clientId
