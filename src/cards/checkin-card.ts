import type { CheckinView } from '../app/meetings';
import { ATTENDANCE_STATUSES, type AttendanceSummary } from '../domain/attendance';
import type { ErrorCode } from '../domain/errors';
import { meetingDistinction, type Locale } from '../domain/meeting';
import { actionSet, card, CARD_BUDGET_BYTES, container, firstWithinBudget, execute, measured, openUrl, text, userText, type AdaptiveCard, type CardElement } from './elements';
import { meetingWhen } from './format';
import { meetingLifeActions, meetingLifeBanner } from './meeting-life';
import { strings, type Strings } from './strings';
import { withRefresh, type CardRefresh, type CardViewer } from './user-views';

export const CHECKIN_CARD_BUDGET_BYTES = CARD_BUDGET_BYTES;

/**
 * The check-in card. Without `view.mine` it is the shared card everyone in the channel sees;
 * with it, the clicker's own copy (the invoke response) that also shows their status.
 */
/**
 * What the clicker's own copy says besides their status: why their click was refused (an error
 * code), or what their click did ("Ändringen är sparad …").
 */
export type CheckinNotice = ErrorCode | { done: string };

/**
 * Who the card is for, and its refresh. Without a viewer it is the shared card, with every button
 * (the policy refuses, with the reason, whoever may not press one); with one, the viewer's own
 * view: their status, and only the buttons they may press.
 */
export interface CheckinPersonal {
  viewer?: CardViewer;
  refresh?: CardRefresh;
}

export function checkinCard(view: CheckinView, locale: Locale, notice?: CheckinNotice, personal: CheckinPersonal = {}): AdaptiveCard {
  // A very large meeting lists numbers per municipality instead of names, to stay in budget.
  return firstWithinBudget([false, true], (compact) => withRefresh(build(view, locale, notice, compact, personal.viewer), personal.refresh, locale));
}

function build(view: CheckinView, locale: Locale, notice: CheckinNotice | undefined, compact: boolean, viewer: CardViewer | undefined): AdaptiveCard {
  const s = strings(locale);
  const { meeting, summary } = view;
  const body: CardElement[] = [
    container(
      [
        text(s.checkinTitle, { size: 'Small', isSubtle: true, weight: 'Bolder' }),
        userText([meeting.networkName + meetingDistinction(meeting, view.sameDate ?? [], locale)], { size: 'Large', bold: true, spacing: 'None' }),
        text(meetingWhen(meeting, locale), { spacing: 'Small' }),
        ...(meeting.place ? [userText([{ text: `${s.place}: `, bold: true }, meeting.place], { spacing: 'Small' })] : []),
        text(`**${s.modeLabel}:** ${s.mode[meeting.mode]}`, { spacing: 'Small' }),
      ],
      { style: 'emphasis' },
    ),
    ...meetingLifeBanner(meeting, locale),
  ];
  const people = attendanceParts(summary, locale, compact);
  body.push(people.counts);

  const mine = viewer?.mine ?? view.mine;
  if (mine !== undefined) {
    body.push(text(`${s.yourStatus}: ${s.status[mine]}`, { color: mine === 'none' ? 'Default' : 'Good', weight: 'Bolder' }));
  }
  if (typeof notice === 'string') body.push(text(s.errors[notice], { color: 'Attention', weight: 'Bolder' }));
  else if (notice) body.push(text(notice.done, { color: 'Good', weight: 'Bolder' }));
  if (meeting.attendanceClosed) body.push(text(s.closedNotice, { color: 'Attention', weight: 'Bolder' }));

  body.push(...people.people, people.represented);

  // A cancelled meeting's card keeps who came or sent apologies, and loses every button.
  if (meeting.cancelled) return card(body);
  const id = meeting.id;
  // The shared card offers everything; a viewer's own card only what the policy lets them do.
  const may = (action: 'checkIn' | 'closeAttendance'): boolean => viewer === undefined || viewer.may[action];
  if (!meeting.attendanceClosed && may('checkIn')) {
    body.push(
      actionSet([
        ...ATTENDANCE_STATUSES.map((status) =>
          execute(s.buttons[status], { action: 'checkin', meetingId: id, status }, status === 'onsite' ? { style: 'positive' } : {}),
        ),
        execute(s.buttons.undo, { action: 'undo', meetingId: id }),
      ]),
    );
  }
  const secondary: CardElement[] = [];
  if (meeting.teamsLink && !meeting.attendanceClosed) secondary.push(openUrl(s.buttons.join, meeting.teamsLink));
  if (may('closeAttendance')) {
    secondary.push(
      meeting.attendanceClosed
        ? execute(s.buttons.reopen, { action: 'reopen', meetingId: id })
        : execute(s.buttons.close, { action: 'close', meetingId: id }),
    );
  }
  if (secondary.length > 0) body.push(actionSet(secondary, 'Small'));
  const life = meetingLifeActions(meeting, locale, viewer?.may);
  if (life.length > 0) body.push(actionSet(life, 'Small'));
  return card(body);
}

/** The card's parts that show the attendance: the same for every viewer, so made once per summary (see `measured`). */
interface AttendanceParts {
  counts: CardElement;
  people: CardElement[];
  represented: CardElement;
}

/**
 * The attendance parts of the card for one summary. A burst of check-ins answers each clicker with
 * the summary of the attendance as it stands (the same summary object while it does not change,
 * see checkinViewOf), so the names are laid out and measured once per change, not once per click.
 */
function attendanceParts(summary: AttendanceSummary, locale: Locale, compact: boolean): AttendanceParts {
  let kept = ATTENDANCE_PARTS.get(summary);
  if (!kept) {
    kept = new Map();
    ATTENDANCE_PARTS.set(summary, kept);
  }
  const key = `${locale}\n${compact}`;
  let parts = kept.get(key);
  if (!parts) {
    const s = strings(locale);
    parts = {
      counts: measured(text(s.counts(summary.counts), { size: 'Medium', weight: 'Bolder', spacing: 'Medium' })),
      people: (compact ? peopleCounts(summary, s) : peopleNames(summary, s)).map(measured),
      represented: measured(
        summary.missingMunicipalities.length === 0
          ? text(s.allRepresented, { isSubtle: true, spacing: 'Medium' })
          : text(`**${s.notRepresented}:** ${summary.missingMunicipalities.join(', ')}`, { isSubtle: true, spacing: 'Medium' }),
      ),
    };
    kept.set(key, parts);
  }
  return parts;
}

const ATTENDANCE_PARTS = new WeakMap<AttendanceSummary, Map<string, AttendanceParts>>();

/** Everyone by name, grouped by municipality; guests and apologies after. */
function peopleNames(summary: AttendanceSummary, s: Strings): CardElement[] {
  const body: CardElement[] = [];
  if (summary.groups.length === 0 && summary.guests.length === 0) body.push(text(s.nobodyYet, { isSubtle: true }));
  for (const group of summary.groups) {
    body.push(userText([{ text: `${group.municipality}: `, bold: true }, names(group.people, s.onlineSuffix)], { spacing: 'Small' }));
  }
  if (summary.guests.length > 0) {
    body.push(userText([{ text: `${s.guests}: `, bold: true }, names(summary.guests, s.onlineSuffix)], { spacing: 'Small' }));
  }
  if (summary.apologies.length > 0) {
    const list = summary.apologies.map((a) => (a.guest ? `${a.name}${s.guestSuffix}` : `${a.name} (${a.municipality})`)).join(', ');
    body.push(userText([{ text: `${s.apologies}: `, bold: true }, list], { spacing: 'Small', isSubtle: true }));
  }
  return body;
}

/** Only numbers per municipality: for meetings too large to list by name in one card. */
function peopleCounts(summary: AttendanceSummary, s: Strings): CardElement[] {
  const parts = summary.groups.map((g) => `${g.municipality} ${g.people.length}`);
  if (summary.guests.length > 0) parts.push(`${s.guests} ${summary.guests.length}`);
  return parts.length === 0 ? [text(s.nobodyYet, { isSubtle: true })] : [userText([parts.join(' · ')], { spacing: 'Small' }), text(s.namesInTab, { isSubtle: true, size: 'Small' })];
}

function names(people: readonly { name: string; status: string; guest: boolean }[], onlineSuffix: string): string {
  return people.map((p) => (p.status === 'online' ? `${p.name}${onlineSuffix}` : p.name)).join(', ');
}
