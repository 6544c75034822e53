metadata description = 'Application Insights (workspace-based) that receives the service\'s OpenTelemetry traces and metrics.'

@description('Name of the Application Insights component.')
param name string

@description('Azure region of the component.')
param location string

@description('Tags applied to the component.')
param tags object

@description('Resource id of the Log Analytics workspace that stores the telemetry.')
param workspaceId string

resource component 'Microsoft.Insights/components@2020-02-02' = {
  name: name
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspaceId
    IngestionMode: 'LogAnalytics'
  }
}

@description('Name of the component; the container app reads its connection string by name, so no secret passes through outputs.')
output name string = component.name
