import type { Lang } from '../../strings';

/** The tab's words for my action items (sv/en). */
export interface ActionsTabStrings {
  myActions: {
    title: string;
    intro: string;
    loading: string;
    empty: string;
    columns: { done: string; text: string; meeting: string; network: string; due: string };
    overdue: string;
    markDone(text: string): string;
    doneBy(name: string): string;
    noDue: string;
  };
}

const sv: ActionsTabStrings = {
  myActions: {
    title: 'Mina uppdrag',
    intro: 'Uppdrag som är dina i justerade protokoll, i alla dina nätverk.',
    loading: 'Hämtar dina uppdrag …',
    empty: 'Du har inga uppdrag.',
    columns: { done: 'Klart', text: 'Uppdrag', meeting: 'Möte', network: 'Nätverk', due: 'Klart senast' },
    overdue: 'Försenat',
    markDone: (text) => `Klart: ${text}`,
    doneBy: (name) => `Markerat klart av ${name}`,
    noDue: 'Inget datum',
  },
};

const en: ActionsTabStrings = {
  myActions: {
    title: 'My action items',
    intro: 'Action items that are yours in approved minutes, across your networks.',
    loading: 'Loading your action items …',
    empty: 'You have no action items.',
    columns: { done: 'Done', text: 'Action item', meeting: 'Meeting', network: 'Network', due: 'Due' },
    overdue: 'Overdue',
    markDone: (text) => `Done: ${text}`,
    doneBy: (name) => `Marked done by ${name}`,
    noDue: 'No date',
  },
};

export const actionsStrings: Readonly<Record<Lang, ActionsTabStrings>> = { sv, en };
