import type { Presenter } from './agenda';
import type { MeetingMode } from './meeting';
import type { LegacyMinutesContent } from './minutes-legacy-model';

/** The minutes' data: plain types only, shared by the service and the tab. Rules are in minutes.ts. */

/** Someone the minutes name: a network member, or a person named in text only. */
export type PersonRef = { kind: 'member'; memberId: string; name: string } | { kind: 'named'; name: string };
export type MemberRef = Extract<PersonRef, { kind: 'member' }>;

/** The version of the content's shape; content stored before it (no `format`) is read by minutes-legacy.ts. */
export const MINUTES_FORMAT = 2;

/**
 * What a network's record is: a protokoll, justerat by the justerare, or minnesanteckningar,
 * approved by the secretary or the chair (no justerare). The network chooses (Network.minutesKind).
 */
export const MINUTES_KINDS = ['protokoll', 'minnesanteckningar'] as const;
export type MinutesKind = (typeof MINUTES_KINDS)[number];

/** Numbered items ("3. Projekt Överlämning"), or headed sections without numbers. */
export const ITEM_NUMBERINGS = ['numbered', 'sections'] as const;
export type ItemNumbering = (typeof ITEM_NUMBERINGS)[number];

/** Present on site, present online, apologies (anmält förhinder), absent without notice (frånvarande). */
export const MINUTES_ATTENDANCE = ['onsite', 'online', 'apologies', 'absent'] as const;
export type MinutesAttendanceStatus = (typeof MINUTES_ATTENDANCE)[number];

/** A role whose holders share an action item ("presidiet": the chair group). */
export const OWNER_ROLES = ['presidium', 'ordforande', 'sekreterare'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

/** Who an action item is for: a member, a named person, a role's holders, or a named group of members. */
export type ActionOwner = PersonRef | { kind: 'role'; role: OwnerRole; name: string } | { kind: 'group'; name: string; members: MemberRef[] };

export interface ActionItem {
  id: string;
  text: string;
  /** One or more. */
  owners: ActionOwner[];
  /** YYYY-MM-DD */
  due?: string;
}

/** One person's answer in a round. */
export interface RoundResponse {
  /** Who spoke, as the minutes name them (an attendee's name, or "Skövde"). */
  speaker: string;
  text: string;
}

export const ITEM_KINDS_MINUTES = ['item', 'round'] as const;
export type MinutesItemKind = (typeof ITEM_KINDS_MINUTES)[number];

export interface MinutesItem {
  id: string;
  /** An agenda item, or a round (incheckning, utcheckning, laget runt): its questions and what was said. */
  kind: MinutesItemKind;
  /** The agenda item this came from, when it did. */
  agendaItemId?: string;
  title: string;
  presenters: Presenter[];
  /** The body in the protocol markup (domain/markup.ts): paragraphs, sub-headings, lists, links. */
  notes: string;
  /** A round's question(s). */
  questions: string[];
  /** A round's answers, in the order given. */
  responses: RoundResponse[];
  decisions: string[];
  actions: ActionItem[];
  /** Bordlagd: postponed to a later meeting. */
  tabled: boolean;
}

export interface MinutesAttendee {
  /** The check-in record's person id, or an id the secretary's correction gave. */
  id: string;
  name: string;
  /** The organisation they represent: a municipality, a kommunalförbund, a gymnasieförbund, an agency; '' when unknown. */
  organisation: string;
  /** Their title or role, as the minutes state it ("Skolchef", "rektor"). */
  role?: string;
  status: MinutesAttendanceStatus;
  /** Others present (invited speakers, guests), listed apart from the members. */
  guest: boolean;
  /** Ersättare: whom this person stands in for. */
  substituteFor?: string;
  /** HH:MM when someone came late. */
  arrivedAt?: string;
  /** HH:MM when someone left early. */
  leftAt?: string;
}

export interface NextMeeting {
  /** YYYY-MM-DD */
  date: string;
  start?: string;
  end?: string;
  place?: string;
}

/** The meeting as the minutes record it: only the date is always known. */
export interface MinutesMeeting {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  start?: string;
  end?: string;
  place?: string;
  mode?: MeetingMode;
  /** Kept for the tab; never printed in the archived document. */
  teamsLink?: string;
}

/** What the protocol says. This is what is hashed, frozen and rendered. */
export interface MinutesContent {
  format: typeof MINUTES_FORMAT;
  kind: MinutesKind;
  numbering: ItemNumbering;
  networkName: string;
  meeting: MinutesMeeting;
  /** Ordförande of the meeting. */
  chair?: PersonRef;
  secretary?: PersonRef;
  /** Empty for minnesanteckningar. */
  justerare: MemberRef[];
  attendees: MinutesAttendee[];
  items: MinutesItem[];
  nextMeetings: NextMeeting[];
  /** Free text about the next meeting(s): "Fredagar kl 13-15, förhoppningsvis på plats". */
  nextMeetingNote?: string;
}

/** Content as a draft or a version holds it in the store: the current shape, or one stored before it. It is hashed as it is. */
export type StoredMinutesContent = MinutesContent | LegacyMinutesContent;

/**
 * What a save sends: the attendance or the items left out mean "as they are" (so a page loaded
 * before the latest check-in does not freeze the attendance it happened to show).
 */
export type MinutesContentInput = Omit<MinutesContent, 'attendees' | 'items'> & Partial<Pick<MinutesContent, 'attendees' | 'items'>>;

/** The secretary's working copy. */
export interface MinutesDraft {
  tenantId: string;
  networkId: string;
  meetingId: string;
  content: StoredMinutesContent;
  /** The latest version sent for justering, if any. */
  sentVersion?: number;
  /** The hash of `content` when it was last sent; differs once the draft is edited after sending. */
  sentHash?: string;
  /**
   * Whether a person has changed the attendance / the items. Until then, and until the minutes
   * are first sent, they follow the check-in and the agenda as those change.
   */
  attendeesEdited?: boolean;
  itemsEdited?: boolean;
  updatedAt: string;
  updatedBy?: string;
}

/** `imported`: an old protocol read from a file and reviewed (importerat): never justerat in Justera. */
export type VersionState = 'pending' | 'changes_requested' | 'superseded' | 'approved' | 'imported';

export interface Approval {
  memberId: string;
  name: string;
  at: string;
}

export interface ChangeRequest extends Approval {
  comment: string;
}

/** The rendered documents; for an imported protocol, its original file and the reviewed justera-protokoll/1 JSON. */
export const ARCHIVED_DOCUMENT_KINDS = ['pdf', 'docx', 'original', 'json'] as const;
export type ArchivedDocumentKind = (typeof ARCHIVED_DOCUMENT_KINDS)[number];

export interface ArchivedDocument {
  kind: ArchivedDocumentKind;
  name: string;
  webUrl: string;
  itemId: string;
}

/** What a version's documents are called in the archive (built by archiveNames in archive-names.ts). */
export interface ArchiveNames {
  /** Nätverk column: the stored network's name as people read it. */
  network: string;
  /** Mötesdatum column and the year folder: the stored meeting's date, YYYY-MM-DD. */
  meetingDate: string;
  /** The network's folder name, e.g. "IM-nätverket (k3f9a2)". */
  folder: string;
  /** The file name without version and extension, e.g. "Protokoll för IM-nätverket 2021-12-03". */
  file: string;
}

/** Archiving is written with the approval in one row: the outbox. */
export interface ArchiveIntent {
  state: 'pending' | 'done' | 'failed';
  attempts: number;
  /** ISO instant: not before then (Retry-After, back-off). */
  nextAttemptAt: string;
  lastError?: string;
  documents: ArchivedDocument[];
  doneAt?: string;
  /** The minutes card in the channel, once posted. */
  minutesCardPosted?: boolean;
  /** The names, chosen at the first attempt from the stored network and meeting; every retry reuses them. */
  names?: ArchiveNames;
}

export interface MinutesVersion {
  tenantId: string;
  networkId: string;
  meetingId: string;
  number: number;
  content: StoredMinutesContent;
  hash: string;
  sentAt: string;
  sentBy: { memberId: string; name: string };
  state: VersionState;
  approvals: Approval[];
  changeRequests: ChangeRequest[];
  approvedAt?: string;
  archive?: ArchiveIntent;
  /** An imported protocol (state `imported`): the file it was read from, its SHA-256, and what the content cannot hold. */
  imported?: ImportedSource;
}

/** Where an imported protocol came from. */
export interface ImportedSource {
  /** The original file's name as uploaded. */
  file: string;
  /** SHA-256 (hex) of the original file's bytes. */
  sha256: string;
  mediaType: string;
  /** The protocol's title as reviewed. */
  title: string;
  /** "hösten 2023": the period the protocol is from, when it gives no date (the meeting is filed under the year). */
  approximateDate?: string;
  /** The reader that read it (justera-reader/1), or the interchange format for a JSON document. */
  reader: string;
  importedAt: string;
  importedBy: { memberId: string; name: string };
}

/** Where the minutes stand: what the tab shows and the status card says. */
export type MinutesStatus =
  | { kind: 'draft' }
  | { kind: 'edited_after_send'; version: number }
  | { kind: 'pending'; version: number; waitingFor: { memberId: string; name: string }[]; since: string }
  | { kind: 'changes_requested'; version: number; requests: ChangeRequest[] }
  | { kind: 'approved'; version: number; approvedAt: string }
  | { kind: 'edited_after_approval'; approvedVersion: number }
  /** An old protocol imported from a file (importerat), never justerat in Justera. */
  | { kind: 'imported'; version: number };
