import type { Presenter } from './agenda';
import type { MeetingDetails } from './meeting';
import type { PersonRef } from './minutes-model';

/**
 * The shape minutes were stored in before the protocol model of issue 10 (no `format` field).
 * Drafts and versions in that shape stay in the store as they are: their content hash is of
 * this text. minutes-legacy.ts reads them into the current shape.
 */

export interface LegacyActionItem {
  id: string;
  text: string;
  owner: PersonRef;
  due?: string;
}

export interface LegacyMinutesItem {
  id: string;
  agendaItemId?: string;
  title: string;
  presenter?: Presenter;
  notes: string;
  decisions: string[];
  actions: LegacyActionItem[];
  tabled: boolean;
}

export interface LegacyMinutesAttendee {
  id: string;
  name: string;
  municipality: string;
  status: 'onsite' | 'online' | 'apologies';
  guest: boolean;
  substituteFor?: string;
  arrivedAt?: string;
}

export interface LegacyMinutesContent {
  format?: undefined;
  networkName: string;
  meeting: MeetingDetails;
  secretary?: PersonRef;
  justerare: Extract<PersonRef, { kind: 'member' }>[];
  attendees: LegacyMinutesAttendee[];
  items: LegacyMinutesItem[];
  nextMeetings: { date: string; start?: string; end?: string; place?: string }[];
  nextMeetingNote?: string;
}
