metadata description = 'Container Apps managed environment (Consumption workload profile) that ships its logs to Log Analytics, sends Dapr telemetry to Application Insights and encrypts traffic between apps.'

@description('Name of the managed environment.')
param name string

@description('Azure region of the managed environment.')
param location string

@description('Tags applied to the managed environment.')
param tags object

@description('Name of an existing Log Analytics workspace in the same resource group.')
param logAnalyticsWorkspaceName string

@description('Name of an existing Application Insights component in the same resource group; Dapr exports its service-to-service telemetry there.')
param applicationInsightsName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource managedEnvironment 'Microsoft.App/managedEnvironments@2025-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        // Read here rather than passed in, so the key never appears in a module output.
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    // Read here rather than passed in, like the workspace key. Property reference:
    // https://learn.microsoft.com/azure/templates/microsoft.app/2025-01-01/managedenvironments
    daprAIConnectionString: applicationInsights.properties.ConnectionString
    // Traffic between apps (Dapr service invocation included) is encrypted inside the environment.
    peerTrafficConfiguration: {
      encryption: {
        enabled: true
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: false
  }
}

@description('Resource id of the managed environment.')
output id string = managedEnvironment.id
