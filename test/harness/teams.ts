import type { RosterMember } from './connector-emulator';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const TEAM_ID = '19:im-natverket@thread.tacv2';
export const CHANNEL_ID = '19:traffar@thread.tacv2';
export const BOT = { id: '28:justera-bot', name: 'Justera' };

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function userFrom(m: RosterMember): TeamsUser {
  return { id: m.id, aadObjectId: m.aadObjectId, name: m.name };
}

/** A roster of n made-up members spread over Skaraborg's municipalities. */
export function makeRoster(n: number): RosterMember[] {
  const domains = ['skovde.se', 'falkoping.se', 'mariestad.se', 'lidkoping.se', 'tidaholm.se', 'skara.se', 'vara.se', 'hjo.se', 'tibro.se', 'gotene.se'];
  return Array.from({ length: n }, (_, i) => ({
    id: `29:user-${i}`,
    aadObjectId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    name: `Medlem ${i} Åkesson`,
    email: `medlem${i}@${domains[i % domains.length]}`,
    userRole: i === 0 ? 'owner' : 'user',
  }));
}

let seq = 0;
const nextId = (): string => `in-${Date.now()}-${++seq}`;

function base(serviceUrl: string, user: TeamsUser, conversationId: string, locale: string): Record<string, unknown> {
  return {
    id: nextId(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: {
      tenant: { id: TENANT },
      team: { id: TEAM_ID, name: 'IM-nätverket', aadGroupId: 'aad-group-im' },
      channel: { id: CHANNEL_ID, name: 'Träffar' },
    },
  };
}

/** "@Justera <text>" in the channel, as Teams sends it. */
export function channelMessage(serviceUrl: string, user: TeamsUser, text: string, locale = 'sv-SE'): Record<string, unknown> {
  return {
    ...base(serviceUrl, user, `${CHANNEL_ID};messageid=${Date.now()}`, locale),
    type: 'message',
    text: `<at>Justera</at> ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: '<at>Justera</at>', mentioned: BOT }],
  };
}

/** A click on an Action.Execute button of a card posted as `cardActivityId`. */
export function cardAction(
  serviceUrl: string,
  user: TeamsUser,
  cardActivityId: string,
  data: Record<string, unknown>,
  locale = 'sv-SE',
): Record<string, unknown> {
  return {
    ...base(serviceUrl, user, `${CHANNEL_ID};messageid=${cardActivityId}`, locale),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardActivityId,
    value: { action: { type: 'Action.Execute', verb: String(data.action ?? ''), data }, trigger: 'manual' },
  };
}

/** The bot was added to the team. */
export function botAdded(serviceUrl: string, installer: TeamsUser): Record<string, unknown> {
  const a = base(serviceUrl, installer, TEAM_ID, 'sv-SE');
  return {
    ...a,
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    channelData: { ...(a.channelData as object), eventType: 'teamMemberAdded', channel: { id: TEAM_ID } },
  };
}

export interface BotReply {
  status: number;
  body: unknown;
}

/** Posts an activity to the bot's /api/messages as Teams would. */
export async function postActivity(botUrl: string, activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<BotReply> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The value of X-Justera-Dev-User that signs in as a member (local mode only). */
export function devIdentity(tenantId: string, memberId: string): string {
  return Buffer.from(JSON.stringify([tenantId, memberId])).toString('base64url');
}

/** A team, for tests with more than one network. */
export interface TeamRef {
  id: string;
  name: string;
  channelId: string;
}

export const OTHER_TEAM: TeamRef = { id: '19:skis@thread.tacv2', name: 'SKIS', channelId: '19:skis-traffar@thread.tacv2' };

/** The same activity, as if it came from another team (its channel, or the team itself for events). */
export function inTeam(activity: Record<string, unknown>, team: TeamRef): Record<string, unknown> {
  const conversation = activity.conversation as Record<string, unknown>;
  const data = activity.channelData as { channel?: { id?: string } } & Record<string, unknown>;
  const channelId = data.channel?.id === TEAM_ID ? team.id : team.channelId;
  return {
    ...activity,
    conversation: { ...conversation, id: String(conversation.id).replace(CHANNEL_ID, team.channelId).replace(TEAM_ID, team.id) },
    channelData: { ...data, team: { id: team.id, name: team.name }, channel: { id: channelId } },
  };
}

/** The same activity, as if it came from the person's personal chat with the bot (no team). */
export function inPersonalChat(activity: Record<string, unknown>): Record<string, unknown> {
  const from = activity.from as { id: string };
  return {
    ...activity,
    conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

/**
 * A conversationUpdate Teams sends about the team: `eventType` (teamMemberRemoved, teamRenamed,
 * channelCreated, channelDeleted, teamDeleted, …) and what it carries (membersRemoved, or the
 * team's and channel's new names in channelData).
 */
export function teamEvent(
  serviceUrl: string,
  by: TeamsUser,
  eventType: string,
  opts: { membersRemoved?: { id: string; aadObjectId?: string }[]; membersAdded?: { id: string; aadObjectId?: string }[]; teamName?: string; channel?: { id: string; name?: string } } = {},
): Record<string, unknown> {
  const a = base(serviceUrl, by, TEAM_ID, 'sv-SE');
  const data = a.channelData as Record<string, unknown>;
  return {
    ...a,
    type: 'conversationUpdate',
    ...(opts.membersRemoved ? { membersRemoved: opts.membersRemoved } : {}),
    ...(opts.membersAdded ? { membersAdded: opts.membersAdded } : {}),
    channelData: {
      ...data,
      eventType,
      team: { id: TEAM_ID, name: opts.teamName ?? 'IM-nätverket', aadGroupId: 'aad-group-im' },
      channel: opts.channel ?? { id: TEAM_ID },
    },
  };
}
