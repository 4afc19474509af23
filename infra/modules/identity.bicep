// The app's one identity: every connection it makes (task hub, deployment package, feed, telemetry) signs in as it.

@description('Name of the user-assigned managed identity.')
param name string

@description('Region of the identity.')
param location string

@description('Tags of the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for the app\'s identity block and the deployment container\'s authentication.')
output id string = identity.id

@description('Client id, which the app settings name so that the SDKs ask for this identity.')
output clientId string = identity.properties.clientId

@description('Object id, which the role assignments grant to.')
output principalId string = identity.properties.principalId
