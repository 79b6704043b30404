// Justera on Azure: one resource group holding
//   - a user-assigned managed identity: the bot's identity (no bot secret) and the identity
//     the service uses for Table Storage and Key Vault references,
//   - an App Service plan and a Linux web app on Node 24 LTS running dist/main.js,
//   - an Azure Bot with the Microsoft Teams channel, pointing at https://<web app>/api/messages,
//   - a storage account whose Table service holds the state (identity only, no shared keys),
//   - a Key Vault (RBAC, soft delete) for secrets,
//   - Application Insights on a Log Analytics workspace.
//
// No Bicep compiler runs where this is developed: the file is checked by review and by
// test/unit/infra-settings.test.ts (every app setting the service reads is set here or left to
// its default on purpose, and every app setting set here is read). Run `az bicep build` and
// `az deployment group what-if` on a machine with the Azure CLI before provisioning.
// The parameters file is infra/main.parameters.json; see infra/README.md.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Base of every resource name: starts with a lowercase letter, then lowercase letters and digits, e.g. justera plus the toolkit\'s RESOURCE_SUFFIX. The web app answers at <resourceBaseName>.azurewebsites.net.')
@minLength(4)
@maxLength(18)
param resourceBaseName string

@description('Region of every resource but the Azure Bot, which is global. Defaults to the resource group\'s region (swedencentral keeps the data in Sweden).')
param location string = resourceGroup().location

@description('The bot\'s name as the Azure Bot resource shows it.')
@maxLength(42)
param botDisplayName string = 'Justera'

@description('How the bot proves who it is. UserAssignedMsi (recommended): the managed identity created here is the bot, no secret exists. SingleTenant: an Entra app registration (botAadAppClientId) with a client secret (botAadAppClientSecret) kept in Key Vault.')
@allowed([
  'UserAssignedMsi'
  'SingleTenant'
])
param botType string = 'UserAssignedMsi'

@description('Client id of the Entra app registration that is the bot. Only with botType SingleTenant; ignored otherwise.')
param botAadAppClientId string = ''

@description('Client secret of that app registration. Only with botType SingleTenant: stored as the Key Vault secret bot-password and given to the service as a Key Vault reference, never as plain text.')
@secure()
param botAadAppClientSecret string = ''

@description('Client id of the Entra app registration for the tabs\' single sign-on (the toolkit\'s AAD_APP_CLIENT_ID). The tab API verifies that Teams SSO tokens are issued for it.')
param aadAppClientId string

@description('The Teams app\'s id (the manifest id, the toolkit\'s TEAMS_APP_ID). Cards link into the tab with Teams deep links that name it.')
param teamsAppId string

@description('Tenants whose users may use the tabs, comma-separated tenant ids. Empty: only the tenant deployed to.')
param allowedTenants string = ''

@description('Azure Bot pricing tier. F0 is free (standard channels such as Teams are free on both).')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('App Service plan tier. Always on needs Basic or higher, so Free and Shared are not offered.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param webAppSku string = 'B1'

@description('Redundancy of the storage account that holds the state.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('LOG_LEVEL of the service.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('TIME_ZONE of the service (an IANA time zone): decides what "a date in the past" means.')
param timeZone string = 'Europe/Stockholm'

@description('MUNICIPALITY_DOMAINS: extra e-mail domains, domain=Kommun;domain=Kommun, added to the built-in map. Empty adds none. Set here rather than in the portal: every provision replaces all app settings.')
param municipalityDomains string = ''

@description('MEMBER_ORGANISATIONS: the cooperation\'s member organisations, names separated by ";" (Swedish municipalities by name, other names as regional bodies). Empty is Skaraborg\'s fifteen and Skaraborgs kommunalförbund.')
param memberOrganisations string = ''

@description('TABLES_PREFIX: prefix of the tables the service creates (letters and digits, starting with a letter).')
@minLength(1)
@maxLength(40)
param tablesPrefix string = 'justera'

@description('SHAREPOINT_DRIVE_ID: the document library (drive) where approved protocols are archived. The app needs Sites.Selected on its site (see infra/README.md).')
@minLength(1)
param sharePointDriveId string

@description('SHAREPOINT_SITE_ID: the site that holds the library (optional; the drive id alone is enough for Graph).')
param sharePointSiteId string = ''

@description('DATA_CONTROLLER: the organisation the privacy notice and the accessibility statement name as responsible (personuppgiftsansvarig).')
@minLength(1)
param dataController string = 'Skaraborgs kommunalförbund'

@description('PRIVACY_CONTACT: where people ask about their personal data (an e-mail address or an https URL, e.g. the registry). Empty: the pages say to contact the controller\'s registry.')
param privacyContact string = ''

@description('DPO_CONTACT: the controller\'s data protection officer (dataskyddsombud), e-mail or https URL. Empty: not named.')
param dpoContact string = ''

@description('ACCESSIBILITY_CONTACT: where people report accessibility problems (e-mail or https URL). Empty: PRIVACY_CONTACT.')
param accessibilityContact string = ''

@description('Turn on Key Vault purge protection (recommended for production). It can never be turned off again, and a deleted vault can then not be purged, so its name stays taken for the 90 days of soft delete.')
param keyVaultPurgeProtection bool = false

// ---------------------------------------------------------------------------------------------
// Names and fixed values
// ---------------------------------------------------------------------------------------------

var names = {
  identity: '${resourceBaseName}-id'
  logs: '${resourceBaseName}-logs'
  insights: '${resourceBaseName}-insights'
  storage: take('${toLower(replace(resourceBaseName, '-', ''))}state', 24)
  keyVault: take('${resourceBaseName}-kv', 24)
  plan: '${resourceBaseName}-plan'
  webApp: resourceBaseName
  bot: resourceBaseName
}

// Built-in role definitions (the ids are the same in every tenant).
var roleIds = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

var botIsManagedIdentity = botType == 'UserAssignedMsi'
var botAppId = botIsManagedIdentity ? identity.properties.clientId : botAadAppClientId
var botPasswordSecretName = 'bot-password'

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// ---------------------------------------------------------------------------------------------
// State: Azure Table Storage, reached with the managed identity only
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The service creates its tables (TABLES_PREFIX + networks, members, ...) at start and reads and
// writes their entities.
resource identityTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roleIds.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Secrets: Key Vault in RBAC mode; the web app resolves references with the managed identity
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.keyVault
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (botType == 'SingleTenant') {
  parent: keyVault
  name: botPasswordSecretName
  properties: {
    value: botAadAppClientSecret
  }
}

resource identitySecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roleIds.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// The service: App Service on Linux, Node 24 LTS
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: names.webApp
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // The deployed package is already built (dist/ plus production node_modules); `npm start`
      // would build again and needs the dev dependencies.
      appCommandLine: 'node dist/main.js'
      alwaysOn: true
      // Liveness, not readiness: /healthz fails only when this instance is broken, which taking
      // it out (and replacing it) mends. /readyz checks the store, which every instance shares:
      // a storage hiccup would fail it everywhere at once, and the health check would take
      // instances out of the load balancer for a fault none of them has (src/http/health.ts).
      healthCheckPath: '/healthz'
      http20Enabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      // Every provision replaces the whole list: a setting added in the portal is lost on the
      // next one. test/unit/infra-settings.test.ts keeps this list and src/config.ts in step.
      appSettings: [
        // Read by the service (src/config.ts). PORT is not here: App Service sets it.
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'TIME_ZONE'
          value: timeZone
        }
        {
          name: 'BOT_ID'
          value: botAppId
        }
        {
          name: 'BOT_TENANT_ID'
          value: tenant().tenantId
        }
        {
          name: 'BOT_TYPE'
          value: botType
        }
        {
          // Empty (= unset) for UserAssignedMsi; a Key Vault reference for SingleTenant.
          name: 'BOT_PASSWORD'
          value: botType == 'SingleTenant' ? '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${botPasswordSecretName})' : ''
        }
        {
          name: 'STORE'
          value: 'tables'
        }
        {
          name: 'TABLES_ACCOUNT_URL'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'TABLES_PREFIX'
          value: tablesPrefix
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'PLAYGROUND'
          value: 'off'
        }
        {
          name: 'MUNICIPALITY_DOMAINS'
          value: municipalityDomains
        }
        {
          name: 'MEMBER_ORGANISATIONS'
          value: memberOrganisations
        }
        {
          name: 'PUBLIC_URL'
          value: 'https://${resourceBaseName}.azurewebsites.net'
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          name: 'ARCHIVE'
          value: 'sharepoint'
        }
        {
          name: 'SHAREPOINT_DRIVE_ID'
          value: sharePointDriveId
        }
        {
          name: 'SHAREPOINT_SITE_ID'
          value: sharePointSiteId
        }
        {
          name: 'ALLOWED_TENANTS'
          value: empty(allowedTenants) ? tenant().tenantId : allowedTenants
        }
        // Named by the privacy notice and the accessibility statement (/privacy, /accessibility).
        {
          name: 'DATA_CONTROLLER'
          value: dataController
        }
        {
          name: 'PRIVACY_CONTACT'
          value: privacyContact
        }
        {
          name: 'DPO_CONTACT'
          value: dpoContact
        }
        {
          name: 'ACCESSIBILITY_CONTACT'
          value: accessibilityContact
        }
        // Read by App Service, not by the service.
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        // Turns on the service's own OpenTelemetry (Azure Monitor distro): requests, log lines
        // and metrics. App Service's codeless agent stays off, or requests would be sent twice.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
      ]
    }
  }
  dependsOn: [
    // The service needs its roles at its first start, and the reference its secret.
    identityTableDataContributor
    identitySecretsUser
    botPasswordSecret
  ]
}

// The service's JSON log lines (stdout) and the platform's logs, queryable in Log Analytics.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// Azure Bot with the Teams channel
// ---------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    // The bot's identity lives in the home tenant (Azure Bot creates no multi-tenant bots); Teams
    // still delivers activities from every tenant the app is installed in, and the service serves
    // only ALLOWED_TENANTS (README, "Tenancy").
    msaAppTenantId: tenant().tenantId
    msaAppType: botIsManagedIdentity ? 'UserAssignedMSI' : 'SingleTenant'
    msaAppMSIResourceId: botIsManagedIdentity ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs: the Agents Toolkit writes them to env/.env.<env> (BOT_ID and BOT_DOMAIN fill the
// app package's manifest)
// ---------------------------------------------------------------------------------------------

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_ID string = botAppId
output BOT_TENANT_ID string = tenant().tenantId
output BOT_TYPE string = botType
output BOT_IDENTITY_RESOURCE_ID string = identity.id
output TABLES_ACCOUNT_URL string = storage.properties.primaryEndpoints.table
output KEY_VAULT_NAME string = keyVault.name
