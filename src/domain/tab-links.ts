/**
 * Links into the tab: the one home of where a card or message points into Justera's tab, and of
 * how the tab reads such a place back.
 *
 * A place in the tab is a meeting and one of its views. It travels in two forms:
 * - in Teams, as the deep link's sub-entity id (`context.subEntityId`, which the tab reads as
 *   `app.getContext().page.subPageId`): `meeting/<id>` for the agenda, `meeting/<id>/minutes`
 *   for the minutes; the id is percent-encoded (encodeURIComponent), so it may hold any
 *   character, "/" included;
 * - outside Teams, as the channel tab's query: `/tab/channel?meeting=<id>&view=minutes`.
 *
 * The deep link follows Microsoft's "Deep link to an application" (browse within your app):
 *   https://teams.microsoft.com/l/entity/<app id>/<entity id>?webUrl=<fallback>&label=<label>&context=<context>
 * where the app id is the manifest's id (TEAMS_APP_ID), the entity id the one the configuration
 * page saves for the channel tab (pages.config.setConfig), and the context
 * encodeURIComponent(JSON.stringify({ subEntityId, channelId })) names the channel the tab is in.
 * Without a Teams app id (local mode with the Agents Playground) links are the web URL.
 *
 * Pure: no I/O, no Node or browser imports (the tab imports it too).
 */

/** What an open meeting shows. */
export type MeetingView = 'agenda' | 'minutes';

export interface TabPlace {
  meetingId: string;
  view: MeetingView;
}

/** The entity id the configuration page saves for a channel (or group chat) tab, and the deep links name. */
export const CHANNEL_TAB_ENTITY_ID = 'justera-network';

/** The channel tab's path; the server answers the tab's page for it. */
export const CHANNEL_TAB_PATH = '/tab/channel';

/** Teams can't follow a deep link longer than this on Windows (ShellExecuteEx); Microsoft's documented limit. */
export const DEEP_LINK_MAX_LENGTH = 1900;

/** The longest label a link carries (a meeting's network name and date; cut with an ellipsis beyond). */
const LABEL_MAX = 80;

const SUB_ENTITY_KIND = 'meeting';

/** The place as the deep link's sub-entity id: `meeting/<encoded id>` or `meeting/<encoded id>/minutes`. */
export function formatSubEntityId(place: TabPlace): string {
  const base = `${SUB_ENTITY_KIND}/${encodeURIComponent(place.meetingId)}`;
  return place.view === 'minutes' ? `${base}/minutes` : base;
}

/** The place a sub-entity id names, or null for anything else (an empty or foreign id, a bad escape). */
export function parseSubEntityId(subEntityId: string | undefined | null): TabPlace | null {
  if (!subEntityId) return null;
  const parts = subEntityId.split('/');
  if (parts.length < 2 || parts.length > 3 || parts[0] !== SUB_ENTITY_KIND) return null;
  const view = parts[2] === undefined || parts[2] === 'agenda' ? 'agenda' : parts[2] === 'minutes' ? 'minutes' : null;
  if (!view) return null;
  let meetingId: string;
  try {
    meetingId = decodeURIComponent(parts[1] ?? '');
  } catch {
    return null;
  }
  return meetingId ? { meetingId, view } : null;
}

/** The place in the channel tab's query (`meeting`, `view`), or null without a meeting. */
export function placeFromQuery(query: URLSearchParams): TabPlace | null {
  const meetingId = query.get('meeting');
  if (!meetingId) return null;
  return { meetingId, view: query.get('view') === 'minutes' ? 'minutes' : 'agenda' };
}

/** Writes the place into a channel tab's query (`meeting`, and `view` for the minutes). */
export function setPlaceInQuery(query: URLSearchParams, place: TabPlace): void {
  query.set('meeting', place.meetingId);
  if (place.view === 'minutes') query.set('view', 'minutes');
  else query.delete('view');
}

/** The channel tab's path with the place in its query (and the network, which a meeting chat has no team for). */
export function channelTabPath(place: TabPlace, networkId?: string): string {
  const query = new URLSearchParams();
  if (networkId) query.set('networkId', networkId);
  setPlaceInQuery(query, place);
  return `${CHANNEL_TAB_PATH}?${query.toString()}`;
}

/** Where the service is and which Teams app it is: what a link into the tab needs besides the place. */
export interface TabLinkSettings {
  /** https://<host> of the service, without a trailing slash. */
  publicUrl: string;
  /** The manifest id (TEAMS_APP_ID); empty: no Teams app, links are web URLs. */
  teamsAppId: string;
}

export interface DeepLinkParts {
  appId: string;
  entityId: string;
  /** Fallback for a client that can't render the tab (optional in the format). */
  webUrl?: string;
  /** How a client shows the link (optional in the format). */
  label?: string;
  subEntityId: string;
  /** The channel the configurable tab is in (a personal tab has none). */
  channelId?: string;
}

/** A Teams deep link to a tab's item, in the documented format, every parameter URI-encoded. */
export function teamsDeepLink(parts: DeepLinkParts): string {
  const context = parts.channelId === undefined ? { subEntityId: parts.subEntityId } : { subEntityId: parts.subEntityId, channelId: parts.channelId };
  const query = [
    ...(parts.webUrl === undefined ? [] : [`webUrl=${encodeURIComponent(parts.webUrl)}`]),
    ...(parts.label === undefined ? [] : [`label=${encodeURIComponent(parts.label)}`]),
    `context=${encodeURIComponent(JSON.stringify(context))}`,
  ];
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(parts.appId)}/${encodeURIComponent(parts.entityId)}?${query.join('&')}`;
}

/** What a link needs of the meeting: its id, the channel its cards (and the network's tab) are in, and a label. */
export interface LinkedMeeting {
  id: string;
  channelId: string;
  networkName: string;
  date: string;
}

/**
 * The link a card or message gives to a meeting's view in the tab: a Teams deep link into the
 * channel tab of the meeting's channel, or, without a Teams app id, the tab's web URL.
 */
export function meetingTabLink(settings: TabLinkSettings, meeting: LinkedMeeting, view: MeetingView): string {
  const place: TabPlace = { meetingId: meeting.id, view };
  const webUrl = `${settings.publicUrl}${channelTabPath(place)}`;
  if (!settings.teamsAppId) return webUrl;
  const target = { appId: settings.teamsAppId, entityId: CHANNEL_TAB_ENTITY_ID, subEntityId: formatSubEntityId(place), channelId: meeting.channelId };
  // The optional parts go first when a link would be too long for Teams to follow (only with very long ids).
  const full = teamsDeepLink({ ...target, webUrl, label: linkLabel(meeting) });
  if (full.length <= DEEP_LINK_MAX_LENGTH) return full;
  const unlabelled = teamsDeepLink({ ...target, webUrl });
  return unlabelled.length <= DEEP_LINK_MAX_LENGTH ? unlabelled : teamsDeepLink(target);
}

function linkLabel(meeting: LinkedMeeting): string {
  const label = `${meeting.networkName.trim()} ${meeting.date}`.trim();
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}
