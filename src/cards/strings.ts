import type { AttendanceStatus } from '../domain/attendance';
import type { ErrorCode } from '../domain/errors';
import type { Locale, MeetingFieldError, MeetingMode } from '../domain/meeting';
import { markdownText } from './markdown';

export interface Strings {
  weekdays: readonly string[];
  months: readonly string[];
  checkinTitle: string;
  place: string;
  mode: Record<MeetingMode, string>;
  modeLabel: string;
  counts(c: Record<AttendanceStatus, number>): string;
  status: Record<AttendanceStatus | 'none', string>;
  yourStatus: string;
  buttons: Record<AttendanceStatus | 'undo' | 'close' | 'reopen' | 'join', string>;
  guests: string;
  guestSuffix: string;
  onlineSuffix: string;
  apologies: string;
  notRepresented: string;
  allRepresented: string;
  nobodyYet: string;
  namesInTab: string;
  closedNotice: string;
  form: {
    title: string;
    intro: string;
    date: string;
    start: string;
    end: string;
    place: string;
    placeHint: string;
    mode: string;
    teamsLink: string;
    teamsLinkHint: string;
    submit: string;
    fixErrors: string;
  };
  fieldErrors: Record<MeetingFieldError, string>;
  created(title: string): string;
  createdHint: string;
  help: { title: string; intro: string; commands: readonly (readonly [string, string])[] };
  unknownCommand: string;
  errors: Record<ErrorCode, string>;
  errorTitle: string;
  /** A request field (a path such as items.0.title) that does not have the shape the API expects. */
  fieldInvalid(field: string): string;
  municipalitySet(name: string): string;
  recorded(status: AttendanceStatus | 'none', meeting: string): string;
  municipalityUnknown(known: string): string;
  /** A markdown message (sent as text): the team name is escaped, never formatting. */
  welcome(network: string, members: number): string;
}

const sv: Strings = {
  weekdays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  checkinTitle: 'Incheckning',
  place: 'Plats',
  mode: { onsite: 'På plats', online: 'Teams', hybrid: 'Hybrid (på plats och Teams)' },
  modeLabel: 'Form',
  counts: (c) => `${c.onsite} på plats · ${c.online} digitalt · ${c.apologies} förhinder`,
  status: { onsite: 'På plats', online: 'Digitalt', apologies: 'Förhinder', none: 'Inte incheckad' },
  yourStatus: 'Din närvaro',
  buttons: {
    onsite: 'På plats',
    online: 'Digitalt',
    apologies: 'Förhinder',
    undo: 'Ångra',
    close: 'Stäng närvaro',
    reopen: 'Öppna närvaro igen',
    join: 'Anslut till Teams-mötet',
  },
  guests: 'Gäster',
  guestSuffix: ' (gäst)',
  onlineSuffix: ' (digitalt)',
  apologies: 'Förhinder',
  notRepresented: 'Inte representerade',
  allRepresented: 'Alla medlemsorganisationer är representerade.',
  nobodyYet: 'Ingen har checkat in ännu.',
  namesInTab: 'Fler deltagare än vad som får plats med namn på kortet.',
  closedNotice: 'Närvaron är stängd.',
  form: {
    title: 'Ny träff',
    intro: 'Fyll i träffens uppgifter. Incheckningskortet publiceras som ett nytt inlägg i kanalen.',
    date: 'Datum',
    start: 'Starttid',
    end: 'Sluttid',
    place: 'Plats',
    placeHint: 't.ex. Rudbecksgymnasiet, Tidaholm',
    mode: 'Form',
    teamsLink: 'Länk till Teams-mötet (valfritt)',
    teamsLinkHint: 'https://teams.microsoft.com/…',
    submit: 'Skapa träff',
    fixErrors: 'Rätta de markerade fälten. Inget har sparats.',
  },
  fieldErrors: {
    required: 'Fältet måste fyllas i.',
    invalid_date: 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD).',
    date_in_past: 'Datumet har redan passerat.',
    invalid_time: 'Ange en giltig tid (TT:MM).',
    end_before_start: 'Sluttiden måste vara efter starttiden.',
    invalid_mode: 'Välj på plats, Teams eller hybrid.',
    invalid_link: 'Länken måste börja med https://.',
    too_long: 'Texten är för lång.',
  },
  created: (title) => `Träffen ${title} är skapad.`,
  createdHint: 'Incheckningskortet finns som ett nytt inlägg i kanalen.',
  help: {
    title: 'Så använder du Justera',
    intro: 'Skriv @Justera följt av ett kommando i nätverkets kanal:',
    commands: [
      ['ny träff', 'skapar en träff och publicerar dess incheckningskort'],
      ['kommun <namn>', 'rättar vilken kommun du representerar, t.ex. "kommun Skövde"'],
      ['hjälp', 'visar den här listan'],
    ],
  },
  unknownCommand: 'Jag förstod inte. Skriv "hjälp" för en lista över kommandon.',
  errors: {
    bad_request: 'Begäran var ogiltig. Inget har ändrats.',
    unknown_action: 'Knappen känns inte igen. Inget har ändrats.',
    inputs_missing: 'Fälten i formuläret kom inte fram från Teams. Uppdatera Teams och försök igen. Inget har sparats.',
    meeting_not_found: 'Träffen finns inte (längre). Inget har ändrats.',
    network_not_found: 'Det här teamet är inte registrerat som nätverk. Ta bort Justera från teamet och lägg till appen igen.',
    attendance_closed: 'Närvaron är stängd. Be den som skapade träffen att öppna den igen.',
    not_meeting_creator: 'Bara den som skapade träffen eller ordförande, sekreterare och presidiet kan stänga eller öppna närvaron.',
    field_too_long: 'Ett fält är för långt. Inget har ändrats.',
    not_in_channel: 'Det här kommandot fungerar bara i ett nätverks kanal.',
    not_a_member: 'Du är inte medlem i det här nätverket.',
    other_network: 'Träffen hör till ett annat nätverk, som du inte kan göra något i härifrån. Inget har ändrats.',
    forbidden: 'Det får du inte göra i det här nätverket. Be nätverkets administratör om en annan roll.',
    conflict: 'Någon annan har ändrat dagordningen medan du arbetade. Dina ändringar är inte sparade: hämta den nya versionen och gör om dem.',
    meeting_not_started: 'Träffen har inte börjat än. Protokollet kan skickas för justering först när träffen har börjat.',
    meeting_cancelled: 'Träffen är inställd. Det går inte längre att checka in, föreslå punkter eller ändra den. Närvaron som redan registrerats finns kvar.',
    already_justerad: 'Protokollet är redan justerat och kan inte ändras. Din begäran är inte sparad: kontakta sekreteraren om något behöver rättas.',
    precondition_required: 'Begäran saknar versionen (If-Match) den bygger på. Inget har sparats.',
    person_in_team: 'Personen är fortfarande med i nätverkets team. Ta först bort personen från teamet i Teams; annars sparas uppgifterna igen nästa gång medlemslistan läses. Inget har raderats.',
    import_date_missing: 'Ange protokollets datum, eller en ungefärlig tid med årtal (till exempel ”hösten 2023”), innan det sparas.',
    import_invalid: 'Protokollet kunde inte sparas: dokumentet är inte ett justera-protokoll/1, eller originalfilen är inte den som lästes.',
    imported_protocol: 'Protokollet är importerat från en fil. Det ändras inte och skickas inte för justering i Justera.',
    unauthenticated: 'Du är inte inloggad. Öppna Justera i Teams igen.',
    tenant_not_allowed: 'Justera är inte öppet för din organisation. Be er IT-avdelning kontakta kommunalförbundet som förvaltar Justera.',
    not_found: 'Det du söker finns inte.',
    invalid_json: 'Begäran var inte giltig JSON. Inget har ändrats.',
    method_not_allowed: 'Den adressen tar inte emot den sortens begäran. Inget har ändrats.',
    body_too_large: 'Begäran var för stor. Inget har ändrats.',
    unsupported_media_type: 'Begäran ska skickas som JSON. Inget har ändrats.',
    internal: 'Något gick fel hos Justera. Försök igen om en stund.',
  },
  errorTitle: 'Det gick inte',
  fieldInvalid: (field) => `Fältet ${field} har fel form. Inget har ändrats.`,
  municipalitySet: (name) => `Klart: du representerar nu ${name}.`,
  recorded: (status, meeting) => (status === 'apologies' ? `Ditt förhinder är anmält till ${meeting}.` : `Din närvaro för ${meeting}: ${sv.status[status]}.`),
  municipalityUnknown: (known) => `Den kommunen känner jag inte igen. Skriv en svensk kommuns namn eller en av: ${known}.`,
  welcome: (network, members) =>
    `Hej ${markdownText(network)}! Justera är installerad och känner till ${members} medlemmar. Skriv @Justera hjälp för att komma igång.`,
};

const en: Strings = {
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  checkinTitle: 'Check-in',
  place: 'Place',
  mode: { onsite: 'On site', online: 'Teams', hybrid: 'Hybrid (on site and Teams)' },
  modeLabel: 'Format',
  counts: (c) => `${c.onsite} on site · ${c.online} online · ${c.apologies} apologies`,
  status: { onsite: 'On site', online: 'Online', apologies: 'Apologies', none: 'Not checked in' },
  yourStatus: 'Your attendance',
  buttons: {
    onsite: 'On site',
    online: 'Online',
    apologies: 'Apologies',
    undo: 'Undo',
    close: 'Close attendance',
    reopen: 'Reopen attendance',
    join: 'Join the Teams meeting',
  },
  guests: 'Guests',
  guestSuffix: ' (guest)',
  onlineSuffix: ' (online)',
  apologies: 'Apologies',
  notRepresented: 'Not represented',
  allRepresented: 'All member organisations are represented.',
  nobodyYet: 'Nobody has checked in yet.',
  namesInTab: 'More participants than fit on the card by name.',
  closedNotice: 'Attendance is closed.',
  form: {
    title: 'New meeting',
    intro: "Fill in the meeting's details. The check-in card is published as a new post in the channel.",
    date: 'Date',
    start: 'Start time',
    end: 'End time',
    place: 'Place',
    placeHint: 'e.g. Rudbecksgymnasiet, Tidaholm',
    mode: 'Format',
    teamsLink: 'Teams meeting link (optional)',
    teamsLinkHint: 'https://teams.microsoft.com/…',
    submit: 'Create meeting',
    fixErrors: 'Correct the marked fields. Nothing has been saved.',
  },
  fieldErrors: {
    required: 'This field is required.',
    invalid_date: 'Enter a valid date (YYYY-MM-DD).',
    date_in_past: 'The date has already passed.',
    invalid_time: 'Enter a valid time (HH:MM).',
    end_before_start: 'The end time must be after the start time.',
    invalid_mode: 'Choose on site, Teams or hybrid.',
    invalid_link: 'The link must start with https://.',
    too_long: 'The text is too long.',
  },
  created: (title) => `The meeting ${title} has been created.`,
  createdHint: 'The check-in card is a new post in the channel.',
  help: {
    title: 'How to use Justera',
    intro: "Write @Justera followed by a command in the network's channel (the Swedish ones work too):",
    commands: [
      ['new meeting', 'creates a meeting and publishes its check-in card'],
      ['municipality <name>', 'corrects which municipality you represent, e.g. "municipality Skövde"'],
      ['help', 'shows this list'],
    ],
  },
  unknownCommand: 'I did not understand. Write "help" for a list of commands.',
  errors: {
    bad_request: 'The request was invalid. Nothing was changed.',
    unknown_action: 'That button is not recognised. Nothing was changed.',
    inputs_missing: 'The form fields did not arrive from Teams. Update Teams and try again. Nothing was saved.',
    meeting_not_found: 'The meeting does not exist (any more). Nothing was changed.',
    network_not_found: 'This team is not registered as a network. Remove Justera from the team and add it again.',
    attendance_closed: 'Attendance is closed. Ask the person who created the meeting to reopen it.',
    not_meeting_creator: 'Only the person who created the meeting or the chair, secretary and presidium can close or reopen attendance.',
    field_too_long: 'A field is too long. Nothing was changed.',
    not_in_channel: "This command only works in a network's channel.",
    not_a_member: 'You are not a member of this network.',
    other_network: 'That meeting belongs to another network, which you cannot act on from here. Nothing was changed.',
    forbidden: "You are not allowed to do that in this network. Ask the network's admin for another role.",
    conflict: 'Someone else changed the agenda while you were working. Your changes were not saved: load the new version and make them again.',
    meeting_not_started: 'The meeting has not started yet. The minutes can be sent for justering once it has started.',
    meeting_cancelled: 'The meeting is cancelled. Checking in, proposing items and changing it are no longer possible. The attendance already recorded is kept.',
    already_justerad: 'The minutes are already approved and cannot change. Your request was not saved: contact the secretary if something needs correcting.',
    precondition_required: 'The request lacks the version (If-Match) it builds on. Nothing was saved.',
    person_in_team: "The person is still in the network's team. Remove them from the team in Teams first; otherwise their data is stored again the next time the roster is read. Nothing was erased.",
    import_date_missing: "Give the protocol's date, or an approximate time with its year (for example “autumn 2023”), before saving it.",
    import_invalid: 'The protocol could not be saved: the document is not justera-protokoll/1, or the original file is not the one that was read.',
    imported_protocol: 'The protocol was imported from a file. It is not edited or sent for approval in Justera.',
    unauthenticated: 'You are not signed in. Open Justera in Teams again.',
    tenant_not_allowed: 'Justera is not open to your organisation. Ask your IT department to contact the kommunalförbund that runs Justera.',
    not_found: 'What you are looking for does not exist.',
    invalid_json: 'The request was not valid JSON. Nothing was changed.',
    method_not_allowed: 'That address does not take this kind of request. Nothing was changed.',
    body_too_large: 'The request was too large. Nothing was changed.',
    unsupported_media_type: 'The request must be sent as JSON. Nothing was changed.',
    internal: 'Something went wrong in Justera. Please try again shortly.',
  },
  errorTitle: 'That did not work',
  fieldInvalid: (field) => `The field ${field} does not have the expected form. Nothing was changed.`,
  municipalitySet: (name) => `Done: you now represent ${name}.`,
  recorded: (status, meeting) => (status === 'apologies' ? `Your apologies for ${meeting} are recorded.` : `Your attendance for ${meeting}: ${en.status[status]}.`),
  municipalityUnknown: (known) => `I do not recognise that municipality. Type a Swedish municipality's name or one of: ${known}.`,
  welcome: (network, members) =>
    `Hello ${markdownText(network)}! Justera is installed and knows ${members} members. Write @Justera hjälp to get started.`,
};

const STRINGS: Record<Locale, Strings> = { sv, en };

export function strings(locale: Locale): Strings {
  return STRINGS[locale];
}

/** Teams locales are like "sv-SE" or "en-US"; anything English gets English, the rest Swedish. */
export function localeFrom(teamsLocale: string | undefined): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}
