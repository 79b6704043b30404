import type { Activity } from 'botbuilder';
import { LIMITS, type Person } from '../domain/meeting';
import { intakeName } from '../domain/text';

/** Where in Teams an activity came from, when it came from a team's channel. */
export interface TeamContext {
  tenantId: string;
  teamId: string;
  teamName: string;
  aadGroupId?: string;
  channelId: string;
}

interface TeamsChannelDataShape {
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
}

export function tenantOf(activity: Partial<Activity>): string {
  const data = activity.channelData as TeamsChannelDataShape | undefined;
  return activity.conversation?.tenantId ?? data?.tenant?.id ?? '';
}

export function teamContext(activity: Partial<Activity>): TeamContext | undefined {
  const data = activity.channelData as TeamsChannelDataShape | undefined;
  const teamId = data?.team?.id;
  if (!teamId) return undefined;
  const tenantId = tenantOf(activity);
  if (!tenantId) return undefined;
  return {
    tenantId,
    teamId,
    teamName: intakeName(data.team?.name, LIMITS.networkName) || teamId,
    ...(data.team?.aadGroupId ? { aadGroupId: data.team.aadGroupId } : {}),
    channelId: data.channel?.id ?? activity.conversation?.id?.split(';')[0] ?? teamId,
  };
}

/** The person behind an activity, by Entra object id when Teams gives it. */
export function personOf(activity: Partial<Activity>): Person {
  const from = activity.from;
  return { id: from?.aadObjectId || from?.id || 'unknown', name: intakeName(from?.name) || '?' };
}

/** The channel a channel event names (the General channel's id is the team's, and Teams may leave its name out). */
export function channelOf(activity: Partial<Activity>): { id: string; name: string } | undefined {
  const data = activity.channelData as TeamsChannelDataShape | undefined;
  const id = data?.channel?.id;
  return id ? { id, name: data.channel?.name ?? 'General' } : undefined;
}
