import type { Agenda, AgendaChange, AgendaLink, AgendaSchedule, Presenter, ScheduledItem } from '../domain/agenda';
import { meetingDistinction, type Locale, type Meeting, type SameDateMeeting } from '../domain/meeting';
import { agendaStrings, type AgendaStrings } from './agenda-strings';
import { actionSet, card, CARD_BUDGET_BYTES, container, firstWithinBudget, execute, openUrl, text, userText, type AdaptiveCard, type CardElement, type Json, type Run } from './elements';
import { instantParts, longDate, meetingWhen, shorten } from './format';
import { meetingLifeBanner } from './meeting-life';
import { strings } from './strings';
import { withRefresh, type CardRefresh, type CardViewer } from './user-views';

export const AGENDA_CARD_BUDGET_BYTES = CARD_BUDGET_BYTES;

export interface AgendaCardView {
  meeting: Meeting;
  agenda: Agenda;
  /** The agenda's items with their times (`scheduleItems` from the meeting's start and end). */
  schedule: AgendaSchedule;
  /** Deep link to the meeting in the tab (https). */
  tabUrl: string;
  /** Set when this post updates an agenda published before: when, and what changed. */
  changeNote?: { at: string; changes: AgendaChange[] };
  /** The same card posted again before the meeting. */
  reminder?: boolean;
  /** Action items from earlier approved minutes not yet done: shown under "Föregående protokoll". */
  openActions?: readonly { text: string; owner: string; due?: string; meetingDate: string }[];
  /** Time zone of the change note's time; Europe/Stockholm unless told. */
  timeZone?: string;
  /** The network's meetings on the meeting's date, to tell them apart in the title (see sameDateOf). */
  sameDate?: readonly SameDateMeeting[];
  /** The viewer's own card (their attendance, only the buttons they may press); the shared card without. */
  viewer?: CardViewer;
  /** Who gets their own view of the shared card (Universal Actions refresh). */
  refresh?: CardRefresh;
}

/** How much of each item a card shows; the next step is taken while the card is over budget. */
interface Detail {
  description: number;
  links: boolean;
  presenter: boolean;
  title: number;
}

const STEPS: readonly [Detail, ...Detail[]] = [
  { description: 500, links: true, presenter: true, title: Infinity },
  { description: 200, links: true, presenter: true, title: Infinity },
  { description: 80, links: false, presenter: true, title: Infinity },
  { description: 0, links: false, presenter: true, title: Infinity },
  { description: 0, links: false, presenter: false, title: Infinity },
  { description: 0, links: false, presenter: false, title: 60 },
];

const MAX_CHANGE_LINES = 5;

/**
 * The agenda card posted in the network's channel: numbered items with times, presenters and
 * kinds, then buttons to propose an item, send apologies and open the tab. When the whole card
 * is over budget, descriptions are shortened step by step and then dropped; every item keeps
 * its number, time and title, and the card points to the full agenda in the tab.
 */
export function agendaCard(view: AgendaCardView, locale: Locale): AdaptiveCard {
  return firstWithinBudget(STEPS, (detail) => withRefresh(build(view, locale, detail), view.refresh, locale));
}

function build(view: AgendaCardView, locale: Locale, detail: Detail): AdaptiveCard {
  const a = agendaStrings(locale);
  const s = strings(locale);
  const { meeting, agenda, schedule } = view;
  let shortened = false;
  const items = schedule.items.map((scheduled) => {
    const block = itemBlock(scheduled, detail, a);
    shortened ||= block.shortened;
    if (scheduled.item.standard !== 'previous-minutes' || !view.openActions?.length) return block.element;
    const shown = view.openActions.slice(0, detail.description > 0 ? 10 : 3);
    shortened ||= shown.length < view.openActions.length;
    return container([block.element, openActionList(shown, a)], { spacing: 'None' });
  });

  const body: CardElement[] = [
    container(
      [
        userText([`${a.title} — `, meeting.networkName, ` ${longDate(meeting.date, locale)}${meetingDistinction(meeting, view.sameDate ?? [], locale)}`], { size: 'Large', bold: true }),
        text(`**${a.time}:** ${meeting.start}–${meeting.end}`, { spacing: 'Small' }),
        ...(meeting.place ? [userText([{ text: `${s.place}: `, bold: true }, meeting.place], { spacing: 'Small' })] : []),
        text(`**${s.modeLabel}:** ${s.mode[meeting.mode]}`, { spacing: 'Small' }),
        text(agenda.status === 'published' ? a.version(agenda.version) : a.draft, { isSubtle: true, size: 'Small', spacing: 'Small' }),
      ],
      { style: 'emphasis' },
    ),
    ...meetingLifeBanner(meeting, locale),
  ];
  if (view.reminder) body.push(text(a.reminder(meetingWhen(meeting, locale)), { weight: 'Bolder', color: 'Accent' }));
  if (view.changeNote && view.changeNote.changes.length > 0) body.push(changeNotice(view.changeNote, view.timeZone ?? 'Europe/Stockholm', locale, a));
  if (schedule.overrunMin > 0) body.push(text(a.overrun(schedule.end, meeting.end), { color: 'Warning', weight: 'Bolder' }));
  body.push(...(items.length > 0 ? items : [text(a.noItems, { isSubtle: true })]));
  if (shortened) {
    body.push({ ...container([text(a.fullAgendaInTab, { color: 'Accent', weight: 'Bolder' })], { spacing: 'Medium' }), selectAction: openUrl(a.buttons.openTab, view.tabUrl) });
  }

  const id = meeting.id;
  // A cancelled meeting's agenda stays readable; nothing can be proposed or answered any more.
  if (meeting.cancelled) {
    body.push(actionSet([openUrl(a.buttons.openTab, view.tabUrl)]));
    return card(body);
  }
  const { viewer } = view;
  if (viewer) body.push(text(`${s.yourStatus}: ${s.status[viewer.mine]}`, { color: viewer.mine === 'none' ? 'Default' : 'Good', weight: 'Bolder', spacing: 'Medium' }));
  body.push(
    actionSet([
      ...(!viewer || viewer.may.proposeItem ? [execute(a.buttons.proposeItem, { action: 'proposeItem', meetingId: id }, { style: 'positive' })] : []),
      // The same record as the check-in card's apologies button.
      ...(meeting.attendanceClosed || (viewer && !viewer.may.checkIn) ? [] : [execute(a.buttons.apologies, { action: 'checkin', meetingId: id, status: 'apologies' })]),
      openUrl(a.buttons.openTab, view.tabUrl),
      ...(meeting.teamsLink ? [openUrl(s.buttons.join, meeting.teamsLink)] : []),
    ]),
  );
  return card(body);
}

/** "Uppdrag: Återkoppla kring formuleringar — Camilla (senast 2022-01-14)", per open item. */
function openActionList(actions: NonNullable<AgendaCardView['openActions']>, a: AgendaStrings): CardElement {
  return container(
    [
      text(a.openActions, { size: 'Small', weight: 'Bolder', spacing: 'Small' }),
      ...actions.map((x) => userText([`• ${x.text} — `, x.owner, x.due ? ` (${a.due} ${x.due})` : '', { text: ` · ${x.meetingDate}`, subtle: true }], { size: 'Small', spacing: 'None' })),
    ],
    { spacing: 'Small' },
  );
}

/** "3. 13:15 Projekt Överlämning", who presents and what kind, the description, the links. */
function itemBlock(scheduled: ScheduledItem, detail: Detail, a: AgendaStrings): { element: CardElement; shortened: boolean } {
  const { item, number, start } = scheduled;
  const title = shorten(item.title, detail.title);
  const description = shorten(item.description, detail.description);
  const showLinks = detail.links && item.links.length > 0;
  const meta: Run[] = [
    ...(detail.presenter && item.presenter ? [presenterName(item.presenter, a), ' · '] : []),
    item.kind === 'beslut' ? { text: a.kinds[item.kind], bold: true } : a.kinds[item.kind],
    ` · ${a.minutes(item.durationMin)}`,
  ];
  const element = container(
    [
      userText([{ text: `${number}. ${start} `, bold: true }, { text: title, bold: true }]),
      userText(meta, { isSubtle: true, spacing: 'None' }),
      ...(description ? [userText([description], { spacing: 'Small' })] : []),
      ...(showLinks ? [linkLine(item.links, a)] : []),
    ],
    { spacing: 'Medium' },
  );
  const shortened =
    title !== item.title || description !== item.description || (item.links.length > 0 && !showLinks) || (!!item.presenter && !detail.presenter);
  return { element, shortened };
}

/** "Länkar: A, B" where each title opens its link. */
function linkLine(links: readonly AgendaLink[], a: AgendaStrings): CardElement {
  const runs: Run[] = [{ text: `${a.links}: `, bold: true }];
  links.forEach((l, n) => runs.push(...(n > 0 ? [', '] : []), l.title || l.url));
  const block = userText(runs, { isSubtle: true, spacing: 'Small' });
  const inlines = block.inlines as { [key: string]: Json | undefined }[];
  // Runs 1, 3, 5, … are the link titles; each gets its own link (the URL is never shown as markup).
  links.forEach((l, n) => {
    const run = inlines[1 + 2 * n];
    if (run) run.selectAction = openUrl(l.title || l.url, l.url);
  });
  return block;
}

function changeNotice(note: { at: string; changes: AgendaChange[] }, timeZone: string, locale: Locale, a: AgendaStrings): CardElement {
  const shown = note.changes.slice(0, MAX_CHANGE_LINES);
  const rest = note.changes.length - shown.length;
  return container(
    [
      text(a.changedAt(instantParts(note.at, timeZone, locale)), { weight: 'Bolder' }),
      ...shown.map((c) => userText(changeRuns(c, a), { spacing: 'None' })),
      ...(rest > 0 ? [text(a.moreChanges(rest), { isSubtle: true, spacing: 'None' })] : []),
    ],
    { style: 'accent', spacing: 'Medium' },
  );
}

function changeRuns(c: AgendaChange, a: AgendaStrings): Run[] {
  const label = (t: string): Run => ({ text: t, bold: true });
  switch (c.type) {
    case 'added':
      return [label(a.change.added(c.number)), c.title];
    case 'removed':
      return [label(a.change.removed), c.title];
    case 'moved':
      return [label(a.change.moved(c.from, c.to)), c.title];
    case 'retitled':
      return [label(a.change.retitled), c.from, ' → ', c.to];
    case 'duration':
      return [label(a.change.duration(c.from, c.to)), c.title];
    case 'presenter':
      return [label(a.change.presenter), c.title, ' — ', c.to ? presenterName(c.to, a) : a.change.noPresenter];
    case 'kind':
      return [label(a.change.kind(a.kinds[c.to])), c.title];
    case 'description':
      return [label(a.change.description), c.title];
    case 'links':
      return [label(a.change.links), c.title];
  }
}

function presenterName(p: Presenter, a: AgendaStrings): string {
  if (p.kind === 'member') return p.name;
  return `${p.name} (${p.organisation ?? a.guestSuffix})`;
}
