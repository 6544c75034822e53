metadata description = 'SurrogateService on Azure Container Apps: Log Analytics, managed environment, container registry, pull identity and the app.'

targetScope = 'resourceGroup'

@description('Short name of this deployment (e.g. dev, prod); seeds the resource names.')
@minLength(1)
@maxLength(16)
param environmentName string = 'surrogate'

@description('Azure region for every resource; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Name of the container app.')
@minLength(2)
@maxLength(32)
param appName string = 'surrogate-service'

@description('Image to run, e.g. myregistry.azurecr.io/surrogate-service:1. Leave empty on the first deployment: a public placeholder runs until the image has been built into the registry.')
param containerImage string = ''

@description('Application (client) id of the API\'s Entra ID app registration.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Audience the API accepts in access tokens; the app registration\'s identifier URI.')
param apiAudience string = 'api://${apiClientId}'

@description('Directory (tenant) id that issues the tokens; defaults to the deployment\'s tenant.')
param tenantId string = tenant().tenantId

@description('Fewest replicas; 0 lets the app scale to zero when idle (the next request then waits for a cold start).')
@minValue(0)
@maxValue(1000)
param minReplicas int = 0

@description('Most replicas.')
@minValue(1)
@maxValue(1000)
param maxReplicas int = 10

@description('Concurrent HTTP requests per replica before the HTTP scale rule adds a replica.')
@minValue(1)
param httpConcurrentRequests int = 20

@description('vCPU per replica. On the Consumption profile memory must be twice the vCPU in Gi.')
@allowed([
  '0.5'
  '1'
  '1.5'
  '2'
  '3'
  '4'
])
param cpuCores string = '2'

@description('Memory per replica; twice the vCPU on the Consumption profile.')
@allowed([
  '1Gi'
  '2Gi'
  '3Gi'
  '4Gi'
  '6Gi'
  '8Gi'
])
param memory string = '4Gi'

@description('Dapr application id under which other services invoke this one.')
param daprAppId string = 'surrogate-service'

@description('Seconds a replica gets between SIGTERM and SIGKILL; the service finishes in-flight requests within it.')
@minValue(0)
@maxValue(600)
param terminationGracePeriodSeconds int = 30

@description('Also put Container Apps built-in authentication (Entra ID, 401 for anonymous calls except the health probes) in front of the service.')
param builtInAuthEnabled bool = false

@description('Container registry SKU.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param registrySku string = 'Basic'

@description('Days Log Analytics keeps the logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tags applied to every resource.')
param tags object = {}

@description('UM-Bridge port (4242 is the community\'s usual one), internal to the Container Apps environment; 0 leaves it off.')
@minValue(0)
@maxValue(65535)
param umBridgePort int = 0

// Listens on 8080 like every .NET 8+ ASP.NET image, so ingress and Dapr find it on the first deployment.
var placeholderImage = 'mcr.microsoft.com/dotnet/samples:aspnetapp'
var runsPlaceholder = empty(containerImage)
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var allTags = union(tags, { 'azd-env-name': environmentName })

module logAnalytics 'modules/log-analytics.bicep' = {
  name: 'logAnalytics'
  params: {
    name: 'log-${environmentName}-${resourceToken}'
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module applicationInsights 'modules/application-insights.bicep' = {
  name: 'applicationInsights'
  params: {
    name: 'appi-${environmentName}-${resourceToken}'
    location: location
    tags: allTags
    workspaceId: logAnalytics.outputs.id
  }
}

module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  name: 'containerAppsEnvironment'
  params: {
    name: 'cae-${environmentName}-${resourceToken}'
    location: location
    tags: allTags
    logAnalyticsWorkspaceName: logAnalytics.outputs.name
  }
}

module registry 'modules/container-registry.bicep' = {
  name: 'registry'
  params: {
    name: 'cr${resourceToken}'
    location: location
    tags: allTags
    sku: registrySku
  }
}

module pullIdentity 'modules/registry-pull-identity.bicep' = {
  name: 'pullIdentity'
  params: {
    name: 'id-${environmentName}-${resourceToken}'
    location: location
    tags: allTags
    registryName: registry.outputs.name
  }
}

// Taking pullIdentity's outputs makes this deployment wait for the AcrPull role assignment.
module containerApp 'modules/container-app.bicep' = {
  name: 'containerApp'
  params: {
    name: appName
    location: location
    tags: union(allTags, { 'azd-service-name': 'api' })
    environmentId: containerAppsEnvironment.outputs.id
    identityResourceId: pullIdentity.outputs.resourceId
    registryLoginServer: registry.outputs.loginServer
    image: runsPlaceholder ? placeholderImage : containerImage
    isPlaceholderImage: runsPlaceholder
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    httpConcurrentRequests: httpConcurrentRequests
    cpuCores: cpuCores
    memory: memory
    daprAppId: daprAppId
    terminationGracePeriodSeconds: terminationGracePeriodSeconds
    tenantId: tenantId
    apiClientId: apiClientId
    apiAudience: apiAudience
    builtInAuthEnabled: builtInAuthEnabled
    applicationInsightsName: applicationInsights.outputs.name
    umBridgePort: umBridgePort
  }
}

@description('Public HTTPS address of the service.')
output appUrl string = containerApp.outputs.url

@description('Name of the container app (for az containerapp update / logs).')
output appName string = containerApp.outputs.name

@description('Name of the container registry (for az acr build).')
output registryName string = registry.outputs.name

@description('Login server of the container registry; images are <loginServer>/surrogate-service:<tag>.')
output registryLoginServer string = registry.outputs.loginServer

@description('Client id of the identity the app pulls images with.')
output identityClientId string = pullIdentity.outputs.clientId

@description('The registry azd pushes to (azd reads this output name).')
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
