// Data-plane roles on one storage account for one principal.

@description('Name of the storage account the roles are scoped to.')
param storageAccountName string

@description('A name of the principal known before deployment (an identity\'s resource name), so that the assignments\' names are too.')
param principalName string

@description('Object id of the principal given the roles.')
param principalId string

@allowed(['User', 'ServicePrincipal', 'Group'])
@description('Kind of principal.')
param principalType string

@description('Ids of the built-in role definitions to assign.')
param roleDefinitionIds string[]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleDefinitionId in roleDefinitionIds: {
    name: guid(account.id, principalName, roleDefinitionId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
      principalId: principalId
      principalType: principalType
    }
  }
]
