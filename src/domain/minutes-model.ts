import type { Presenter } from './agenda';
import type { AttendanceStatus } from './attendance';
import type { MeetingDetails } from './meeting';

/** The minutes' data: plain types only, shared by the service and the tab. Rules are in minutes.ts. */

/** Someone the minutes name: a network member, or a person named in text only. */
export type PersonRef = { kind: 'member'; memberId: string; name: string } | { kind: 'named'; name: string };

export interface ActionItem {
  id: string;
  text: string;
  owner: PersonRef;
  /** YYYY-MM-DD */
  due?: string;
}

export interface MinutesItem {
  id: string;
  /** The agenda item this came from, when it did. */
  agendaItemId?: string;
  title: string;
  presenter?: Presenter;
  notes: string;
  decisions: string[];
  actions: ActionItem[];
  /** Bordlagd: postponed to a later meeting. */
  tabled: boolean;
}

export interface MinutesAttendee {
  /** The check-in record's person id, or an id the secretary's correction gave. */
  id: string;
  name: string;
  municipality: string;
  status: AttendanceStatus;
  guest: boolean;
  /** Ersättare: whom this person stands in for. */
  substituteFor?: string;
  /** HH:MM when someone came late. */
  arrivedAt?: string;
}

export interface NextMeeting {
  /** YYYY-MM-DD */
  date: string;
  start?: string;
  end?: string;
  place?: string;
}

/** What the protocol says. This is what is hashed, frozen and rendered. */
export interface MinutesContent {
  networkName: string;
  meeting: MeetingDetails;
  secretary?: PersonRef;
  justerare: Extract<PersonRef, { kind: 'member' }>[];
  attendees: MinutesAttendee[];
  items: MinutesItem[];
  nextMeetings: NextMeeting[];
  /** Free text about the next meeting(s): "Fredagar kl 13-15, förhoppningsvis på plats". */
  nextMeetingNote?: string;
}

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
  content: MinutesContent;
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

export type VersionState = 'pending' | 'changes_requested' | 'superseded' | 'approved';

export interface Approval {
  memberId: string;
  name: string;
  at: string;
}

export interface ChangeRequest extends Approval {
  comment: string;
}

export interface ArchivedDocument {
  kind: 'pdf' | 'docx';
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
  content: MinutesContent;
  hash: string;
  sentAt: string;
  sentBy: { memberId: string; name: string };
  state: VersionState;
  approvals: Approval[];
  changeRequests: ChangeRequest[];
  approvedAt?: string;
  archive?: ArchiveIntent;
}

/** Where the minutes stand: what the tab shows and the status card says. */
export type MinutesStatus =
  | { kind: 'draft' }
  | { kind: 'edited_after_send'; version: number }
  | { kind: 'pending'; version: number; waitingFor: { memberId: string; name: string }[]; since: string }
  | { kind: 'changes_requested'; version: number; requests: ChangeRequest[] }
  | { kind: 'approved'; version: number; approvedAt: string }
  | { kind: 'edited_after_approval'; approvedVersion: number };
