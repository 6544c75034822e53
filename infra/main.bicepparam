using './main.bicep'

// Values come from the shell so nothing tenant-specific is committed:
//   AZURE_CLIENT_ID_API     application (client) id of the API's app registration
//   SERVICE_API_IMAGE_NAME  image to run; unset on the first deployment (a placeholder runs)
//   AZURE_ENV_NAME          short deployment name (azd sets it)
param apiClientId = readEnvironmentVariable('AZURE_CLIENT_ID_API', '00000000-0000-0000-0000-000000000000')
param containerImage = readEnvironmentVariable('SERVICE_API_IMAGE_NAME', '')
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'surrogate')
