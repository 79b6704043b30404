import { AGENDA_LIMITS, type AgendaErrorCode, type ItemKind } from '../domain/agenda';
import { TEMPLATE_LIMITS } from '../domain/agenda-template';
import type { Locale } from '../domain/meeting';
import type { TermPlanProblem, TermPlanProblemCode } from '../domain/term-plan';
import { strings } from './strings';

/** What the agenda card, the agenda's errors and the term plan's problems say, sv and en. */
export interface AgendaStrings {
  title: string;
  time: string;
  draft: string;
  version(n: number): string;
  reminder(when: string): string;
  kinds: Record<ItemKind, string>;
  minutes(n: number): string;
  guestSuffix: string;
  openActions: string;
  due: string;
  links: string;
  noItems: string;
  overrun(ends: string, meetingEnd: string): string;
  fullAgendaInTab: string;
  buttons: { proposeItem: string; apologies: string; openTab: string };
  changedAt(when?: { date: string; time: string }): string;
  change: {
    added(number: number): string;
    removed: string;
    moved(from: number, to: number): string;
    retitled: string;
    duration(from: number, to: number): string;
    presenter: string;
    noPresenter: string;
    kind(to: string): string;
    description: string;
    links: string;
  };
  moreChanges(n: number): string;
  errors: Record<AgendaErrorCode, string>;
  termPlan: Record<TermPlanProblemCode, (fragment: string, weekdays: { expected: string; actual: string }) => string>;
}

const L = AGENDA_LIMITS;

const sv: AgendaStrings = {
  title: 'Dagordning',
  time: 'Tid',
  draft: 'Utkast, inte publicerat',
  version: (n) => `Version ${n}`,
  reminder: (when) => `Påminnelse: träffen är ${when}.`,
  kinds: { information: 'Information', diskussion: 'Diskussion', beslut: 'Beslut' },
  minutes: (n) => `${n} min`,
  guestSuffix: 'gäst',
  openActions: 'Öppna uppdrag från tidigare protokoll',
  due: 'senast',
  links: 'Länkar',
  noItems: 'Dagordningen har inga punkter ännu.',
  overrun: (ends, meetingEnd) => `Punkterna räcker till ${ends}, efter träffens sluttid ${meetingEnd}.`,
  fullAgendaInTab: 'Hela dagordningen finns i fliken.',
  buttons: { proposeItem: 'Föreslå punkt', apologies: 'Anmäl förhinder', openTab: 'Öppna i fliken' },
  changedAt: (when) => (when ? `Ändrad ${when.date} kl. ${when.time}:` : 'Ändrad:'),
  change: {
    added: (n) => `Ny punkt ${n}: `,
    removed: 'Struken: ',
    moved: (from, to) => `Flyttad från punkt ${from} till ${to}: `,
    retitled: 'Ny rubrik: ',
    duration: (from, to) => `Ny längd (${from} → ${to} min): `,
    presenter: 'Ny föredragande: ',
    noPresenter: 'ingen',
    kind: (to) => `Nu ${to.toLowerCase()}: `,
    description: 'Ny beskrivning: ',
    links: 'Nya länkar: ',
  },
  moreChanges: (n) => `… och ${n} ${n === 1 ? 'ändring' : 'ändringar'} till, se fliken.`,
  errors: {
    title_required: 'Punkten måste ha en rubrik.',
    title_too_long: `Rubriken får vara högst ${L.title} tecken.`,
    description_too_long: `Beskrivningen får vara högst ${L.description} tecken.`,
    too_many_links: `En punkt får ha högst ${L.links} länkar.`,
    link_not_https: 'Länkar måste börja med https://.',
    link_too_long: 'En länk eller dess rubrik är för lång.',
    presenter_name_required: 'Ange namnet på den som föredrar punkten.',
    presenter_name_too_long: `Föredragandens namn och organisation får vara högst ${L.presenterName} tecken.`,
    duration_out_of_range: `Tiden för en punkt måste vara ${L.minDurationMin}–${L.maxDurationMin} minuter.`,
    invalid_kind: 'Välj information, diskussion eller beslut.',
    too_many_items: `En dagordning får ha högst ${L.items} punkter.`,
    item_not_found: 'Punkten finns inte (längre). Inget har ändrats.',
    duplicate_item_id: 'Punkten finns redan. Inget har ändrats.',
    standard_item_fixed: 'Standardpunkterna (närvaro, föregående protokoll, övriga frågor, datum för nästa möte och avslutning) kan inte tas bort eller flyttas, och mallens fasta punkter kan inte flyttas.',
    outside_frame: 'Punkter kan bara flyttas mellan dagordningens inledande och avslutande punkter.',
    frame_broken: 'Dagordningens standardpunkter saknas eller står i fel ordning, eller en fast punkt står bland dagens punkter.',
    template_too_many_items: `Mallen får ha högst ${TEMPLATE_LIMITS.items} punkter.`,
    invalid_time: 'Ange en giltig tid (TT:MM).',
  },
  termPlan: {
    unreadable: (f) => `Kunde inte läsa "${f}".`,
    invalid_date: (f) => `"${f}" är inget giltigt datum.`,
    invalid_time: (f) => `"${f}" är ingen giltig tid.`,
    weekday_mismatch: (f, w) => `"${f}": datumet är en ${w.actual}, inte en ${w.expected}.`,
    time_missing: (f) => `"${f}": tid saknas.`,
    end_missing: (f) => `"${f}": sluttid saknas.`,
    place_missing: (f) => `"${f}": plats saknas.`,
  },
};

const en: AgendaStrings = {
  title: 'Agenda',
  time: 'Time',
  draft: 'Draft, not published',
  version: (n) => `Version ${n}`,
  reminder: (when) => `Reminder: the meeting is on ${when}.`,
  kinds: { information: 'Information', diskussion: 'Discussion', beslut: 'Decision' },
  minutes: (n) => `${n} min`,
  guestSuffix: 'guest',
  openActions: 'Open action items from earlier minutes',
  due: 'by',
  links: 'Links',
  noItems: 'The agenda has no items yet.',
  overrun: (ends, meetingEnd) => `The items run until ${ends}, past the meeting's end at ${meetingEnd}.`,
  fullAgendaInTab: 'The full agenda is in the tab.',
  buttons: { proposeItem: 'Propose an item', apologies: 'Send apologies', openTab: 'Open in the tab' },
  changedAt: (when) => (when ? `Changed ${when.date} at ${when.time}:` : 'Changed:'),
  change: {
    added: (n) => `New item ${n}: `,
    removed: 'Removed: ',
    moved: (from, to) => `Moved from item ${from} to ${to}: `,
    retitled: 'New title: ',
    duration: (from, to) => `New length (${from} → ${to} min): `,
    presenter: 'New presenter: ',
    noPresenter: 'none',
    kind: (to) => `Now ${to.toLowerCase()}: `,
    description: 'New description: ',
    links: 'New links: ',
  },
  moreChanges: (n) => `… and ${n} more ${n === 1 ? 'change' : 'changes'}, see the tab.`,
  errors: {
    title_required: 'The item needs a title.',
    title_too_long: `The title may be at most ${L.title} characters.`,
    description_too_long: `The description may be at most ${L.description} characters.`,
    too_many_links: `An item may have at most ${L.links} links.`,
    link_not_https: 'Links must start with https://.',
    link_too_long: 'A link or its title is too long.',
    presenter_name_required: 'Enter the name of the person presenting the item.',
    presenter_name_too_long: `The presenter's name and organisation may be at most ${L.presenterName} characters.`,
    duration_out_of_range: `An item's time must be ${L.minDurationMin}–${L.maxDurationMin} minutes.`,
    invalid_kind: 'Choose information, discussion or decision.',
    too_many_items: `An agenda may have at most ${L.items} items.`,
    item_not_found: 'The item does not exist (any more). Nothing was changed.',
    duplicate_item_id: 'The item already exists. Nothing was changed.',
    standard_item_fixed: "The standard items (attendance, previous minutes, other matters, date of the next meeting and closing) cannot be removed or moved, and the template's fixed items cannot be moved.",
    outside_frame: "Items can only be moved between the agenda's opening and closing items.",
    frame_broken: "The agenda's standard items are missing or out of order, or a fixed item stands among the topics.",
    template_too_many_items: `The template may have at most ${TEMPLATE_LIMITS.items} items.`,
    invalid_time: 'Enter a valid time (HH:MM).',
  },
  termPlan: {
    unreadable: (f) => `Could not read "${f}".`,
    invalid_date: (f) => `"${f}" is not a valid date.`,
    invalid_time: (f) => `"${f}" is not a valid time.`,
    weekday_mismatch: (f, w) => `"${f}": the date is a ${w.actual}, not a ${w.expected}.`,
    time_missing: (f) => `"${f}": no time given.`,
    end_missing: (f) => `"${f}": no end time given.`,
    place_missing: (f) => `"${f}": no place given.`,
  },
};

const AGENDA_STRINGS: Record<Locale, AgendaStrings> = { sv, en };

export function agendaStrings(locale: Locale): AgendaStrings {
  return AGENDA_STRINGS[locale];
}

/** A term plan problem as a sentence that quotes the fragment it is about. */
export function termPlanMessage(problem: TermPlanProblem, locale: Locale): string {
  const days = strings(locale).weekdays;
  const weekdays = { expected: days[problem.expectedWeekday ?? -1] ?? '', actual: days[problem.actualWeekday ?? -1] ?? '' };
  return AGENDA_STRINGS[locale].termPlan[problem.code](problem.fragment, weekdays);
}
