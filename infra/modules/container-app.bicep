metadata description = 'The SurrogateService container app: external HTTPS ingress on 8080, health probes, HTTP scaling from zero, Dapr sidecar, identity-based registry pull and Container Apps built-in authentication (deployed always, switched by a parameter).'

@description('Name of the container app.')
@minLength(2)
@maxLength(32)
param name string

@description('Azure region of the container app.')
param location string

@description('Tags applied to the container app.')
param tags object

@description('Resource id of the Container Apps managed environment.')
param environmentId string

@description('Resource id of the user-assigned identity that holds AcrPull on the registry.')
param identityResourceId string

@description('Login server of the registry the identity pulls from.')
param registryLoginServer string

@description('Full image reference to run.')
param image string

@description('Fewest replicas; 0 lets the app scale to zero when idle.')
@minValue(0)
@maxValue(1000)
param minReplicas int

@description('Most replicas.')
@minValue(1)
@maxValue(1000)
param maxReplicas int

@description('Concurrent HTTP requests per replica before another replica is added.')
@minValue(1)
param httpConcurrentRequests int

@description('vCPU per replica, as a decimal string; with memory, one of the pairs the Consumption profile allows.')
param cpuCores string

@description('Memory per replica, e.g. 4.0Gi.')
param memory string

@description('Dapr application id of the service.')
param daprAppId string

@description('Seconds a replica gets between SIGTERM and SIGKILL.')
@minValue(0)
@maxValue(600)
param terminationGracePeriodSeconds int

@description('Directory (tenant) id that issues the tokens the API accepts.')
param tenantId string

@description('Application (client) id of the API\'s app registration.')
param apiClientId string

@description('Client id of the single-page app registration that Swagger UI and the explorer page sign in with; empty hides "sign in with Microsoft".')
param signInClientId string

@description('Whether Container Apps built-in authentication also checks tokens in front of the service.')
param builtInAuthEnabled bool

@description('Name of the Application Insights component the service exports OpenTelemetry to.')
param applicationInsightsName string

@description('Blob endpoint of the storage account that holds stored models (https://<account>.blob.core.windows.net/); the app reaches it with its system-assigned identity.')
param storageBlobEndpoint string

@description('Blob container of stored models in that account.')
param modelsContainer string

// The image's contract: Dockerfile EXPOSE and ASPNETCORE_HTTP_PORTS use the same port (a test keeps them equal).
var containerPort = 8080
var livenessPath = '/healthz/live'
var readinessPath = '/healthz/ready'

// The same probes for every image. They are TCP checks on the container port because the first
// provision runs a public placeholder that serves none of the service's paths, and a revision whose
// replicas never pass their probes fails the deployment; every .NET 8+ ASP.NET image listens on 8080.
// https://learn.microsoft.com/azure/container-apps/health-probes
// https://learn.microsoft.com/dotnet/core/compatibility/containers/8.0/aspnet-port
var healthProbes = [
  {
    type: 'Startup'
    tcpSocket: { port: containerPort }
    initialDelaySeconds: 1
    periodSeconds: 3
    timeoutSeconds: 2
    failureThreshold: 10
  }
  {
    type: 'Liveness'
    tcpSocket: { port: containerPort }
    periodSeconds: 10
    timeoutSeconds: 3
    failureThreshold: 3
  }
  {
    type: 'Readiness'
    tcpSocket: { port: containerPort }
    periodSeconds: 5
    timeoutSeconds: 3
    failureThreshold: 3
    successThreshold: 1
  }
]

@description('Port of the UM-Bridge protocol, which has no authentication: mapped internal to the Container Apps environment only, so other apps in it can call it and nothing outside can. 0 leaves it off.')
@minValue(0)
@maxValue(65535)
param umBridgePort int = 0

// The service opens the port only with the explicit opt-in outside Development (docs/umbridge.md, "Security").
var umBridgeEnv = umBridgePort == 0 ? [] : [
  { name: 'UmBridge__Port', value: string(umBridgePort) }
  { name: 'UmBridge__AllowUnauthenticated', value: 'true' }
]

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: name
  location: location
  tags: tags
  // The system-assigned identity is the app's own, for its data (Storage Blob Data Contributor on the
  // model store, granted in main.bicep); DefaultAzureCredential picks it up inside the container.
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      secrets: [
        { name: 'appinsights-connection-string', value: applicationInsights.properties.ConnectionString }
      ]
      ingress: {
        external: true
        targetPort: containerPort
        transport: 'auto'
        allowInsecure: false
        // IngressPortMapping: "external: Specifies whether the app port is accessible outside of the
        // environment" (https://learn.microsoft.com/javascript/api/@azure/arm-appcontainers/ingressportmapping).
        additionalPortMappings: umBridgePort == 0 ? [] : [
          { external: false, targetPort: umBridgePort }
        ]
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityResourceId
        }
      ]
      // The pull identity serves the platform only: lifecycle None keeps it out of the containers,
      // so application code cannot obtain tokens with it.
      // https://learn.microsoft.com/azure/templates/microsoft.app/2025-01-01/containerapps#identitysettings
      identitySettings: [
        {
          identity: identityResourceId
          lifecycle: 'None'
        }
      ]
      dapr: {
        enabled: true
        appId: daprAppId
        appPort: containerPort
        appProtocol: 'http'
      }
    }
    template: {
      terminationGracePeriodSeconds: terminationGracePeriodSeconds
      containers: [
        {
          name: 'api'
          image: image
          resources: {
            cpu: json(cpuCores)
            memory: memory
          }
          env: concat([
            { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
            { name: 'AzureAd__Instance', value: environment().authentication.loginEndpoint }
            { name: 'AzureAd__TenantId', value: tenantId }
            // No AzureAd__Audience: the service then accepts both the bare client id (v2 tokens)
            // and api://<client id> (v1 tokens, e.g. from managed identities).
            { name: 'AzureAd__ClientId', value: apiClientId }
            { name: 'BrowserSignIn__ClientId', value: signInClientId }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection-string' }
            // In-flight requests get the grace period less a margin for the process to exit.
            { name: 'Hosting__ShutdownTimeoutSeconds', value: string(max(terminationGracePeriodSeconds - 5, 1)) }
            // Stored models (docs/model-store.md): Blob Storage through the managed identity, no key.
            { name: 'Storage__BlobServiceUri', value: storageBlobEndpoint }
            { name: 'Storage__ModelsContainer', value: modelsContainer }
          ], umBridgeEnv)
          probes: healthProbes
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(httpConcurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}

// Deployed whether or not it is enabled: an incremental deployment never deletes a resource, so a
// conditional authConfig would stay switched on after the parameter turned it off.
// Schema: https://learn.microsoft.com/azure/templates/microsoft.app/2025-01-01/containerapps/authconfigs
resource authConfig 'Microsoft.App/containerApps/authConfigs@2025-01-01' = {
  parent: app
  name: 'current'
  properties: {
    platform: {
      enabled: builtInAuthEnabled
    }
    globalValidation: {
      unauthenticatedClientAction: 'Return401'
      // The health endpoints answer anonymously (the smoke script calls them without a token).
      excludedPaths: [
        livenessPath
        readinessPath
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: apiClientId
          // "<authentication-endpoint>/<TENANT-ID>/v2.0"; the client id is always an allowed audience,
          // api://<client id> is added for v1 tokens.
          // https://learn.microsoft.com/azure/container-apps/authentication-entra#entra-id-secrets
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            apiClientId
            'api://${apiClientId}'
          ]
        }
      }
    }
  }
}

@description('Name of the container app.')
output name string = app.name

@description('Principal (object) id of the app\'s system-assigned identity, for role assignments on its data.')
output principalId string = app.identity.principalId

@description('Public HTTPS address of the app.')
output url string = 'https://${app.properties.configuration.ingress.fqdn}'
