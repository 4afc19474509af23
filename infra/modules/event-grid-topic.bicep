// The system topic of the feed account's blob events. Its subscription to the app's blob-extension webhook is made
// by infra/hooks/postdeploy.sh, because it needs a key the Functions host creates only once the code runs.

@description('Name of the system topic.')
param name string

@description('Region of the topic: the storage account\'s.')
param location string

@description('Tags of the topic.')
param tags object

@description('Name of the storage account whose events the topic publishes.')
param storageAccountName string

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}
