metadata description = 'What asynchronous jobs keep in the model store\'s account: the work queue, the table of job records and the blob container of requests, checkpoints and results.'

@description('Name of an existing storage account in the same resource group.')
param storageAccountName string

@description('Name of the queue, the table and the container (one name fits all three rules: see main.bicep).')
param name string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: name
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: name
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: account
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: name
  properties: {
    publicAccess: 'None'
  }
}

@description('Name of the work queue.')
output queueName string = queue.name

@description('Name of the table of job records.')
output tableName string = table.name

@description('Name of the container of job documents.')
output containerName string = container.name
