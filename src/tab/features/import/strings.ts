import type { Lang } from '../../strings';
import type { InterchangeAttendee } from '../../../domain/import/protokoll';

/** The tab's words for importing old protocols (sv/en). */
export interface ImportTabStrings {
  title: string;
  intro: string;
  choose: string;
  accepted: string;
  reading(file: string): string;
  tooLarge(file: string): string;
  notRead(file: string): string;
  original: string;
  originalHint: string;
  read: string;
  review: { title(n: number): string; none: string; at(field: string): string; from(original: string): string };
  fields: {
    title: string;
    date: string;
    approximateDate: string;
    approximateHint: string;
    place: string;
    attendees: string;
    name: string;
    organisation: string;
    role: string;
    attendance: string;
    addAttendee: string;
    remove(name: string): string;
    items: string;
    itemTitle(n: string): string;
    body: string;
    decisions: string;
    decisionsHint: string;
  };
  attendance: Record<InterchangeAttendee['attendance'], string>;
  dateNeeded: string;
  save: string;
  saving: string;
  saved(file: string): string;
  savedBefore(file: string): string;
  importedNote: string;
  remove: string;
}

const sv: ImportTabStrings = {
  title: 'Importera protokoll',
  intro:
    'Ladda upp gamla protokoll (.docx, .pdf med text, .txt eller en export i justera-protokoll/1). Justera läser varje fil; granska det som lästes bredvid originalet, rätta och spara. Ett importerat protokoll arkiveras som importerat, med originalfilen, och visas aldrig som justerat.',
  choose: 'Välj filer',
  accepted: 'Upp till 10 MB per fil.',
  reading: (file) => `Läser ${file} …`,
  tooLarge: (file) => `${file} är större än 10 MB och kan inte läsas.`,
  notRead: (file) => `${file} kunde inte läsas`,
  original: 'Originaltext',
  originalHint: 'Det markerade är det som Justera är osäker på.',
  read: 'Det som lästes',
  review: {
    title: (n) => (n === 1 ? '1 sak att granska' : `${n} saker att granska`),
    none: 'Inget är markerat för granskning.',
    at: (field) => `Vid ${field}`,
    from: (original) => `Står i originalet: ”${original}”`,
  },
  fields: {
    title: 'Rubrik',
    date: 'Datum',
    approximateDate: 'Ungefärlig tid',
    approximateHint: 'När datumet saknas, till exempel ”hösten 2023”.',
    place: 'Plats',
    attendees: 'Deltagare',
    name: 'Namn',
    organisation: 'Organisation',
    role: 'Roll',
    attendance: 'Närvaro',
    addAttendee: 'Lägg till deltagare',
    remove: (name) => `Ta bort ${name || 'deltagaren'}`,
    items: 'Punkter',
    itemTitle: (n) => `Rubrik för punkt ${n}`,
    body: 'Text',
    decisions: 'Beslut',
    decisionsHint: 'Ett beslut per rad.',
  },
  attendance: { present: 'Närvarande', online: 'Via länk', apologies: 'Anmält förhinder', absent: 'Frånvarande' },
  dateNeeded: 'Ange ett datum eller en ungefärlig tid med årtal innan du sparar.',
  save: 'Spara som importerat',
  saving: 'Sparar …',
  saved: (file) => `${file} är sparat som importerat protokoll och arkiverat med originalfilen.`,
  savedBefore: (file) => `${file} var redan importerat; inget nytt sparades.`,
  importedNote: 'Importerat – inte justerat i Justera',
  remove: 'Ta bort från listan',
};

const en: ImportTabStrings = {
  title: 'Import protocols',
  intro:
    'Upload old protocols (.docx, .pdf with text, .txt, or an export in justera-protokoll/1). Justera reads each file; review what was read beside the original, correct it and save. An imported protocol is archived as imported, with its original file, and never shown as approved.',
  choose: 'Choose files',
  accepted: 'Up to 10 MB a file.',
  reading: (file) => `Reading ${file} …`,
  tooLarge: (file) => `${file} is larger than 10 MB and cannot be read.`,
  notRead: (file) => `${file} could not be read`,
  original: 'Original text',
  originalHint: 'What is marked is what Justera is unsure of.',
  read: 'What was read',
  review: {
    title: (n) => (n === 1 ? '1 thing to review' : `${n} things to review`),
    none: 'Nothing is marked for review.',
    at: (field) => `At ${field}`,
    from: (original) => `The original says: “${original}”`,
  },
  fields: {
    title: 'Title',
    date: 'Date',
    approximateDate: 'Approximate time',
    approximateHint: 'When the date is missing, for example “autumn 2023”.',
    place: 'Place',
    attendees: 'Attendees',
    name: 'Name',
    organisation: 'Organisation',
    role: 'Role',
    attendance: 'Attendance',
    addAttendee: 'Add an attendee',
    remove: (name) => `Remove ${name || 'the attendee'}`,
    items: 'Items',
    itemTitle: (n) => `Title of item ${n}`,
    body: 'Text',
    decisions: 'Decisions',
    decisionsHint: 'One decision a line.',
  },
  attendance: { present: 'Present', online: 'Online', apologies: 'Sent apologies', absent: 'Absent' },
  dateNeeded: 'Give a date, or an approximate time with its year, before saving.',
  save: 'Save as imported',
  saving: 'Saving …',
  saved: (file) => `${file} is saved as an imported protocol and archived with its original file.`,
  savedBefore: (file) => `${file} had been imported already; nothing new was saved.`,
  importedNote: 'Imported – not approved in Justera',
  remove: 'Remove from the list',
};

export const importStrings: Readonly<Record<Lang, ImportTabStrings>> = { sv, en };
