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
