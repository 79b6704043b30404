import * as z from 'zod/mini';
import { MEETING_MODES } from '../domain/meeting';
import { ITEM_NUMBERINGS, MINUTES_KINDS, OWNER_ROLES } from '../domain/minutes-model';
import { INTERCHANGE_ATTENDANCE, PROTOKOLL_FORMAT, type ProtokollDocument } from '../domain/import/protokoll';

/**
 * The zod schema of the interchange format `justera-protokoll/1` (domain/import/protokoll.ts):
 * what import checks a JSON document against before mapping it. The documented form is
 * schemas/justera-protokoll-1.schema.json; test/unit/protokoll-format.test.ts keeps the two in step.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

const str = z.string();
const date = z.string().check(z.regex(DATE));
const time = z.string().check(z.regex(TIME));

const personName = z.strictObject({ name: str, memberId: z.optional(str) });

const attendee = z.strictObject({
  id: z.optional(str),
  memberId: z.optional(str),
  name: str,
  organisation: z.optional(str),
  role: z.optional(str),
  attendance: z.enum(INTERCHANGE_ATTENDANCE),
  substituteFor: z.optional(str),
  arrivedAt: z.optional(time),
  leftAt: z.optional(time),
  position: z.optional(z.number().check(z.int(), z.nonnegative())),
});

const owner = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), name: str, memberId: z.optional(str) }),
  z.strictObject({ kind: z.literal('role'), role: z.enum(OWNER_ROLES), name: str }),
  z.strictObject({ kind: z.literal('group'), name: str, members: z.array(z.strictObject({ name: str, memberId: str })) }),
]);

const item = z.strictObject({
  id: z.optional(str),
  agendaItemId: z.optional(str),
  number: z.optional(str),
  title: str,
  presenters: z.array(z.strictObject({ name: str, memberId: z.optional(str), organisation: z.optional(str) })),
  body: str,
  decisions: z.array(str),
  actions: z.array(z.strictObject({ id: z.optional(str), text: str, owners: z.array(owner), due: z.optional(date) })),
  tabled: z.boolean(),
  round: z.optional(z.strictObject({ questions: z.array(str), responses: z.array(z.strictObject({ speaker: str, text: str })) })),
});

const source = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('justera'), version: z.optional(z.number().check(z.int())), state: z.optional(str) }),
  z.strictObject({ kind: z.literal('import'), file: str, sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))), mediaType: z.optional(str), reader: str }),
]);

const reviewMark = z.strictObject({
  path: str,
  level: z.enum(['uncertain', 'missing', 'corrected']),
  reason: str,
  message: str,
  original: z.optional(str),
  start: z.optional(z.number().check(z.int())),
  end: z.optional(z.number().check(z.int())),
});

export const protokollDocumentSchema = z.strictObject({
  format: z.literal(PROTOKOLL_FORMAT),
  network: str,
  kind: z.enum(MINUTES_KINDS),
  title: str,
  date: z.optional(date),
  approximateDate: z.optional(str),
  start: z.optional(time),
  end: z.optional(time),
  place: z.optional(str),
  form: z.optional(z.enum(MEETING_MODES)),
  teamsLink: z.optional(str),
  numbering: z.enum(ITEM_NUMBERINGS),
  chair: z.optional(personName),
  secretary: z.optional(personName),
  justerare: z.array(personName),
  attendees: z.array(attendee),
  othersPresent: z.array(attendee),
  items: z.array(item),
  nextMeetings: z.array(z.strictObject({ date, start: z.optional(time), end: z.optional(time), place: z.optional(str) })),
  nextMeetingNote: z.optional(str),
  links: z.array(z.strictObject({ item: str, text: str, url: str })),
  approvals: z.array(z.strictObject({ name: str, memberId: z.optional(str), at: str })),
  contentHash: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  source,
  review: z.optional(z.array(reviewMark)),
});

/** A parsed document, or the first problems with their JSON paths. */
export function parseProtokollDocument(value: unknown): { ok: true; doc: ProtokollDocument } | { ok: false; problems: string[] } {
  const r = z.safeParse(protokollDocumentSchema, value);
  if (r.success) return { ok: true, doc: r.data };
  return { ok: false, problems: r.error.issues.slice(0, 10).map((i) => `/${i.path.map(String).join('/')}: ${i.message}`) };
}
