import type { Locale, MeetingMode } from '../domain/meeting';
import type { MinutesKind } from '../domain/minutes-model';

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
  chair: string;
  secretary: string;
  justerare: string;
  attendance: string;
  apologies: string;
  othersPresent: string;
  absent: string;
  unknownMunicipality: string;
  online: string;
  guest: string;
  substituteFor: (name: string) => string;
  arrivedAt: (time: string) => string;
  leftAt: (time: string) => string;
  items: string;
  presenter: string;
  presenters: string;
  round: string;
  question: string;
  tabled: string;
  decision: string;
  action: string;
  due: (date: string) => string;
  nextMeeting: string;
  justering: string;
  approvedAt: string;
  /** Minnesanteckningar: approved by the secretary or the chair. */
  approval: string;
  approvedBy: string;
  approvedOn: string;
  notApproved: string;
  version: string;
  contentHash: string;
  /** "Sida 3 av 7": the words around the page number and the number of pages. */
  page: PageLabel;
  subject: (version: number, kind: MinutesKind) => string;
  /** An imported protocol (importerat): its heading where the justering stands, where it came from, and the document's subject. */
  imported: string;
  importedFrom: (file: string, sha256: string) => string;
  importedSubject: string;
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
  chair: 'Ordförande',
  secretary: 'Sekreterare',
  justerare: 'Justerare',
  attendance: 'Närvarande',
  apologies: 'Anmält förhinder',
  othersPresent: 'Övriga närvarande',
  absent: 'Frånvarande',
  unknownMunicipality: 'Organisation ej angiven',
  online: 'digitalt',
  guest: 'gäst',
  substituteFor: (name) => `ersättare för ${name}`,
  arrivedAt: (time) => `anlände ${time}`,
  leftAt: (time) => `gick ${time}`,
  items: 'Punkter',
  presenter: 'Föredragande',
  presenters: 'Föredragande',
  round: 'Runda',
  question: 'Fråga',
  tabled: 'Bordlagd',
  decision: 'Beslut',
  action: 'Uppdrag',
  due: (date) => `senast ${date}`,
  nextMeeting: 'Nästa möte',
  justering: 'Justering',
  approvedAt: 'Justerat',
  approval: 'Godkännande',
  approvedBy: 'Godkänt av',
  approvedOn: 'Godkänt',
  notApproved: 'ej justerat',
  version: 'Version',
  contentHash: 'Innehållshash (SHA-256)',
  page: { prefix: 'Sida ', separator: ' av ' },
  subject: (version, kind) => (kind === 'minnesanteckningar' ? `Godkända minnesanteckningar, version ${version}` : `Justerat protokoll, version ${version}`),
  imported: 'Importerat',
  importedFrom: (file, sha256) => `Importerat från filen ${file} (SHA-256 ${sha256}) och granskat. Inte justerat i Justera.`,
  importedSubject: 'Importerat protokoll',
  language: 'sv-SE',
};

const EN: ProtocolStrings = {
  network: 'Network',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  mode: 'Form',
  modes: { onsite: 'in person', online: 'online', hybrid: 'hybrid (in person and online)' },
  chair: 'Chair',
  secretary: 'Secretary',
  justerare: 'Approvers',
  attendance: 'Present',
  apologies: 'Apologies',
  othersPresent: 'Also present',
  absent: 'Absent',
  unknownMunicipality: 'Organisation not given',
  online: 'online',
  guest: 'guest',
  substituteFor: (name) => `substitute for ${name}`,
  arrivedAt: (time) => `arrived ${time}`,
  leftAt: (time) => `left ${time}`,
  items: 'Items',
  presenter: 'Presenter',
  presenters: 'Presenters',
  round: 'Round',
  question: 'Question',
  tabled: 'Tabled',
  decision: 'Decision',
  action: 'Action',
  due: (date) => `by ${date}`,
  nextMeeting: 'Next meeting',
  justering: 'Approval',
  approvedAt: 'Approved',
  approval: 'Approval',
  approvedBy: 'Approved by',
  approvedOn: 'Approved',
  notApproved: 'not approved',
  version: 'Version',
  contentHash: 'Content hash (SHA-256)',
  page: { prefix: 'Page ', separator: ' of ' },
  subject: (version, kind) => (kind === 'minnesanteckningar' ? `Approved notes, version ${version}` : `Approved minutes, version ${version}`),
  imported: 'Imported',
  importedFrom: (file, sha256) => `Imported from the file ${file} (SHA-256 ${sha256}) and reviewed. Not approved in Justera.`,
  importedSubject: 'Imported minutes',
  language: 'en-GB',
};

export function protocolStrings(locale: Locale): ProtocolStrings {
  return locale === 'en' ? EN : SV;
}
