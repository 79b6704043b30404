import type { Agenda } from '../domain/agenda';
import type { AgendaTemplate } from '../domain/agenda-template';
import type { AttendanceRecord } from '../domain/attendance';
import type { Proposal } from '../domain/proposal';
import type { CardRef, Locale, Meeting, MeetingRevision, SameDateMeeting } from '../domain/meeting';
import type { MinutesDraft, MinutesVersion, OpenAction } from '../domain/minutes';
import type { Member, Network } from '../domain/network';
import type { SearchDocument } from '../domain/search/document';

/** Durable state. Every key is scoped by tenant (and network or meeting); nothing is global. */
export interface Store {
  upsertNetwork(network: Network): Promise<void>;
  getNetwork(tenantId: string, networkId: string): Promise<Network | undefined>;
  /** The tenant's networks; without a tenant, every network (local mode's dev picker only). */
  listNetworks(tenantId?: string): Promise<Network[]>;

  /** Inserts or replaces the given members (by id); others are left alone. */
  upsertMembers(members: readonly Member[]): Promise<void>;
  /** One person's memberships in every network of the tenant (those who left included), by network id: read by key, not per network. */
  listMemberships(tenantId: string, personId: string): Promise<Member[]>;
  listMembers(tenantId: string, networkId: string): Promise<Member[]>;
  getMember(tenantId: string, networkId: string, memberId: string): Promise<Member | undefined>;
  /** Deletes a member record (erasing a person's data); returns whether there was one. */
  removeMember(tenantId: string, networkId: string, memberId: string): Promise<boolean>;

  /** Inserts the meeting unless one with its id exists; returns what is stored. */
  createMeeting(meeting: Meeting): Promise<{ meeting: Meeting; created: boolean }>;
  getMeeting(tenantId: string, meetingId: string): Promise<Meeting | undefined>;
  /** A network's meetings on or after `fromDate` (YYYY-MM-DD), and on or before `toDate` when given; soonest first. */
  listMeetings(tenantId: string, networkId: string, fromDate: string, toDate?: string): Promise<Meeting[]>;
  /**
   * A page of a network's meetings dated before `beforeDate` (YYYY-MM-DD), newest first: the
   * latest `limit` of them and every other one on the oldest date among those (so the date is an
   * exact cursor for the next page). Read as key ranges of the date index, never the whole network.
   */
  listMeetingsBefore(tenantId: string, networkId: string, beforeDate: string, limit: number): Promise<Meeting[]>;
  setMeetingCard(tenantId: string, meetingId: string, card: CardRef): Promise<void>;
  setAttendanceClosed(tenantId: string, meetingId: string, closed: boolean): Promise<void>;
  /**
   * Applies a move, an edit or a cancellation (domain `revisedMeeting`) to the meeting as stored
   * now, leaving what others write meanwhile (its cards, the closed flag) alone; returns the
   * meeting as stored after it, undefined when there is none.
   */
  reviseMeeting(tenantId: string, meetingId: string, revision: MeetingRevision): Promise<Meeting | undefined>;

  /** One record per (tenant, meeting, person): a second put replaces the first. Durable on return. */
  putAttendance(record: AttendanceRecord): Promise<void>;
  /** Returns whether a record was removed. */
  removeAttendance(tenantId: string, meetingId: string, personId: string): Promise<boolean>;
  listAttendance(tenantId: string, meetingId: string): Promise<AttendanceRecord[]>;

  /**
   * Takes or renews the named lease for `owner` until `untilMs`, when it is free, expired
   * (`nowMs` past its end) or already the owner's. Exactly one of several owners racing for
   * a free lease wins. Used to do shared work once across service instances.
   */
  tryLease(tenantId: string, name: string, owner: string, untilMs: number, nowMs: number): Promise<LeaseResult>;

  /** A meeting's agenda draft with its ETag. */
  getAgenda(tenantId: string, meetingId: string): Promise<{ agenda: Agenda; etag: string } | undefined>;
  /**
   * Writes the draft when `ifMatch` is its current ETag (undefined: only when there is none
   * yet). Returns the new ETag, or undefined when someone else wrote first.
   */
  saveAgenda(agenda: Agenda, ifMatch: string | undefined): Promise<string | undefined>;
  /** Keeps a published version; a version once kept never changes. */
  keepAgendaVersion(agenda: Agenda): Promise<void>;
  listAgendaVersions(tenantId: string, meetingId: string): Promise<Agenda[]>;
  /** A network's agenda template with its ETag; undefined while the network uses the default. */
  getAgendaTemplate(tenantId: string, networkId: string): Promise<{ template: AgendaTemplate; etag: string } | undefined>;
  /** Like saveAgenda: written only under the current ETag (undefined: only when there is none yet). */
  saveAgendaTemplate(template: AgendaTemplate, ifMatch: string | undefined): Promise<string | undefined>;
  /** Where the agenda card was posted, and which version it shows. */
  setAgendaCard(tenantId: string, meetingId: string, card: CardRef & { version: number }): Promise<void>;

  /** Where the minutes' status card was posted in the channel. */
  setJusteringCard(tenantId: string, meetingId: string, card: CardRef): Promise<void>;

  /** Stores a proposal unless one with its id exists; returns what is stored. */
  createProposal(proposal: Proposal): Promise<Proposal>;
  getProposal(tenantId: string, meetingId: string, proposalId: string): Promise<Proposal | undefined>;
  listProposals(tenantId: string, meetingId: string): Promise<Proposal[]>;
  updateProposal(proposal: Proposal): Promise<void>;

  /** Stores a job unless one with its id exists (scheduling twice schedules once). */
  scheduleJob(job: Job): Promise<void>;
  /** Jobs not finished whose time has come, across tenants, earliest first. */
  dueJobs(nowIso: string, limit: number): Promise<Job[]>;
  /** Replaces a job's state (claimed, done). */
  updateJob(job: Job): Promise<void>;

  /** A meeting's minutes draft with its ETag. */
  getMinutes(tenantId: string, meetingId: string): Promise<{ minutes: MinutesDraft; etag: string } | undefined>;
  /** Like saveAgenda: written only under the current ETag (undefined: only when there is none yet). */
  saveMinutes(minutes: MinutesDraft, ifMatch: string | undefined): Promise<string | undefined>;
  getMinutesVersion(tenantId: string, meetingId: string, number: number): Promise<{ version: MinutesVersion; etag: string } | undefined>;
  /** A meeting's versions, oldest first. */
  listMinutesVersions(tenantId: string, meetingId: string): Promise<MinutesVersion[]>;
  /**
   * Writes a version under its ETag; with `ifMatch` undefined only when the number is new.
   * One row holds the version, its approvals and its intent to archive, so they change together.
   */
  saveMinutesVersion(version: MinutesVersion, ifMatch: string | undefined): Promise<string | undefined>;
  /** Approved versions whose archiving is pending and due, across tenants, earliest first. */
  dueArchives(nowIso: string, limit: number): Promise<MinutesVersion[]>;
  /** A network's approved versions (all meetings), for action items and the archive view. */
  listApprovedMinutes(tenantId: string, networkId: string): Promise<MinutesVersion[]>;
  /** Marks an action item done (or open again with `undefined`). */
  setActionDone(tenantId: string, networkId: string, actionId: string, done: ActionDone | undefined): Promise<void>;
  listActionsDone(tenantId: string, networkId: string): Promise<Record<string, ActionDone>>;
  /**
   * A network's action items as their own records: those of each meeting's latest approved version,
   * written when a version is approved and kept current when one is marked done (see
   * src/store/action-records.ts). Open ones only, unless the query asks for more; meeting date order.
   */
  listActions(tenantId: string, networkId: string, query: ActionQuery): Promise<ActionRecord[]>;

  // Search index: one document per approved protocol, and per term the protocols holding it.
  /**
   * Puts a protocol in the search index with the distinct terms it holds, replacing what the
   * index held for its meeting before (a later version, a re-index): terms no longer in it go.
   */
  putSearchDocument(doc: SearchDocument, terms: readonly string[]): Promise<void>;
  getSearchDocument(tenantId: string, meetingId: string): Promise<SearchDocument | undefined>;
  /** The protocols of the given networks holding a term (one key lookup, not a scan of the documents). */
  searchPostings(tenantId: string, term: string, networkIds: readonly string[]): Promise<SearchPosting[]>;
  /** Which index version a network's protocols were last all indexed at (the backfill's marker). */
  getSearchMarker(tenantId: string, networkId: string): Promise<SearchMarker | undefined>;
  setSearchMarker(marker: SearchMarker): Promise<void>;

  // Delivery outbox: every card sent to Teams is recorded here first, then delivered by a worker.
  /** A delivery with its ETag. */
  getDelivery(tenantId: string, id: string): Promise<{ delivery: Delivery; etag: string } | undefined>;
  /** Writes a delivery under its ETag (undefined: only when there is none with its id yet); undefined when someone else wrote first. */
  saveDelivery(delivery: Delivery, ifMatch: string | undefined): Promise<string | undefined>;
  /** Pending deliveries whose time has come, across tenants, earliest first. */
  dueDeliveries(nowIso: string, limit: number): Promise<Delivery[]>;
  /** Deletes the personal cards (reminders, notices) addressed to one Teams user, pending or sent (erasing a person's data); returns how many. */
  removePersonalDeliveries(tenantId: string, teamsUserId: string): Promise<number>;
  /** Gives up the named lease when `owner` holds it (a clean shutdown), so another instance need not wait it out. */
  releaseLease(tenantId: string, name: string, owner: string): Promise<void>;

  health(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

/**
 * What a delivery is. Shared cards live in a channel and are updated in place (one row per
 * card, rendered from the store when delivered); posts, personal cards and a fixed card put in
 * place of another are one row per intended message, with the card as rendered when asked for.
 */
export type DeliveryKind = 'checkinCard' | 'agendaCard' | 'justeringCard' | 'post' | 'personal' | 'replace';

/** One card on its way to Teams: the outbox row. */
export interface Delivery {
  tenantId: string;
  /** Deterministic: one per shared card (checkin/<meeting>) or per intended message, so asking twice coalesces. */
  id: string;
  kind: DeliveryKind;
  networkId: string;
  meetingId: string;
  /** A post's channel conversation, or a personal card's Teams user id. */
  to?: string;
  /** The activity a `replace` puts its card in place of. */
  activityId?: string;
  /** A message's Adaptive Card, as JSON. */
  card?: string;
  /** Counts requests; an update rendered at `requested` = n leaves the row pending when n was not the last. */
  requested: number;
  /** The request count the last delivered update rendered at. */
  delivered: number;
  state: 'pending' | 'delivered' | 'failed';
  /** When the next attempt may start (ISO). */
  dueAt: string;
  /** Failed attempts since the last success. */
  attempts: number;
  lastSentAt?: string;
  lastError?: string;
  createdAt: string;
}

/** Scheduled work, stored so it survives restarts. */
export interface Job {
  tenantId: string;
  /** Unique per tenant and deterministic, e.g. agenda-reminder/<meeting>/7. */
  id: string;
  kind: 'agendaReminder' | 'justeringReminder' | 'justeringOverdue';
  meetingId: string;
  /** The minutes version a justering reminder is about. */
  version?: number;
  /** The meeting date a reminder was reckoned from: after a move the job is stale (see jobStillFor). */
  forDate?: string;
  dueAt: string;
  /** Set before the work starts: a job claimed and never finished is not run again. */
  claimedAt?: string;
  doneAt?: string;
  outcome?: 'posted' | 'skipped' | 'abandoned' | 'failed';
  detail?: string;
}

/** A network's protocols were all put in the search index at `indexVersion` (src/app/search.ts backfill). */
export interface SearchMarker {
  tenantId: string;
  networkId: string;
  indexVersion: number;
  protocols: number;
  at: string;
}

/** One protocol holding a term: what the filters on network and year need before reading it. */
export interface SearchPosting {
  meetingId: string;
  networkId: string;
  year: number;
}

/** Who marked an action item done, and when. */
export interface ActionDone {
  by: string;
  at: string;
}

/** An action item of a meeting's latest approved minutes, and its mark when done. */
export type ActionRecord = OpenAction & { done?: ActionDone };

/**
 * Which action records to read: the open ones (of meetings before `beforeDate`, when given), and
 * also those marked done at or after `doneSince`; `all` reads every one, done or not; `actionId`
 * only the records of that action item, done or not (a look-up by key).
 */
export interface ActionQuery {
  actionId?: string;
  beforeDate?: string;
  doneSince?: string;
  all?: boolean;
}

export type LeaseResult = { ok: true } | { ok: false; holder: string; untilMs: number };

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}

/** Posts and refreshes the shared check-in card in the network's channel. */
export interface CheckinCardChannel {
  /**
   * Posts the card as a new post in the meeting's channel; returns where it landed, or
   * undefined while it is still on its way (the delivery records the place when Teams takes it).
   */
  post(meeting: Meeting): Promise<CardRef | undefined>;
  /** Asks for the shared card to be brought up to date (coalesced, rate limited). */
  requestRefresh(meeting: Meeting): void;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * What the app counts and times for operations. Implemented at the edge (src/telemetry.ts,
 * OpenTelemetry meters); NO_METRICS when telemetry is off. Never throws.
 */
export interface Metrics {
  /** A member's attendance was recorded (a status, or `undo` when cleared). */
  checkinRecorded(status: string): void;
  /** One attempt at sending an outbox row to Teams: taken, to be tried again, or refused for good. */
  deliveryAttempted(kind: string, outcome: 'delivered' | 'retry' | 'failed'): void;
  /** An approved version is in the archive: `latencyMs` from its approval until then. */
  archived(latencyMs: number): void;
  /** An attempt at archiving failed: `retry` (it is tried again) or `failed` (it needs a person). */
  archiveFailed(outcome: 'retry' | 'failed'): void;
}

export const NO_METRICS: Metrics = {
  checkinRecorded: () => undefined,
  deliveryAttempted: () => undefined,
  archived: () => undefined,
  archiveFailed: () => undefined,
};

/** An approved version's documents, rendered from its frozen content. */
export interface ProtocolRenderer {
  /** PDF with fonts embedded; the same version gives the same bytes. */
  /** `sameDate`: the network's meetings on the meeting's date, which the title tells apart. */
  pdf(version: MinutesVersion, locale: Locale, sameDate?: readonly SameDateMeeting[]): Promise<Uint8Array>;
  docx(version: MinutesVersion, locale: Locale, sameDate?: readonly SameDateMeeting[]): Promise<Uint8Array>;
}

/** The metadata columns a protocol document carries in the archive. */
export interface ArchiveMetadata {
  /** Nätverk */
  network: string;
  /** Mötesdatum, YYYY-MM-DD */
  meetingDate: string;
  /** Justerare, names joined by ", " */
  justerare: string;
  /** Justerad, ISO instant */
  approvedAt: string;
  /** Version */
  version: number;
  /** Innehållshash, SHA-256 hex of the canonical content */
  contentHash: string;
}

export interface ArchiveDocumentRequest {
  tenantId: string;
  /** The network's folder name ({network} in the folder template), e.g. "IM-nätverket (k3f9a2)": see archiveNames. */
  networkName: string;
  /** YYYY-MM-DD of the stored meeting; the year picks the folder. */
  meetingDate: string;
  /** File name without folder, e.g. "Protokoll för IM-nätverket 2021-12-03 v1.pdf". */
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  metadata: ArchiveMetadata;
}

export interface ArchivedDocumentRef {
  name: string;
  webUrl: string;
  itemId: string;
}

/**
 * Where approved protocols are kept (SharePoint through Graph, or a local folder).
 * `store` may be called again for the same request after any failure, including after the
 * document was written but before the caller heard back: the result is still exactly one
 * document with the request's metadata. A document already there with other content is never
 * overwritten.
 */
export interface Archive {
  store(req: ArchiveDocumentRequest): Promise<ArchivedDocumentRef>;
  /**
   * The bytes of a stored document, for an archive whose webUrl opens nowhere (the local
   * folder): the service serves them to the network's members. Absent for SharePoint, whose
   * documents open at their webUrl. Undefined when the document is not there.
   */
  readDocument?(ref: Pick<ArchivedDocumentRef, 'itemId'>): Promise<Uint8Array | undefined>;
  readonly kind: 'sharepoint' | 'folder';
}

/** A failure worth retrying; `retryAfterMs` when the service said how long to wait. */
export class ArchiveUnavailable extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'ArchiveUnavailable';
  }
}

/** A failure retrying cannot fix (a different document holds the name; access denied). */
export class ArchiveRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRefused';
  }
}
