metadata description = 'SurrogateService on Azure Container Apps: Log Analytics, Application Insights, managed environment, container registry, pull identity, the model store\'s storage account and the app.'

targetScope = 'resourceGroup'

@description('Name of this deployment (azd: AZURE_ENV_NAME, e.g. dev); with the resource group it seeds every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string = 'surrogate'

@description('Azure region for every resource; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Image to run, e.g. myregistry.azurecr.io/surrogate-service:1. Empty: keep the image the app runs now (apiExists), or on the very first provision a public placeholder until azd deploys the real one.')
param containerImage string = ''

@description('Whether the container app already exists (azd sets SERVICE_API_RESOURCE_EXISTS after its first deploy); a provision then keeps the running image.')
param apiExists bool = false

@description('Application (client) id of the API\'s Entra ID app registration.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Client id of the single-page app registration that Swagger UI and the explorer page sign in with; empty hides "sign in with Microsoft" (pasting a token still works).')
param signInClientId string = ''

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

@description('vCPU per replica; the memory follows (2 GiB per vCPU), the only pairs the Consumption profile allows.')
@allowed([
  '0.25'
  '0.5'
  '0.75'
  '1.0'
  '1.25'
  '1.5'
  '1.75'
  '2.0'
  '2.25'
  '2.5'
  '2.75'
  '3.0'
  '3.25'
  '3.5'
  '3.75'
  '4.0'
])
param cpuCores string = '2.0'

@description('Dapr application id under which other services invoke this one.')
param daprAppId string = 'surrogate-service'

@description('Seconds a replica gets between SIGTERM and SIGKILL; the service finishes in-flight requests within it.')
@minValue(0)
@maxValue(600)
param terminationGracePeriodSeconds int = 30

@description('Whether Container Apps built-in authentication (Entra ID, 401 for anonymous calls except the health endpoints) also checks tokens in front of the service.')
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

@description('Seconds one job-worker execution may run (replicaTimeout). Above the longest job, so that a job finishes in one execution; one that is cut off resumes from its last checkpoint in the next.')
@minValue(60)
@maxValue(86400)
param jobReplicaTimeoutSeconds int = 14400

@description('Times the platform retries a job-worker execution that failed to run (replicaRetryLimit); a job that keeps failing is ended by jobMaxAttempts instead.')
@minValue(0)
@maxValue(10)
param jobReplicaRetryLimit int = 1

@description('Most job-worker executions at once.')
@minValue(1)
@maxValue(1000)
param jobMaxExecutions int = 10

@description('Deliveries of a job\'s message before the job is failed as poison, with the last error as its reason.')
@minValue(1)
@maxValue(100)
param jobMaxAttempts int = 10

// The vCPU/memory pairs of the Consumption workload profile.
// https://learn.microsoft.com/azure/container-apps/containers#allocations
var memoryForCpu = {
  '0.25': '0.5Gi'
  '0.5': '1.0Gi'
  '0.75': '1.5Gi'
  '1.0': '2.0Gi'
  '1.25': '2.5Gi'
  '1.5': '3.0Gi'
  '1.75': '3.5Gi'
  '2.0': '4.0Gi'
  '2.25': '4.5Gi'
  '2.5': '5.0Gi'
  '2.75': '5.5Gi'
  '3.0': '6.0Gi'
  '3.25': '6.5Gi'
  '3.5': '7.0Gi'
  '3.75': '7.5Gi'
  '4.0': '8.0Gi'
}

// Listens on 8080 like every .NET 8+ ASP.NET image, so ingress, probes and Dapr find it on the first provision.
// https://learn.microsoft.com/dotnet/core/compatibility/containers/8.0/aspnet-port
var placeholderImage = 'mcr.microsoft.com/dotnet/samples:aspnetapp'

// Resource names: an environment name such as "Dev_Env.1" becomes "devenv1", lower-case letters and
// digits only, so it fits every resource type; the 13-character uniqueString keeps two environments
// in one resource group apart. Rules per type (length, characters):
// https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
var strippedEnvironmentName = toLower(join(split(environmentName, ['_', '.', '-', '(', ')', ' ']), ''))
var nameToken = empty(strippedEnvironmentName) ? 'env' : strippedEnvironmentName
var resourceToken = uniqueString(subscription().id, resourceGroup().id, environmentName)
var names = {
  // Microsoft.OperationalInsights/workspaces: 4-63, alphanumerics and hyphens, start and end alphanumeric.
  logAnalytics: 'log-${take(nameToken, 45)}-${resourceToken}'
  // Microsoft.Insights/components: 1-260, no %&\?/, not ending in space or period.
  applicationInsights: 'appi-${take(nameToken, 45)}-${resourceToken}'
  // Microsoft.App/managedEnvironments: 2-60, lower-case letters, digits and hyphens, start with a letter,
  // end alphanumeric (https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.ContainerApp.EnvNaming/).
  containerAppsEnvironment: 'cae-${take(nameToken, 42)}-${resourceToken}'
  // Microsoft.ContainerRegistry/registries: 5-50, alphanumerics, globally unique.
  registry: 'cr${take(nameToken, 35)}${resourceToken}'
  // Microsoft.ManagedIdentity/userAssignedIdentities: 3-128, alphanumerics, hyphens and underscores.
  pullIdentity: 'id-${take(nameToken, 45)}-${resourceToken}'
  // Microsoft.App/containerApps: 2-32, lower-case letters, digits and hyphens, start with a letter,
  // end alphanumeric, no "--".
  containerApp: 'ca-${take(nameToken, 15)}-${resourceToken}'
  // Microsoft.Storage/storageAccounts: 3-24, lower-case letters and digits only, globally unique.
  storage: 'st${take(nameToken, 9)}${resourceToken}'
  // Microsoft.App/jobs: 2-32, lower-case letters, digits and hyphens, start with a letter, end
  // alphanumeric, no "--" (the container apps' rule).
  jobWorker: 'caj-${take(nameToken, 14)}-${resourceToken}'
}
// The jobs' queue, table and container share one name that fits all three rules: queues 3-63 lower-case
// letters, digits and single hyphens (https://learn.microsoft.com/rest/api/storageservices/naming-queues-and-metadata),
// tables 3-63 alphanumerics starting with a letter (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model),
// containers as above. The service's defaults (Jobs:QueueName, TableName, ContainerName) are the same.
var jobsName = 'jobs'
// Blob containers: 3-63, lower-case letters, digits and single hyphens, starting and ending alphanumeric
// (https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata).
var modelsContainer = 'models'
var allTags = union(tags, { 'azd-env-name': environmentName })

module logAnalytics 'modules/log-analytics.bicep' = {
  name: 'logAnalytics'
  params: {
    name: names.logAnalytics
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module applicationInsights 'modules/application-insights.bicep' = {
  name: 'applicationInsights'
  params: {
    name: names.applicationInsights
    location: location
    tags: allTags
    workspaceId: logAnalytics.outputs.id
  }
}

module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  name: 'containerAppsEnvironment'
  params: {
    name: names.containerAppsEnvironment
    location: location
    tags: allTags
    logAnalyticsWorkspaceName: logAnalytics.outputs.name
    applicationInsightsName: applicationInsights.outputs.name
  }
}

module registry 'modules/container-registry.bicep' = {
  name: 'registry'
  params: {
    name: names.registry
    location: location
    tags: allTags
    sku: registrySku
  }
}

module pullIdentity 'modules/registry-pull-identity.bicep' = {
  name: 'pullIdentity'
  params: {
    name: names.pullIdentity
    location: location
    tags: allTags
    registryName: registry.outputs.name
  }
}

// azd's pattern: once the app exists, a provision keeps the image azd deployed instead of the placeholder
// (https://github.com/Azure/azure-dev/blob/main/templates/common/infra/bicep/core/host/container-app-upsert.bicep).
module runningImage 'modules/running-image.bicep' = {
  name: 'runningImage'
  params: {
    exists: apiExists
    name: names.containerApp
  }
}

module modelStorage 'modules/model-storage.bicep' = {
  name: 'modelStorage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    containerName: modelsContainer
  }
}

var image = !empty(containerImage) ? containerImage : (!empty(runningImage.outputs.image) ? runningImage.outputs.image : placeholderImage)

// Taking pullIdentity's outputs makes this deployment wait for the AcrPull role assignment.
module containerApp 'modules/container-app.bicep' = {
  name: 'containerApp'
  params: {
    name: names.containerApp
    location: location
    tags: union(allTags, { 'azd-service-name': 'api' })
    environmentId: containerAppsEnvironment.outputs.id
    identityResourceId: pullIdentity.outputs.resourceId
    registryLoginServer: registry.outputs.loginServer
    image: image
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    httpConcurrentRequests: httpConcurrentRequests
    cpuCores: cpuCores
    memory: memoryForCpu[cpuCores]
    daprAppId: daprAppId
    terminationGracePeriodSeconds: terminationGracePeriodSeconds
    tenantId: tenantId
    apiClientId: apiClientId
    signInClientId: signInClientId
    builtInAuthEnabled: builtInAuthEnabled
    applicationInsightsName: applicationInsights.outputs.name
    umBridgePort: umBridgePort
    storageBlobEndpoint: modelStorage.outputs.blobEndpoint
    modelsContainer: modelStorage.outputs.containerName
  }
}

// The app's own identity exists only once the app does, so its data role follows it; until the role
// has propagated, the store answers 503 with Retry-After rather than failing the start.
module modelStorageAccess 'modules/model-storage-access.bicep' = {
  name: 'modelStorageAccess'
  params: {
    storageAccountName: modelStorage.outputs.name
    principalId: containerApp.outputs.principalId
  }
}

// Asynchronous jobs (docs/jobs.md): the queue, table and container beside the models, the worker as an
// event-driven Container Apps Job, and data roles for both the app (which submits) and the worker.
module jobStorage 'modules/job-storage.bicep' = {
  name: 'jobStorage'
  params: {
    storageAccountName: modelStorage.outputs.name
    name: jobsName
  }
}

module jobWorker 'modules/job-worker.bicep' = {
  name: 'jobWorker'
  params: {
    name: names.jobWorker
    location: location
    tags: allTags
    environmentId: containerAppsEnvironment.outputs.id
    pullIdentityResourceId: pullIdentity.outputs.resourceId
    registryLoginServer: registry.outputs.loginServer
    image: image
    cpuCores: cpuCores
    memory: memoryForCpu[cpuCores]
    storageBlobEndpoint: modelStorage.outputs.blobEndpoint
    storageAccountName: modelStorage.outputs.name
    queueName: jobStorage.outputs.queueName
    modelsContainer: modelStorage.outputs.containerName
    replicaTimeoutSeconds: jobReplicaTimeoutSeconds
    replicaRetryLimit: jobReplicaRetryLimit
    maxExecutions: jobMaxExecutions
    maxAttempts: jobMaxAttempts
  }
}

// The app writes job records and queues messages (its blob role covers the jobs' container already).
module appJobAccess 'modules/job-storage-access.bicep' = {
  name: 'appJobAccess'
  params: {
    storageAccountName: modelStorage.outputs.name
    name: jobStorage.outputs.queueName
    principalId: containerApp.outputs.principalId
    blobAccess: false
  }
}

// The worker (and KEDA's scaler, with the same identity) reads the queue, records and documents, and stores the
// models of model-store jobs.
module workerJobAccess 'modules/job-storage-access.bicep' = {
  name: 'workerJobAccess'
  params: {
    storageAccountName: modelStorage.outputs.name
    name: jobStorage.outputs.queueName
    principalId: jobWorker.outputs.principalId
    blobAccess: true
    modelsContainerName: modelStorage.outputs.containerName
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

@description('Name of the storage account of stored models.')
output storageAccountName string = modelStorage.outputs.name

@description('Name of the Container Apps Job that works the asynchronous jobs.')
output jobWorkerName string = jobWorker.outputs.name

@description('Client id of the identity the app pulls images with.')
output identityClientId string = pullIdentity.outputs.clientId

@description('The registry azd pushes to (azd reads this output name).')
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
