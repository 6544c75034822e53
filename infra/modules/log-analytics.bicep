metadata description = 'Log Analytics workspace that receives the Container Apps console and system logs.'

@description('Name of the workspace.')
param name string

@description('Azure region of the workspace.')
param location string

@description('Tags applied to the workspace.')
param tags object

@description('Days the logs are kept (30 is included in the PerGB2018 price).')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

@description('Name of the workspace; the managed environment reads its keys by name.')
output name string = workspace.name

@description('Resource id of the workspace, for workspace-based Application Insights.')
output id string = workspace.id
