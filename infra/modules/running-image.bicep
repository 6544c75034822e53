metadata description = 'The image a container app runs now, so a provision keeps what `azd deploy` put there. Empty when the app does not exist yet.'

@description('Whether the container app exists (azd: SERVICE_<NAME>_RESOURCE_EXISTS).')
param exists bool

@description('Name of the container app.')
param name string

resource existingApp 'Microsoft.App/containerApps@2025-01-01' existing = if (exists) {
  name: name
}

@description('Image of the app\'s first container, or empty.')
output image string = exists ? existingApp!.properties.template.containers[0].image : ''
