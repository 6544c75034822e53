using './main.bicep'

// Values come from the shell (azd passes its environment) so nothing tenant-specific is committed:
//   AZURE_CLIENT_ID_API          application (client) id of the API's app registration: REQUIRED,
//                                building the parameters fails without it
//   AZURE_CLIENT_ID_SIGNIN       client id of the single-page registration for "sign in with Microsoft" (optional)
//   AZURE_ENV_NAME               deployment name (azd sets it)
//   SERVICE_API_RESOURCE_EXISTS  "true" once the app exists (azd sets it after the first deploy)
//   SERVICE_API_IMAGE_NAME       image to run; unset keeps the running image (azd deploys it)
param apiClientId = readEnvironmentVariable('AZURE_CLIENT_ID_API')
param signInClientId = readEnvironmentVariable('AZURE_CLIENT_ID_SIGNIN', '')
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'surrogate')
// azd's own templates feed an "<service>AppExists" parameter from SERVICE_<NAME>_RESOURCE_EXISTS (default false):
// https://github.com/Azure/azure-dev/blob/main/templates/todo/projects/python-mongo-aca/.repo/bicep/infra/main.parameters.json
param apiExists = bool(readEnvironmentVariable('SERVICE_API_RESOURCE_EXISTS', 'false'))
param containerImage = readEnvironmentVariable('SERVICE_API_IMAGE_NAME', '')
