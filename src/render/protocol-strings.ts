import type { Locale, MeetingMode } from '../domain/meeting';

export interface PageLabel {
  prefix: string;
  separator: string;
}

export function pageLabelText(label: PageLabel, page: number, pages: number): string {
  return `${label.prefix}${page}${label.separator}${pages}`;
}

/** Everything the reader of a protocol document sees besides its content: Swedish, or English. */
export interface ProtocolStrings {
  network: string;
  date: string;
  time: string;
  place: string;
  mode: string;
  modes: Record<MeetingMode, string>;
  teamsLink: string;
  secretary: string;
  justerare: string;
  attendance: string;
  apologies: string;
  unknownMunicipality: string;
  online: string;
  guest: string;
  substituteFor: (name: string) => string;
  arrivedAt: (time: string) => string;
  items: string;
  presenter: string;
  tabled: string;
  decision: string;
  action: string;
  due: (date: string) => string;
  nextMeeting: string;
  justering: string;
  approvedAt: string;
  notApproved: string;
  version: string;
  contentHash: string;
  /** "Sida 3 av 7": the words around the page number and the number of pages. */
  page: PageLabel;
  subject: (version: number) => string;
  /** BCP 47 tag for the document's language. */
  language: string;
}

const SV: ProtocolStrings = {
  network: 'Nätverk',
  date: 'Datum',
  time: 'Tid',
  place: 'Plats',
  mode: 'Form',
  modes: { onsite: 'på plats', online: 'digitalt', hybrid: 'hybrid (på plats och digitalt)' },
  teamsLink: 'Teamslänk',
  secretary: 'Sekreterare',
  justerare: 'Justerare',
  attendance: 'Närvarande',
  apologies: 'Anmält förhinder',
  unknownMunicipality: 'Kommun ej angiven',
  online: 'digitalt',
  guest: 'gäst',
  substituteFor: (name) => `ersättare för ${name}`,
  arrivedAt: (time) => `anlände ${time}`,
  items: 'Punkter',
  presenter: 'Föredragande',
  tabled: 'Bordlagd',
  decision: 'Beslut',
  action: 'Uppdrag',
  due: (date) => `senast ${date}`,
  nextMeeting: 'Nästa möte',
  justering: 'Justering',
  approvedAt: 'Justerat',
  notApproved: 'ej justerat',
  version: 'Version',
  contentHash: 'Innehållshash (SHA-256)',
  page: { prefix: 'Sida ', separator: ' av ' },
  subject: (version) => `Justerat protokoll, version ${version}`,
  language: 'sv-SE',
};

const EN: ProtocolStrings = {
  network: 'Network',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  mode: 'Form',
  modes: { onsite: 'in person', online: 'online', hybrid: 'hybrid (in person and online)' },
  teamsLink: 'Teams link',
  secretary: 'Secretary',
  justerare: 'Approvers',
  attendance: 'Present',
  apologies: 'Apologies',
  unknownMunicipality: 'Municipality not given',
  online: 'online',
  guest: 'guest',
  substituteFor: (name) => `substitute for ${name}`,
  arrivedAt: (time) => `arrived ${time}`,
  items: 'Items',
  presenter: 'Presenter',
  tabled: 'Tabled',
  decision: 'Decision',
  action: 'Action',
  due: (date) => `by ${date}`,
  nextMeeting: 'Next meeting',
  justering: 'Approval',
  approvedAt: 'Approved',
  notApproved: 'not approved',
  version: 'Version',
  contentHash: 'Content hash (SHA-256)',
  page: { prefix: 'Page ', separator: ' of ' },
  subject: (version) => `Approved minutes, version ${version}`,
  language: 'en-GB',
};

export function protocolStrings(locale: Locale): ProtocolStrings {
  return locale === 'en' ? EN : SV;
}
