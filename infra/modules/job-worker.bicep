metadata description = 'The job worker: the service\'s image in worker mode as an event-driven Container Apps Job. KEDA\'s azure-queue scaler starts executions while the jobs queue holds messages, reading it with the job\'s own identity, so workers scale out with the queue and cost nothing at rest.'

@description('Name of the Container Apps Job.')
param name string

@description('Azure region of the job.')
param location string

@description('Tags applied to the job.')
param tags object

@description('Resource id of the Container Apps managed environment.')
param environmentId string

@description('Resource id of the user-assigned identity that pulls the image (AcrPull); kept out of the container.')
param pullIdentityResourceId string

@description('Login server of the container registry.')
param registryLoginServer string

@description('Image to run: the API\'s image, started with Mode=Worker.')
param image string

@description('vCPU of a worker replica, as a string (the memory follows at 2 GiB per vCPU).')
param cpuCores string

@description('Memory of a worker replica, e.g. 4Gi.')
param memory string

@description('Blob endpoint of the storage account that holds the jobs (its queue and table endpoints follow from it).')
param storageBlobEndpoint string

@description('Name of the storage account, for the scaler.')
param storageAccountName string

@description('Name of the jobs\' queue.')
param queueName string

@description('Name of the stored models\' container, where model-store jobs write.')
param modelsContainer string

@description('Seconds one execution may run before the platform stops it. A stopped execution loses nothing: its job resumes from its last checkpoint in the next execution. Set it above the longest job so that jobs finish in one execution.')
@minValue(60)
param replicaTimeoutSeconds int

@description('Times the platform restarts a failed execution. The service counts deliveries itself (Jobs__MaxAttempts) and fails a job that keeps failing, so this only covers an execution that could not start.')
@minValue(0)
@maxValue(10)
param replicaRetryLimit int

@description('Most executions running at once.')
@minValue(1)
@maxValue(1000)
param maxExecutions int

@description('Deliveries of one job\'s message before the job is failed as poison.')
@minValue(1)
param maxAttempts int

resource job 'Microsoft.App/jobs@2025-01-01' = {
  name: name
  location: location
  tags: tags
  // System-assigned: the worker's own identity for its data and for the scaler; user-assigned: the pull identity.
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${pullIdentityResourceId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      // https://learn.microsoft.com/azure/container-apps/jobs#event-driven-jobs
      triggerType: 'Event'
      replicaTimeout: replicaTimeoutSeconds
      replicaRetryLimit: replicaRetryLimit
      eventTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
        scale: {
          minExecutions: 0
          maxExecutions: maxExecutions
          pollingInterval: 30
          rules: [
            {
              // KEDA azure-queue scaler: one execution per visible message (queueLength 1), read with the
              // job's system-assigned identity instead of a connection string.
              // https://keda.sh/docs/latest/scalers/azure-storage-queue/
              name: 'jobs-queue'
              type: 'azure-queue'
              metadata: {
                accountName: storageAccountName
                queueName: queueName
                queueLength: '1'
              }
              identity: 'system'
            }
          ]
        }
      }
      registries: [
        {
          server: registryLoginServer
          identity: pullIdentityResourceId
        }
      ]
      // As in the app: the pull identity serves the platform only.
      identitySettings: [
        {
          identity: pullIdentityResourceId
          lifecycle: 'None'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: image
          resources: {
            cpu: json(cpuCores)
            memory: memory
          }
          env: [
            { name: 'Mode', value: 'Worker' }
            { name: 'DOTNET_ENVIRONMENT', value: 'Production' }
            { name: 'Storage__BlobServiceUri', value: storageBlobEndpoint }
            // A model-store job (POST /v1/models with a fit) writes where the app reads.
            { name: 'Storage__ModelsContainer', value: modelsContainer }
            { name: 'Jobs__QueueName', value: queueName }
            { name: 'Jobs__MaxAttempts', value: string(maxAttempts) }
            // An execution ends soon after the queue is empty; a message a dead worker left hidden
            // reappears within the visibility timeout and starts an execution of its own.
            { name: 'Jobs__WorkerIdleExitSeconds', value: '30' }
          ]
        }
      ]
    }
  }
}

@description('Name of the job.')
output name string = job.name

@description('Principal (object) id of the job\'s system-assigned identity, for its data roles.')
output principalId string = job.identity.principalId
