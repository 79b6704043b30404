import type { Lang } from '../../strings';

/** The tab's words for searching the protocols (sv/en). */
export interface SearchTabStrings {
  search: {
    title: string;
    intro: string;
    query: string;
    queryHint: string;
    submit: string;
    network: string;
    anyNetwork: string;
    year: string;
    organisation: string;
    person: string;
    openActions: string;
    field: string;
    fields: { all: string; decisions: string; actions: string };
    searching: string;
    none: string;
    more(n: number): string;
    variants(word: string, found: string): string;
    item(n: number | undefined, title: string | undefined): string;
    openAt: string;
    openActionsCount(n: number): string;
    /** An imported protocol's mark: never justerat in Justera. */
    imported: string;
  };
}

const sv: SearchTabStrings = {
  search: {
    title: 'Sök i protokoll',
    intro: 'Sök i justerade protokoll i alla dina nätverk. Skriv ord eller "en fras inom citattecken".',
    query: 'Sökord',
    queryHint: 'Böjda former hittas också: "kommun" hittar "kommunerna".',
    submit: 'Sök',
    network: 'Nätverk',
    anyNetwork: 'Alla nätverk',
    year: 'År',
    organisation: 'Organisation',
    person: 'Person',
    openActions: 'Bara protokoll med öppna uppdrag',
    field: 'Sök i',
    fields: { all: 'Hela protokollet', decisions: 'Beslut', actions: 'Uppdrag' },
    searching: 'Söker …',
    none: 'Inga protokoll hittades.',
    more: (n) => `Upp till ${n} protokoll till kan matcha. Gör sökningen snävare för att se dem.`,
    variants: (word, found) => `”${word}” fanns inte som det skrevs; sökte också efter ${found} (felläst text i inskannade protokoll).`,
    item: (n, title) => (title ? `${n !== undefined ? `§ ${n} ` : ''}${title}` : 'Protokollets inledning'),
    openAt: 'Öppna protokollet här',
    openActionsCount: (n) => (n === 1 ? '1 öppet uppdrag' : `${n} öppna uppdrag`),
    imported: 'importerat',
  },
};

const en: SearchTabStrings = {
  search: {
    title: 'Search the minutes',
    intro: 'Search approved minutes in all your networks. Type words or "a phrase in quotes".',
    query: 'Search words',
    queryHint: 'Swedish inflections are found too: "kommun" finds "kommunerna".',
    submit: 'Search',
    network: 'Network',
    anyNetwork: 'All networks',
    year: 'Year',
    organisation: 'Organisation',
    person: 'Person',
    openActions: 'Only minutes with open action items',
    field: 'Search in',
    fields: { all: 'The whole minutes', decisions: 'Decisions', actions: 'Action items' },
    searching: 'Searching …',
    none: 'No minutes found.',
    more: (n) => `Up to ${n} more minutes may match. Narrow the search to see them.`,
    variants: (word, found) => `"${word}" was not found as typed; also searched for ${found} (misread text in scanned minutes).`,
    item: (n, title) => (title ? `${n !== undefined ? `Item ${n} ` : ''}${title}` : 'Opening of the minutes'),
    openAt: 'Open the minutes here',
    openActionsCount: (n) => (n === 1 ? '1 open action item' : `${n} open action items`),
    imported: 'imported',
  },
};

export const searchStrings: Readonly<Record<Lang, SearchTabStrings>> = { sv, en };
