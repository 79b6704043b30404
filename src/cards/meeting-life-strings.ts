import type { Locale } from '../domain/meeting';

/** What people read about a meeting's life: moved, cancelled, recorded after it took place (sv/en). */
export interface MeetingLifeStrings {
  /** The banner of a moved meeting's cards: "Flyttad till fredag 11 februari 2030 · 14:00–16:00". */
  movedTo(when: string): string;
  /** "Var: fredag 4 februari 2030 · 13:00–15:00" under the banner. */
  movedFrom(when: string): string;
  cancelled: string;
  cancelledBy(name: string): string;
  buttons: { edit: string; cancel: string; confirmCancel: string; writeMinutes: string; confirmPast: string };
  cancelQuestion: string;
  editForm: { title: string; intro: string; submit: string };
  /** The receipt on the clicker's own check-in card after "Spara ändringen" / "Ja, ställ in träffen". */
  changeSaved: string;
  cancelSaved: string;
  past: { title: string; question(date: string): string; change: string; recorded(title: string): string; recordedHint: string };
}

const sv: MeetingLifeStrings = {
  movedTo: (when) => `Flyttad till ${when}`,
  movedFrom: (when) => `Var: ${when}`,
  cancelled: 'Inställd',
  cancelledBy: (name) => `Träffen är inställd av ${name}. Närvaron som registrerats finns kvar.`,
  buttons: { edit: 'Ändra träff', cancel: 'Ställ in', confirmCancel: 'Ja, ställ in träffen', writeMinutes: 'Skriv protokollet', confirmPast: 'Ja, registrera genomförd träff' },
  cancelQuestion: 'Träffen ställs in för alla: korten visar Inställd och påminnelserna upphör. Det kan inte ångras. Närvaron som registrerats finns kvar.',
  editForm: {
    title: 'Ändra träff',
    intro: 'Ändringen syns på alla kort om träffen. Flyttas datum eller tid står det Flyttad till … och påminnelserna följer med.',
    submit: 'Spara ändringen',
  },
  changeSaved: 'Ändringen är sparad. Alla kort om träffen uppdateras.',
  cancelSaved: 'Du har ställt in träffen. Alla kort om träffen uppdateras.',
  past: {
    title: 'Har träffen redan varit?',
    question: (date) => `${date} har redan passerat. Vill du registrera en träff som redan har hållits, för att skriva dess protokoll? Inget incheckningskort publiceras.`,
    change: 'Nej, ändra datum',
    recorded: (title) => `Träffen ${title} är registrerad som genomförd.`,
    recordedHint: 'Skriv protokollet i fliken. Närvaron fyller du i där.',
  },
};

const en: MeetingLifeStrings = {
  movedTo: (when) => `Moved to ${when}`,
  movedFrom: (when) => `Was: ${when}`,
  cancelled: 'Cancelled',
  cancelledBy: (name) => `The meeting was cancelled by ${name}. The attendance recorded is kept.`,
  buttons: { edit: 'Change meeting', cancel: 'Cancel meeting', confirmCancel: 'Yes, cancel the meeting', writeMinutes: 'Write the minutes', confirmPast: 'Yes, record a past meeting' },
  cancelQuestion: 'The meeting is cancelled for everyone: the cards say Cancelled and the reminders stop. This cannot be undone. The attendance recorded is kept.',
  editForm: {
    title: 'Change meeting',
    intro: 'The change shows on every card about the meeting. When the date or time moves, the cards say Moved to … and the reminders follow.',
    submit: 'Save the change',
  },
  changeSaved: 'The change is saved. Every card about the meeting is updated.',
  cancelSaved: 'You have cancelled the meeting. Every card about the meeting is updated.',
  past: {
    title: 'Has the meeting already taken place?',
    question: (date) => `${date} has already passed. Do you want to record a meeting that has already been held, to write its minutes? No check-in card is published.`,
    change: 'No, change the date',
    recorded: (title) => `The meeting ${title} has been recorded as held.`,
    recordedHint: 'Write the minutes in the tab. You fill in the attendance there.',
  },
};

const STRINGS: Record<Locale, MeetingLifeStrings> = { sv, en };

export function meetingLifeStrings(locale: Locale): MeetingLifeStrings {
  return STRINGS[locale];
}
