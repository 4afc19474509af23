// Wrapped Feed on Azure: the Function app on the Flex Consumption plan, its storage, identity, monitoring and the
// Event Grid topic that feeds the blob trigger. Every connection is identity-based: no key, connection string with a
// secret or listKeys() anywhere. `azd up` deploys it; infra/hooks/postdeploy.sh then subscribes the function to uploads.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of whoever deploys (azd sets it): given Storage Blob Data Contributor on the feed account, to upload inputs and read the feed. Empty: no role.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal'])
@description('Kind of principal principalId is.')
param principalType string = 'User'

@allowed([512, 2048, 4096])
@description('Memory of each instance in MB. 4096 gives 2 vCPU, which host.json assumes (two simulation activities at once, each keeping a core busy).')
param instanceMemoryMB int = 4096

@minValue(1)
@maxValue(1000)
@description('Most instances the app scales out to: the cap on spend under load.')
param maximumInstanceCount int = 40

@minValue(0)
@maxValue(20)
@description('Instances of the durable group (orchestrators and activities) kept running while idle, billed at the always-ready baseline: each one is instanceMemoryMB of memory around the clock (4096 MB: 10.4 million GB-s in 30 days). 0 scales to zero and pays a cold start on the first upload or request after idle; 1 is the documented choice for Durable Functions on Flex when latency matters.')
param durableAlwaysReadyInstances int = 0

@description('Put the input and output containers in an account of their own instead of the host\'s (which holds the task hub and the deployment package).')
param separateFeedStorage bool = false

@description('NCRONTAB schedule (UTC) of the nightly extension of runs marked daily.')
param dailySchedule string = '0 30 10 * * *'

@minValue(1)
@maxValue(1000)
@description('Batches a run keeps in flight (the Wrapped__MaxParallelBatches default; a request may override it). With two activities an instance, this many batches keep about half as many instances busy.')
param maxParallelBatches int = 8

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var inputContainer = 'wrapped-input'
var outputContainer = 'wrapped-feed'
var deploymentContainer = 'deployment-package'
var identityName = 'id-feed-${resourceToken}'
var hostStorageName = 'st${resourceToken}'
var feedStorageName = separateFeedStorage ? 'stfeed${resourceToken}' : hostStorageName
var applicationInsightsName = 'appi-${resourceToken}'
var functionAppName = 'func-${resourceToken}'
var uploadTopicName = 'evgt-feed-${resourceToken}'
var feedContainers = [inputContainer, outputContainer]

// Built-in role definitions (ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module hostStorage 'modules/storage-account.bicep' = {
  scope: group
  params: {
    name: hostStorageName
    location: location
    tags: tags
    containers: separateFeedStorage ? [deploymentContainer] : concat([deploymentContainer], feedContainers)
  }
}

module feedStorage 'modules/storage-account.bicep' = if (separateFeedStorage) {
  scope: group
  params: {
    name: feedStorageName
    location: location
    tags: tags
    containers: feedContainers
  }
}

// The host runs the task hub (queues, tables, lease blobs) and reads its deployment package.
module hostStorageRoles 'modules/storage-roles.bicep' = {
  scope: group
  params: {
    storageAccountName: hostStorageName
    principalName: identityName
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionIds: [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]
  }
  dependsOn: [hostStorage]
}

// The app reads uploads and writes the feed; the blob trigger keeps its poison queue in the same account.
module feedStorageRoles 'modules/storage-roles.bicep' = if (separateFeedStorage) {
  scope: group
  params: {
    storageAccountName: feedStorageName
    principalName: identityName
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionIds: [roles.storageBlobDataOwner, roles.storageQueueDataContributor]
  }
  dependsOn: [feedStorage]
}

// Whoever deploys uploads the CSVs and reads the feed with their own sign-in (az ... --auth-mode login).
module deployerFeedRoles 'modules/storage-roles.bicep' = if (!empty(principalId)) {
  scope: group
  params: {
    storageAccountName: feedStorageName
    principalName: principalId
    principalId: principalId
    principalType: principalType
    roleDefinitionIds: [roles.storageBlobDataContributor]
  }
  dependsOn: [hostStorage, feedStorage]
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    workspaceName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    metricsPublisherName: identityName
    metricsPublisherPrincipalId: identity.outputs.principalId
    metricsPublisherRoleId: roles.monitoringMetricsPublisher
  }
}

module uploadEvents 'modules/event-grid-topic.bicep' = {
  scope: group
  params: {
    name: uploadTopicName
    location: location
    tags: tags
    storageAccountName: feedStorageName
  }
  dependsOn: [hostStorage, feedStorage]
}

module functionApp 'modules/function-app.bicep' = {
  scope: group
  params: {
    planName: 'plan-${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageName: hostStorageName
    deploymentContainer: deploymentContainer
    feedStorageName: feedStorageName
    applicationInsightsName: applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    dailySchedule: dailySchedule
    maxParallelBatches: maxParallelBatches
  }
  // The app starts as soon as it exists: its identity must already reach the task hub, the package and the feed.
  dependsOn: [hostStorageRoles, feedStorageRoles, monitoring]
}

// Read by azd and by infra/hooks/postdeploy.sh.
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionAppName
output AZURE_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName
output FEED_STORAGE_ACCOUNT_NAME string = feedStorageName
output FEED_INPUT_CONTAINER string = inputContainer
output FEED_OUTPUT_CONTAINER string = outputContainer
output FEED_SYSTEM_TOPIC_NAME string = uploadTopicName
