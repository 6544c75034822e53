metadata description = 'Azure Container Registry for the service image; pulls use Entra ID identities, never the admin user.'

@description('Registry name: 5-50 alphanumeric characters, globally unique.')
@minLength(5)
@maxLength(50)
param name string

@description('Azure region of the registry.')
param location string

@description('Tags applied to the registry.')
param tags object

@description('Registry SKU; Basic is enough for one image pulled by one app.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

@description('Name of the registry (for az acr build).')
output name string = registry.name

@description('Login server of the registry, e.g. myregistry.azurecr.io.')
output loginServer string = registry.properties.loginServer
