import { DomainError } from '../domain/errors';
import { daysAfter, localDate, type Meeting } from '../domain/meeting';
import { minutesStatus, type MinutesStatus, type MinutesVersion } from '../domain/minutes';
import type { ArchivedDocument } from '../domain/minutes-model';
import { FORMATS } from './archiving';
import { contentTypeOfName } from './imports';
import type { MinutesDeps } from './minutes-ports';
import { Access, minutesTarget, mustBeAllowed, type Caller } from './policy';

/** How many meetings a page of the tab's archive holds (more when the last date has several). */
export const ARCHIVE_PAGE = 25;

export interface PastMeeting {
  meeting: Meeting;
  /** Whether anyone has opened its minutes yet. */
  started: boolean;
  status: MinutesStatus;
  versions: MinutesVersion[];
  /** Its latest justerat version, if any; for an imported protocol, its imported version (never justerat). */
  approved?: MinutesVersion;
}

/** The tab's archive: past meetings with their minutes, and archiving a refused version again. */
export class PastMinutes {
  private readonly access: Access;

  constructor(private readonly deps: Pick<MinutesDeps, 'store' | 'clock' | 'timeZone' | 'onApproved' | 'archive'>) {
    this.access = new Access(deps.store);
  }

  /**
   * A page of the network's meetings up to today (before `before` when given), newest first, with
   * where each one's minutes stand and the documents of its latest justerat version: the tab's
   * archive, every year of it. `next` is the cursor of the following (older) page.
   */
  async pastMeetings(caller: Caller, networkId: string, before?: string): Promise<{ meetings: PastMeeting[]; next?: string }> {
    const { store, clock, timeZone } = this.deps;
    await this.access.network(caller, networkId, 'readMinutes');
    const tomorrow = daysAfter(localDate(clock.now(), timeZone), 1);
    const meetings = await store.listMeetingsBefore(caller.tenantId, networkId, before !== undefined && before < tomorrow ? before : tomorrow, ARCHIVE_PAGE);
    const out: PastMeeting[] = [];
    for (const meeting of meetings) {
      const draft = await store.getMinutes(caller.tenantId, meeting.id);
      const versions = await store.listMinutesVersions(caller.tenantId, meeting.id);
      const approved = versions.filter((v) => v.state === 'approved' || v.state === 'imported').at(-1);
      out.push({
        meeting,
        // An imported protocol has no draft: its reviewed content is its only version.
        started: !!draft || versions.some((v) => v.state === 'imported'),
        status: minutesStatus(draft?.minutes, versions),
        versions,
        ...(approved ? { approved } : {}),
      });
    }
    const oldest = meetings.at(-1);
    return { meetings: out, ...(oldest && meetings.length >= ARCHIVE_PAGE ? { next: oldest.date } : {}) };
  }

  /**
   * Archives again a justerat version the archive refused (a name taken by another document,
   * access not yet granted), once a person has fixed the cause. Those who write the minutes may.
   */
  async retryArchive(caller: Caller, meetingId: string, number: number): Promise<MinutesVersion> {
    const { store } = this.deps;
    const { meeting, actor } = await this.access.meeting(caller, meetingId, 'readMinutes');
    const draft = await store.getMinutes(meeting.tenantId, meetingId);
    mustBeAllowed(actor, 'retryArchive', minutesTarget(meeting, draft?.minutes));
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await store.getMinutesVersion(meeting.tenantId, meetingId, number);
      if (!found) throw new DomainError('not_found');
      const intent = found.version.archive;
      if (found.version.state !== 'approved' || !intent) throw new DomainError('conflict', 'not justerad');
      if (intent.state !== 'failed') return found.version;
      const next: MinutesVersion = { ...found.version, archive: { ...intent, state: 'pending', attempts: 0, nextAttemptAt: this.deps.clock.now().toISOString() } };
      if (await store.saveMinutesVersion(next, found.etag)) {
        this.deps.onApproved?.(next);
        return next;
      }
    }
    throw new DomainError('conflict');
  }

  /**
   * An archived document of a justerat version, for an archive the service serves itself (the
   * local folder): those who may read the meeting's minutes (its network's members) may. Not
   * found when the version has no such document or the archive's documents open elsewhere.
   */
  async document(caller: Caller, meetingId: string, number: number, kind: ArchivedDocument['kind']): Promise<ServedDocument> {
    const { store, archive } = this.deps;
    const { meeting } = await this.access.meeting(caller, meetingId, 'readMinutes');
    const found = await store.getMinutesVersion(meeting.tenantId, meetingId, number);
    const state = found?.version.state;
    const document = state === 'approved' || state === 'imported' ? found?.version.archive?.documents.find((d) => d.kind === kind) : undefined;
    const bytes = document && archive?.readDocument ? await archive.readDocument(document) : undefined;
    if (!document || !bytes) throw new DomainError('not_found');
    const contentType = FORMATS.find((f) => f.kind === kind)?.contentType ?? contentTypeOfName(document.name);
    return { name: document.name, contentType, bytes };
  }
}

/** A document the service hands out: its name, content type and bytes. */
export interface ServedDocument {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}
