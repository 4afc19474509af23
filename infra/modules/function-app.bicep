// The Function app on a Flex Consumption plan (FC1): .NET 10 isolated worker, its package in a blob container read
// with the app's identity, and app settings that are all identity-based. None of the settings Flex Consumption rejects
// (FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT*): the runtime and
// the package live in functionAppConfig instead.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function app (its host name is {name}.azurewebsites.net).')
param appName string

@description('Region of both.')
param location string

@description('Tags of both; the app also gets the azd service name.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, which the identity-based settings name.')
param identityClientId string

@description('Name of the storage account of the host: task hub, deployment package.')
param hostStorageName string

@description('Blob container of the deployment package in the host account.')
param deploymentContainer string

@description('Name of the storage account of the input and output containers.')
param feedStorageName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Memory of each instance, in MB.')
param instanceMemoryMB int

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Always-ready instances of the durable group.')
param durableAlwaysReadyInstances int

@description('NCRONTAB schedule of the nightly extension.')
param dailySchedule string

@description('Batches a run keeps in flight by default.')
param maxParallelBatches int

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'feed' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: 'https://${hostStorageName}.blob.${environment().suffixes.storage}/${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // The durable group: orchestrators and activities, which scale together.
        alwaysReady: durableAlwaysReadyInstances > 0 ? [{ name: 'durable', instanceCount: durableAlwaysReadyInstances }] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The host (task hub, timers, blob receipts): the account's default endpoints, signed in as the identity.
        { name: 'AzureWebJobsStorage__accountName', value: hostStorageName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The feed (inputs, outputs) and the blob trigger's poison queue.
        { name: 'FeedStorage__blobServiceUri', value: 'https://${feedStorageName}.blob.${environment().suffixes.storage}' }
        { name: 'FeedStorage__queueServiceUri', value: 'https://${feedStorageName}.queue.${environment().suffixes.storage}' }
        { name: 'FeedStorage__credential', value: 'managedidentity' }
        { name: 'FeedStorage__clientId', value: identityClientId }
        { name: 'DailySchedule', value: dailySchedule }
        // Run defaults (section Wrapped, FeedDefaults); the others keep the code's defaults.
        { name: 'Wrapped__MaxParallelBatches', value: string(maxParallelBatches) }
        // The connection string names the component, it holds no secret: local auth is off, telemetry is sent as the identity.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
      ]
    }
  }
}

// No FTP or publishing-profile deployments: packages go to the blob container, with the deployer's Entra sign-in.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

@description('Host name of the app, for the webhook and the HTTP API.')
output defaultHostName string = app.properties.defaultHostName
