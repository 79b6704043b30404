import { z } from 'zod';
import { REFRESHABLE_CARDS } from '../app/card-views';
import { ATTENDANCE_STATUSES } from '../domain/attendance';
import { DomainError } from '../domain/errors';
import { LIMITS, type MeetingFormValues } from '../domain/meeting';
import { PROPOSAL_LIMITS } from '../domain/proposal';
import { MINUTES_LIMITS } from '../domain/minutes';

/** The one table of card actions: every button's `data.action` is validated into this union. */
const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const field = (max: number) => z.string().max(max).optional();

/** The meeting form's inputs ("ny träff", "Ändra träff"). */
const meetingFields = {
  date: field(32),
  start: field(16),
  end: field(16),
  place: field(LIMITS.place),
  mode: field(32),
  teamsLink: field(LIMITS.teamsLink),
};

export const cardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('checkin'), meetingId: id, status: z.enum(ATTENDANCE_STATUSES) }),
  z.object({ action: z.literal('undo'), meetingId: id }),
  z.object({ action: z.literal('close'), meetingId: id }),
  z.object({ action: z.literal('reopen'), meetingId: id }),
  z.object({ action: z.literal('proposeItem'), meetingId: id }),
  z.object({
    action: z.literal('submitProposal'),
    meetingId: id,
    proposalId: id,
    title: field(PROPOSAL_LIMITS.title),
    description: field(PROPOSAL_LIMITS.description),
  }),
  z.object({ action: z.literal('approveMinutes'), meetingId: id, version: z.string().regex(/^[1-9][0-9]{0,5}$/) }),
  z.object({
    action: z.literal('requestMinutesChange'),
    meetingId: id,
    version: z.string().regex(/^[1-9][0-9]{0,5}$/),
    comment: field(MINUTES_LIMITS.comment),
  }),
  z.object({
    action: z.literal('createMeeting'),
    formId: id,
    /** Confirmed on the card that asks: a meeting already held, recorded to write its minutes. */
    past: z.literal('yes').optional(),
    ...meetingFields,
  }),
  z.object({ action: z.literal('editMeeting'), meetingId: id, ...meetingFields }),
  z.object({ action: z.literal('cancelMeeting'), meetingId: id }),
  /** A shared card's refresh (Universal Actions): the viewer's own view of it; reads only. */
  z.object({ action: z.literal('refreshCard'), meetingId: id, card: z.enum(REFRESHABLE_CARDS) }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardActionName = CardAction['action'];

const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().max(64).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

const KNOWN = new Set<string>(cardActionSchema.options.map((o) => o.shape.action.value));

/** Decodes an adaptiveCard/action invoke value; throws DomainError with a stable code. */
export function decodeCardAction(value: unknown): CardAction {
  const outer = invokeValueSchema.safeParse(value);
  if (!outer.success) throw new DomainError('bad_request');
  const data: Record<string, unknown> = { ...(outer.data.action.data ?? {}) };
  if (data.action === undefined && outer.data.action.verb) data.action = outer.data.action.verb;
  if (typeof data.action !== 'string' || !KNOWN.has(data.action)) throw new DomainError('unknown_action');
  const parsed = cardActionSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const tooLong = parsed.error.issues.some((i) => i.code === 'too_big' && !['meetingId', 'formId', 'proposalId'].includes(String(i.path[0])));
  throw new DomainError(tooLong ? 'field_too_long' : 'bad_request');
}

type MeetingFormAction = Extract<CardAction, { action: 'createMeeting' | 'editMeeting' }>;

/** True when none of the form's inputs arrived (a client that dropped associated inputs). */
export function formInputsMissing(a: MeetingFormAction): boolean {
  return [a.date, a.start, a.end, a.place, a.mode, a.teamsLink].every((v) => v === undefined);
}

/** The form's values as sent (a field left out is empty). */
export function formValues(a: MeetingFormAction): MeetingFormValues {
  return { date: a.date ?? '', start: a.start ?? '', end: a.end ?? '', place: a.place ?? '', mode: a.mode ?? '', teamsLink: a.teamsLink ?? '' };
}
