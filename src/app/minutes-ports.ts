import type { Meeting } from '../domain/meeting';
import type { MinutesStatus, MinutesVersion } from '../domain/minutes';
import type { Member } from '../domain/network';
import type { Archive, Clock, Store } from './ports';

/** What Teams is asked to show, so people know where justering stands. */
export interface JusteringChannel {
  /** The version's card in each justerare's personal chat with the bot (again on a reminder). */
  askJusterare(meeting: Meeting, version: MinutesVersion, justerare: Member, reminder: boolean): Promise<void>;
  /**
   * The channel's status card: posted once per meeting, then updated in place. Runs in the
   * background (callers do not wait for Teams' rate limits) and never rejects.
   */
  showStatus(meeting: Meeting, version: MinutesVersion): Promise<void>;
  /** Tells the secretary a justerare asked for a change. */
  tellSecretary(meeting: Meeting, version: MinutesVersion, secretary: Member, request: { name: string; comment: string }): Promise<void>;
  /** Tells the secretary that a justerare of a waiting version left the team (they name another and send again). */
  tellJusterareLeft(meeting: Meeting, version: MinutesVersion, secretary: Member, justerare: { name: string }): Promise<void>;
  /** Tells the secretary and the chair that 14 days passed without justering. */
  tellOverdue(meeting: Meeting, people: Member[], status: MinutesStatus): Promise<void>;
}

/** What the minutes use cases (drafting, justering, reminders, action items, past minutes) are built from. */
export interface MinutesDeps {
  store: Store;
  clock: Clock;
  channel: JusteringChannel;
  timeZone: string;
  /** Days after sending when a justerare who has not answered is reminded (default 3). */
  reminderDays: number;
  /** Called when a version is justerad (or its archiving is to be tried again), so archiving starts at once. */
  onApproved?: (version: MinutesVersion) => void;
  /** The search index: a version is put in it when it is justerad (src/app/search.ts). */
  search?: { index(version: MinutesVersion): Promise<void> };
  /** Where justerade versions are archived; its documents are served when it can read them (the local folder). */
  archive?: Archive;
}
