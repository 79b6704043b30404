import { summarizeAttendance } from '../domain/attendance';
import type { JusterareProblem } from '../domain/justerare';
import { isHttpsUrl, type Locale, type Meeting, type SameDateMeeting } from '../domain/meeting';
import { parseMarkup, type MarkupLine } from '../domain/markup';
import type { MinutesKind, MinutesMeeting } from '../domain/minutes-model';
import {
  MINUTES_LIMITS,
  currentContent,
  ownersText,
  protocolTitle,
  waitingFor,
  type ArchivedDocument,
  type JusteringRefusal,
  type MinutesContent,
  type MinutesProblem,
  type MinutesStatus,
  type MinutesVersion,
} from '../domain/minutes';
import { card, CARD_BUDGET_BYTES, container, firstWithinBudget, execute, openUrl, text, userText, type AdaptiveCard, type CardElement, type Run } from './elements';
import { capitalise, instantText, longDate, shorten } from './format';
import { withRefresh, type CardRefresh } from './user-views';
import type { JusteringAnswers } from '../app/card-views';

export const JUSTERING_CARD_BUDGET_BYTES = CARD_BUDGET_BYTES;

export { justeringStrings, type JusteringStrings } from './justering-strings';
import { justeringStrings } from './justering-strings';

/** The kind of record a version is (stored content of any shape). */
function kindOf(version: MinutesVersion): MinutesKind {
  return currentContent(version.content).kind;
}

/** How much of each item a card shows: characters of notes, and decisions and action items each. */
interface Detail {
  notes: number;
  list: number;
}

/** Fullest first; the next step is taken while the card is over budget. */
const STEPS: readonly [Detail, ...Detail[]] = [
  { notes: 600, list: Infinity },
  { notes: 250, list: Infinity },
  { notes: 80, list: 3 },
  { notes: 0, list: 1 },
];
/** The minutes card shows no notes: its steps are the ones that shorten the lists. */
const LIST_STEPS: readonly [Detail, ...Detail[]] = [{ notes: 0, list: 3 }, { notes: 0, list: 1 }];

function names(list: readonly { name: string }[]): string {
  return list.map((p) => p.name).join(', ');
}

/** The protocol's body as a card shows it: attendance in numbers and by municipality, then items. */
function protocolBody(c: MinutesContent, locale: Locale, detail: Detail, withNotes: boolean): { body: CardElement[]; shortened: boolean } {
  const s = justeringStrings(locale);
  // Members present, online and with apologies, by organisation (absent without notice are not counted).
  const summary = summarizeAttendance(
    c.attendees.filter((a) => a.status !== 'absent').map((a) => ({ name: a.name, municipality: a.organisation, guest: a.guest, status: a.status === 'absent' ? 'apologies' : a.status })),
  );
  const body: CardElement[] = [
    text(minutesWhen(c.meeting, locale), { isSubtle: true, spacing: 'None' }),
    ...(c.meeting.place ? [userText([c.meeting.place], { isSubtle: true, spacing: 'None' })] : []),
    ...(c.chair ? [userText([{ text: `${s.chair}: `, bold: true }, c.chair.name], { size: 'Small', spacing: 'None' })] : []),
    text(s.attendanceLine(summary.counts.onsite + summary.counts.online, summary.counts.online, summary.counts.apologies), { spacing: 'Small' }),
  ];
  if (summary.groups.length > 0) {
    body.push(userText([{ text: `${s.municipalities}: `, bold: true }, summary.groups.map((g) => `${g.municipality} ${g.people.length}`).join(' · ')], { size: 'Small', spacing: 'None' }));
  }
  let shortened = false;
  const noteMax = detail.notes;
  const listMax = detail.list;
  c.items.forEach((item, i) => {
    const number = c.numbering === 'numbered' ? [`${i + 1}. `] : [];
    const parts: CardElement[] = [userText([...number, item.title, ...(item.tabled ? [{ text: ` (${s.tabled})`, subtle: true }] : [])], { bold: true })];
    if (withNotes) {
      item.questions.forEach((q) => parts.push(userText([{ text: `${s.question}: `, bold: true }, q], { size: 'Small', spacing: 'None' })));
      const responses = item.responses.map((r) => (r.speaker ? `${r.speaker}: ${r.text}` : r.text)).join('\n\n');
      const body = markupElements([responses, item.notes].filter((t) => t.trim() !== '').join('\n\n'), noteMax);
      shortened ||= body.shortened;
      parts.push(...body.elements);
    }
    item.decisions.slice(0, listMax).forEach((d) => parts.push(userText([{ text: `${s.decision}: `, bold: true }, d], { size: 'Small', spacing: 'None' })));
    item.actions.slice(0, listMax).forEach((a) =>
      parts.push(userText([{ text: `${s.action}: `, bold: true }, a.text, ` (${ownersText(a.owners)}${a.due ? `, ${s.due} ${a.due}` : ''})`], { size: 'Small', spacing: 'None' })),
    );
    shortened ||= item.decisions.length > listMax || item.actions.length > listMax;
    body.push(container(parts, { spacing: 'Small' }));
  });
  if (c.nextMeetings.length > 0 || c.nextMeetingNote) {
    const dates = c.nextMeetings.map((m) => `${m.date}${m.start ? ` ${m.start}` : ''}${m.place ? ` ${m.place}` : ''}`).join(' · ');
    body.push(userText([{ text: `${s.nextMeetings}: `, bold: true }, [c.nextMeetingNote, dates].filter(Boolean).join(' — ')], { size: 'Small' }));
  }
  return { body, shortened };
}

/** "Fredag 4 februari 2022 · 13:00–15:00", with only the times the minutes record. */
function minutesWhen(m: MinutesMeeting, locale: Locale): string {
  const date = capitalise(longDate(m.date, locale));
  if (!m.start) return date;
  return `${date} · ${m.end ? `${m.start}–${m.end}` : m.start}`;
}

/**
 * An item's body (the protocol markup) as card text, up to `max` characters: sub-headings in
 * bold, list items with their bullet or number, links clickable. Text stays text: a TextRun is
 * never read as markdown.
 */
function markupElements(source: string, max: number): { elements: CardElement[]; shortened: boolean } {
  const elements: CardElement[] = [];
  let left = max;
  let shortened = false;
  const add = (prefix: string, line: MarkupLine, bold = false): void => {
    if (left <= 0) {
      shortened = true;
      return;
    }
    const runs: Run[] = prefix ? [prefix] : [];
    for (const inline of line) {
      if (left <= 0) {
        shortened = true;
        break;
      }
      const t = shorten(inline.text, left);
      shortened ||= t !== inline.text;
      left -= inline.text.length;
      runs.push(inline.kind === 'link' ? { text: t, href: inline.href } : t);
    }
    elements.push(userText(runs, { size: 'Small', spacing: 'None', ...(bold ? { bold: true } : {}) }));
  };
  for (const block of parseMarkup(source)) {
    if (block.kind === 'heading') add('', block.line, true);
    else if (block.kind === 'paragraph') block.lines.forEach((l) => add('', l));
    else block.items.forEach((l, i) => add(block.ordered ? `${i + 1}. ` : '• ', l));
  }
  return { elements, shortened };
}

/** To a justerare in personal chat: the version to approve, with Justera (confirmed inside) and Begär ändring. */
/** Where the cards link, the time zone their times are in, and the network's meetings on the meeting's date (see sameDateOf). */
export interface CardOptions {
  tabUrl: string;
  timeZone: string;
  sameDate?: readonly SameDateMeeting[];
}

/** The protocol's title, told apart from the network's other meetings that date. */
function titleOf(version: MinutesVersion, opts: CardOptions, locale: Locale): string {
  return protocolTitle(version.content, locale, { meetingId: version.meetingId, sameDate: opts.sameDate ?? [] });
}

export function approvalRequestCard(meeting: Meeting, version: MinutesVersion, opts: CardOptions & { reminder?: boolean }, locale: Locale): AdaptiveCard {
  const s = justeringStrings(locale, kindOf(version));
  return firstWithinBudget(STEPS, (detail) => {
    const { body, shortened } = protocolBody(currentContent(version.content), locale, detail, true);
    return card(
      [
        text(opts.reminder ? s.reminder : s.toApprove, { size: 'Medium', weight: 'Bolder', color: opts.reminder ? 'Attention' : 'Default' }),
        userText([titleOf(version, opts, locale)], { bold: true }),
        userText([s.versionLine(version.number, version.sentBy.name, instantText(version.sentAt, opts.timeZone, locale))], { isSubtle: true, size: 'Small', spacing: 'None' }),
        ...body,
        ...(shortened ? [text(s.shortened, { isSubtle: true, size: 'Small' })] : []),
      ],
      [...answerActions(meeting.id, version, { approve: true, requestChange: true }, locale), openUrl(s.openTab, opts.tabUrl)],
    );
  });
}

/** A justerare's two answers: Justera (confirmed inside, it cannot be undone) and Begär ändring (with a comment). */
function answerActions(meetingId: string, version: MinutesVersion, answers: JusteringAnswers, locale: Locale): CardElement[] {
  const s = justeringStrings(locale, kindOf(version));
  const data = { meetingId, version: String(version.number) };
  const approve: CardElement = {
    type: 'Action.ShowCard',
    title: s.approve,
    style: 'positive',
    card: {
      type: 'AdaptiveCard',
      body: [text(s.approveConfirm)],
      actions: [execute(s.approveConfirmButton, { action: 'approveMinutes', ...data }, { style: 'positive' })],
    },
  };
  const change: CardElement = {
    type: 'Action.ShowCard',
    title: s.requestChange,
    card: {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.Text', id: 'comment', label: s.comment, isMultiline: true, isRequired: true, errorMessage: s.commentRequired, maxLength: MINUTES_LIMITS.comment }],
      actions: [execute(s.send, { action: 'requestMinutesChange', ...data })],
    },
  };
  return [...(answers.approve ? [approve] : []), ...(answers.requestChange ? [change] : [])];
}

/** The justerare's card after they answered, or were refused. */
export function justeringAnswerCard(
  result:
    | { kind: 'approved'; version: MinutesVersion; complete: boolean }
    | { kind: 'change_requested'; version: MinutesVersion }
    | { kind: 'refused'; reason: JusteringRefusal; version: MinutesVersion; current?: MinutesContent },
  opts: { tabUrl: string; timeZone: string },
  locale: Locale,
): AdaptiveCard {
  const s = justeringStrings(locale, kindOf(result.version));
  const title = protocolTitle(result.version.content, locale);
  if (result.kind === 'approved') {
    const waiting = waitingFor(result.version);
    return card(
      [
        userText([s.youApproved(title)], { bold: true, color: 'Good' }),
        waiting.length > 0
          ? userText([s.waitingFor(names(waiting))])
          : userText([s.approvedBy(names(result.version.approvals), instantText(result.version.approvedAt ?? result.version.sentAt, opts.timeZone, locale))]),
      ],
      [openUrl(s.openTab, opts.tabUrl)],
    );
  }
  if (result.kind === 'change_requested') {
    return card([userText([title], { bold: true }), text(s.changeSent, { color: 'Good' })], [openUrl(s.openTab, opts.tabUrl)]);
  }
  return firstWithinBudget(STEPS, (detail) => {
    const current = result.reason === 'edited_since_sent' && result.current ? protocolBody(result.current, locale, detail, true) : undefined;
    return card(
      [
        userText([title], { bold: true }),
        text(s.refused[result.reason], { color: result.reason === 'already_approved' ? 'Good' : 'Attention' }),
        ...(current ? [text(s.newVersionBelow, { weight: 'Bolder' }), ...current.body] : []),
      ],
      [openUrl(s.openTab, opts.tabUrl)],
    );
  });
}

/**
 * The channel's status card: who is waiting for whom since when, then where the protocol is. A
 * justerare's own view (`answers`) has their buttons too; `refresh` names who gets their own view.
 */
export function justeringStatusCard(
  version: MinutesVersion,
  opts: CardOptions & { answers?: JusteringAnswers; refresh?: CardRefresh },
  locale: Locale,
): AdaptiveCard {
  const s = justeringStrings(locale, kindOf(version));
  const lines: CardElement[] = [userText([titleOf(version, opts, locale)], { bold: true, size: 'Medium' })];
  if (version.state === 'approved') {
    lines.push(userText([s.approvedBy(names(version.approvals), instantText(version.approvedAt ?? version.sentAt, opts.timeZone, locale))], { color: 'Good' }));
    lines.push(text(version.archive?.state === 'done' ? s.statusArchived : s.statusArchiving, { isSubtle: true }));
    for (const d of version.archive?.documents ?? []) lines.push(userText([`${s.documents}: `, d.name], { size: 'Small', spacing: 'None' }));
  } else if (version.state === 'changes_requested') {
    const last = version.changeRequests.at(-1);
    lines.push(userText([s.statusChange(last?.name ?? '')], { color: 'Attention' }));
  } else {
    lines.push(userText([s.statusWaiting(names(waitingFor(version)), instantText(version.sentAt, opts.timeZone, locale))]));
  }
  const links = version.state === 'approved' ? openable(version.archive?.documents ?? []).map((d) => openUrl(d.name, d.webUrl)) : [];
  const answers = opts.answers ? answerActions(version.meetingId, version, opts.answers, locale) : [];
  return withRefresh(card(lines, [...answers, ...links, openUrl(s.openTab, opts.tabUrl)].slice(0, 5)), opts.refresh, locale);
}

/**
 * The documents a card links to: those at an https address (SharePoint's). The local folder
 * archive's are served to the network's members only with the tab's sign-in, which a link from
 * a card cannot carry, so they open from the tab the card links to ("Öppna fliken").
 */
function openable(documents: readonly ArchivedDocument[]): ArchivedDocument[] {
  return documents.filter((d) => isHttpsUrl(d.webUrl));
}

/** The approved minutes in the channel: who approved, attendance, decisions and action items, documents. */
export function minutesCard(version: MinutesVersion, documents: readonly ArchivedDocument[], opts: CardOptions, locale: Locale): AdaptiveCard {
  const s = justeringStrings(locale, kindOf(version));
  return firstWithinBudget(LIST_STEPS, (detail) => {
    const { body, shortened } = protocolBody(currentContent(version.content), locale, detail, false);
    return card(
      [
        userText([titleOf(version, opts, locale)], { bold: true, size: 'Medium' }),
        userText([s.approvedBy(names(version.approvals), instantText(version.approvedAt ?? version.sentAt, opts.timeZone, locale))], { color: 'Good' }),
        ...body,
        ...(shortened ? [text(s.shortened, { isSubtle: true, size: 'Small' })] : []),
        text(`Version ${version.number}`, { isSubtle: true, size: 'Small' }),
      ],
      [...openable(documents).map((d) => openUrl(d.kind === 'pdf' ? 'PDF' : 'Word', d.webUrl)), openUrl(s.openTab, opts.tabUrl)],
    );
  });
}

/** To the secretary: a justerare asked for a change. */
export function changeRequestCard(version: MinutesVersion, request: { name: string; comment: string }, tabUrl: string, locale: Locale): AdaptiveCard {
  const s = justeringStrings(locale, kindOf(version));
  return card([userText([s.changeToSecretary(request.name, protocolTitle(version.content, locale))], { bold: true }), userText([request.comment])], [openUrl(s.openTab, tabUrl)]);
}

/** To the secretary: a justerare of the waiting version left the team, so someone else must be named. */
export function justerareLeftCard(version: MinutesVersion, justerare: { name: string }, tabUrl: string, locale: Locale): AdaptiveCard {
  const s = justeringStrings(locale, kindOf(version));
  return card(
    [userText([s.justerareLeft(justerare.name, protocolTitle(version.content, locale))], { bold: true, color: 'Attention' }), text(s.justerareLeftHint)],
    [openUrl(s.openTab, tabUrl)],
  );
}

/** To the secretary and the chair: 14 days after the meeting without justering. */
export function overdueCard(meeting: Meeting, status: MinutesStatus, tabUrl: string, locale: Locale): AdaptiveCard {
  const s = justeringStrings(locale);
  const title = protocolTitle({ networkName: meeting.networkName, meeting }, locale);
  return card([userText([s.overdue(title)], { bold: true, color: 'Attention' }), text(s.overdueStatus[status.kind]), text(longDate(meeting.date, locale), { isSubtle: true })], [openUrl(s.openTab, tabUrl)]);
}

const FIELD_LABELS: Record<Locale, Record<string, string>> = {
  sv: {
    secretary: 'sekreterare', justerare: 'justerare', items: 'punkter', attendees: 'deltagare', title: 'rubrik', notes: 'anteckningar',
    decisions: 'beslut', actions: 'uppdrag', text: 'uppdragets text', owner: 'ansvarig', due: 'datum', name: 'namn', municipality: 'kommun',
    substituteFor: 'vem ersättaren ersätter', arrivedAt: 'ankomsttid', nextMeetings: 'nästa möte', date: 'datum', start: 'starttid', end: 'sluttid',
    place: 'plats', nextMeetingNote: 'text om nästa möte', memberId: 'medlem', networkName: 'nätverkets namn', mode: 'mötesform',
    teamsLink: 'Teams-länk',
  },
  en: {
    secretary: 'secretary', justerare: 'approvers', items: 'items', attendees: 'attendees', title: 'title', notes: 'notes', decisions: 'decision',
    actions: 'action item', text: 'action text', owner: 'owner', due: 'date', name: 'name', municipality: 'municipality',
    substituteFor: 'whom the substitute stands in for', arrivedAt: 'arrival time', nextMeetings: 'next meeting', date: 'date', start: 'start time',
    end: 'end time', place: 'place', nextMeetingNote: 'note about the next meeting', memberId: 'member', networkName: "network's name",
    mode: 'meeting mode', teamsLink: 'Teams link',
  },
};

/** "Punkt 3, beslut: fyll i." A problem with the minutes, said at its field. */
export function minutesProblemText(p: MinutesProblem | JusterareProblem, locale: Locale): string {
  const labels = FIELD_LABELS[locale];
  const parts = p.field.split('.');
  const label = [...parts].reverse().find((x) => !/^\d+$/.test(x) && labels[x]) ?? parts[0] ?? '';
  const name = labels[label] ?? label;
  const itemIndex = parts[0] === 'items' && parts[1] !== undefined ? Number(parts[1]) + 1 : undefined;
  const where = itemIndex !== undefined ? (locale === 'en' ? `Item ${itemIndex}, ${name}` : `Punkt ${itemIndex}, ${name}`) : capitalise(name);
  const sv: Record<(MinutesProblem | JusterareProblem)['code'], string> = {
    justerare_is_secretary: `${where}: sekreteraren kan inte justera sitt eget protokoll. Välj någon annan.`,
    justerare_absent: `${where}: var inte närvarande på mötet. Välj någon som var med (på plats eller online).`,
    required: `${where}: fyll i.`,
    too_long: `${where}: texten är för lång.`,
    invalid_date: `${where}: skriv datumet som ÅÅÅÅ-MM-DD.`,
    invalid_time: `${where}: skriv tiden som TT:MM.`,
    end_before_start: `${where}: måste vara efter starttiden.`,
    invalid_link: `${where}: skriv en länk som börjar med https://.`,
    invalid_mode: `${where}: välj på plats, digitalt eller hybrid.`,
    invalid_chars: `${where}: innehåller osynliga tecken eller styrtecken; skriv om texten.`,
    too_many: `${where}: för många.`,
    duplicate: `${where}: finns redan.`,
    invalid: `${where}: måste vara medlem i nätverket.`,
  };
  const en: Record<(MinutesProblem | JusterareProblem)['code'], string> = {
    justerare_is_secretary: `${where}: the secretary cannot approve their own minutes. Choose someone else.`,
    justerare_absent: `${where}: did not attend the meeting. Choose someone who was there (on site or online).`,
    required: `${where}: required.`,
    too_long: `${where}: the text is too long.`,
    invalid_date: `${where}: write the date as YYYY-MM-DD.`,
    invalid_time: `${where}: write the time as HH:MM.`,
    end_before_start: `${where}: must be after the start time.`,
    invalid_link: `${where}: write a link that starts with https://.`,
    invalid_mode: `${where}: choose on site, online or hybrid.`,
    invalid_chars: `${where}: contains invisible or control characters; type the text again.`,
    too_many: `${where}: too many.`,
    duplicate: `${where}: already there.`,
    invalid: `${where}: must be a member of the network.`,
  };
  return (locale === 'en' ? en : sv)[p.code];
}
