// A Teams host for browser tests: embeds the tab in an iframe and answers teams-js 2.x over
// postMessage the way Teams does. Requests from the tab are {id, uuidAsString, func, args};
// answers are {id, uuidAsString, args}; events from the host are {func, args}.
//
// Query parameters: tab (path, e.g. /tab/config), frameContext (content | settings |
// sidePanel), locale, theme (default | dark | contrast), userId, tid, teamId, channelId,
// meetingId (inside a Teams meeting), token (the SSO token getAuthToken returns; without it getAuthToken fails as when SSO is
// not set up), subEntityId (the sub-entity id of a deep link the tab was opened with; teams-js
// gives it as page.subPageId), appId (the Teams app's manifest id, which deep links must name).
// The test reads and drives window.teamsHost; teamsHost.openDeepLink(url) follows a deep link
// to the tab as Teams does.
'use strict';

(function () {
  const params = new URLSearchParams(location.search);
  const frame = document.getElementById('tab');

  const state = {
    frameContext: params.get('frameContext') || 'content',
    locale: params.get('locale') || 'sv-SE',
    theme: params.get('theme') || 'default',
    token: params.get('token') || null,
    userId: params.get('userId') || '',
    tid: params.get('tid') || '',
    teamId: params.get('teamId') || '',
    channelId: params.get('channelId') || '',
    meetingId: params.get('meetingId') || '',
    subEntityId: params.get('subEntityId') || '',
    appId: params.get('appId') || '',
  };

  /** Everything the tab asked or told, in order, and what the host recorded from it. */
  const host = {
    messages: [],
    handlers: [],
    validity: null,
    savedConfig: null,
    saveResult: null,
    initialized: false,
    appSuccess: false,
    /** The theme Teams switches to, as a Teams user changing it in the settings would. */
    setTheme(theme) {
      state.theme = theme;
      post({ func: 'themeChange', args: [theme] });
    },
    /** The Save button of Teams' configuration dialog. */
    save() {
      host.saveResult = null;
      post({ func: 'settings.save', args: [{}] });
    },
    /**
     * Follows a deep link to an app's tab as Teams does ("Deep link to an application"):
     * https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&label=…&context=<encoded JSON>.
     * The app must be this one, the entity id the saved tab's, and context.channelId this
     * channel; then the tab's content URL loads with context.subEntityId as the sub-page id.
     * Answers 'opened', or why Teams would not open the tab.
     */
    openDeepLink(link) {
      const url = new URL(link);
      const match = /^\/l\/entity\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (url.origin !== 'https://teams.microsoft.com' || !match) return 'not a deep link to an app';
      const appId = decodeURIComponent(match[1]);
      const entityId = decodeURIComponent(match[2]);
      if (appId !== state.appId) return `another app: ${appId}`;
      if (entityId !== savedEntityId()) return `no tab with entity id ${entityId}`;
      const context = JSON.parse(url.searchParams.get('context') || '{}');
      if (context.channelId && context.channelId !== state.channelId) return `another channel: ${context.channelId}`;
      state.subEntityId = context.subEntityId || '';
      const content = host.savedConfig && host.savedConfig.contentUrl ? new URL(host.savedConfig.contentUrl) : new URL('/tab/channel', location.origin);
      host.load(content.pathname + content.search, 'content');
      return 'opened';
    },
    /** Loads a tab page, as Teams loads a content URL. */
    load(path, frameContext) {
      if (frameContext) state.frameContext = frameContext;
      host.initialized = false;
      document.getElementById('where').textContent = `${path} (${state.frameContext}, ${state.locale}, ${state.theme})`;
      frame.src = path;
    },
  };
  window.teamsHost = host;

  function post(message) {
    frame.contentWindow.postMessage(message, location.origin);
  }

  function answer(request, args) {
    post({ id: request.id, uuidAsString: request.uuidAsString, args });
  }

  const runtimeConfig = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appInstallDialog: {},
      pages: { config: {}, appButton: {}, tabs: {}, backStack: {} },
      teamsCore: {},
    },
  };

  /** The saved tab's entity id: what the configuration page saved, else the channel tab's in a team. */
  function savedEntityId() {
    return (host.savedConfig && host.savedConfig.entityId) || (state.teamId ? 'justera-network' : undefined);
  }

  function context() {
    const inTeam = Boolean(state.teamId);
    return {
      locale: state.locale,
      theme: state.theme,
      frameContext: state.frameContext,
      hostClientType: 'web',
      hostName: 'Teams',
      sessionId: 'host-session',
      appSessionId: 'app-session',
      userObjectId: state.userId,
      userPrincipalName: `${state.userId}@example.test`,
      loginHint: `${state.userId}@example.test`,
      tid: state.tid,
      teamId: inTeam ? state.teamId : undefined,
      teamName: inTeam ? 'Team' : undefined,
      groupId: inTeam ? 'aad-group-im' : undefined,
      channelId: inTeam ? state.channelId || undefined : undefined,
      channelName: inTeam && state.channelId ? 'Träffar' : undefined,
      meetingId: state.meetingId || undefined,
      chatId: state.meetingId ? `19:meeting_${state.meetingId}@thread.v2` : undefined,
      // The saved tab's entity id, as Teams gives it to the content page.
      entityId: state.frameContext === 'settings' ? undefined : savedEntityId(),
      // The deep link's sub-entity id the tab was opened with.
      subEntityId: state.subEntityId || undefined,
    };
  }

  const handlers = {
    initialize(request) {
      host.initialized = true;
      answer(request, [state.frameContext, 'web', JSON.stringify(runtimeConfig), '2.58.0']);
    },
    getContext(request) {
      answer(request, [context()]);
    },
    'authentication.getAuthToken'(request) {
      answer(request, state.token ? [true, state.token] : [false, 'resourceDisabled']);
    },
    'settings.setSettings'(request) {
      host.savedConfig = request.args[0];
      answer(request, [true]);
    },
    'settings.getSettings'(request) {
      answer(request, [host.savedConfig || {}]);
    },
    'settings.setValidityState'(request) {
      host.validity = request.args[0];
    },
    'settings.save.success'() {
      host.saveResult = 'success';
      // Teams closes the dialog and shows the saved content URL in the channel.
      if (host.savedConfig && host.savedConfig.contentUrl) {
        const url = new URL(host.savedConfig.contentUrl);
        host.load(url.pathname + url.search, 'content');
      }
    },
    'settings.save.failure'(request) {
      host.saveResult = `failure: ${request.args[0]}`;
    },
    registerHandler(request) {
      host.handlers.push(request.args[0]);
    },
    'appInitialization.success'() {
      host.appSuccess = true;
    },
  };

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
    const request = event.data;
    if (!request || typeof request.func !== 'string') return;
    host.messages.push({ func: request.func, args: request.args });
    const handle = handlers[request.func];
    if (handle) handle(request);
  });

  host.load(params.get('tab') || '/tab/my-meetings', state.frameContext);
})();
