import type { AttendanceRecord } from './attendance';
import type { ActionItem, Approval, ChangeRequest, MinutesVersion } from './minutes-model';
import type { Member } from './network';
import type { Proposal } from './proposal';

/**
 * One person's data in a network, as the admins' export and erasure answer it (the use case is
 * src/app/personal-data.ts). Pure: the tab's API types come from here too.
 */

/** Who an erased person becomes where a record must keep someone. */
export const ERASED_PERSON = { id: 'erased', name: 'Borttagen person' } as const;

/** Where a document mentions the person: the JSON path and the object holding the mention. */
export interface Mention {
  path: string;
  value: unknown;
}

export interface PersonalDataExport {
  tenantId: string;
  networkId: string;
  networkName: string;
  personId: string;
  exportedAt: string;
  /** The member record in this network; null when there is none (a guest, or already erased). */
  membership: Member | null;
  /** Other networks of the cooperation where the person has a member record (their admins answer for those). */
  otherNetworks: { id: string; name: string }[];
  attendance: (AttendanceRecord & { meetingDate: string })[];
  meetingsCreated: { meetingId: string; date: string; start: string }[];
  proposals: Proposal[];
  /** Action items of approved minutes the person owns (by name or in a group). */
  actionItems: { meetingId: string; meetingDate: string; itemTitle: string; action: ActionItem }[];
  actionsMarkedDone: { actionId: string; by: string; at: string }[];
  /** Approvals and change requests the person gave on minutes versions. */
  approvals: { meetingId: string; version: number; kind: 'approval' | 'changeRequest'; answer: Approval | ChangeRequest }[];
  /** Versions sent for justering that mention the person; an approved one is a public record. */
  minutesVersions: { meetingId: string; version: number; state: MinutesVersion['state']; hash: string; publicRecord: boolean; mentions: Mention[] }[];
  /** Working copies (minutes drafts, agendas and their published versions) that mention the person. */
  drafts: { meetingId: string; kind: 'minutes' | 'agenda' | 'agendaVersion'; version?: number; mentions: Mention[] }[];
}

export interface PersonalDataErasure {
  tenantId: string;
  networkId: string;
  personId: string;
  erasedAt: string;
  removed: { membership: boolean; attendance: string[]; personalCards: number };
  pseudonymised: { proposals: string[]; actionsMarkedDone: string[] };
  /** What stays, and why (Swedish first; `en` for an English reader). */
  kept: {
    approvedProtocols: { meetingId: string; version: number; hash: string }[];
    attendanceOfApprovedMeetings: string[];
    drafts: { meetingId: string; kind: 'minutes' | 'agenda' | 'agendaVersion'; version?: number }[];
    meetingsCreated: string[];
  };
  explanation: { sv: string; en: string };
}

/** Why erasure keeps what it keeps: the answer's explanation. */
export const ERASURE_EXPLANATION = {
  sv:
    'Justerade protokoll är allmänna handlingar (tryckfrihetsförordningen 2 kap.) och bevaras enligt arkivlagen och förbundets ' +
    'dokumenthanteringsplan. De ändras inte, och deras innehållshash måste stämma med det arkiverade dokumentet; därför står ' +
    'personens namn kvar i dem, liksom närvaron vid de träffarna. Utkast som ännu inte är justerade står kvar tills sekreteraren ' +
    'ändrar dem; platserna där personen nämns finns i exporten. Vem som skapade en träff hör till träffens uppgifter.',
  en:
    'Approved minutes are public records (allmänna handlingar, Freedom of the Press Act ch. 2) kept under the Archives Act and the ' +
    "cooperation's records management plan. They are not altered, and their content hash must still match the archived document; " +
    "so the person's name stays in them, as does the attendance of those meetings. Drafts not yet approved stay until the " +
    'secretary edits them; the export lists where they mention the person. Who created a meeting is part of the meeting.',
} as const;

/** Every place in `value` where `personId` is a value, or `name` occurs in a text: the path and the object holding it. */
export function mentionsOf(value: unknown, personId: string, name: string | undefined): Mention[] {
  const out: Mention[] = [];
  const hit = (v: unknown): boolean => typeof v === 'string' && (v === personId || (!!name && name.length >= 3 && v.includes(name)));
  const walk = (v: unknown, path: string, parent: unknown): void => {
    if (hit(v)) out.push({ path, value: parent });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`, x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, typeof x === 'object' && x !== null ? x : v);
  };
  walk(value, '', value);
  return out;
}

