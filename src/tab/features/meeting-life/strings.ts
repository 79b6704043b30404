import type { Lang } from '../../strings';

/** The tab's words for a meeting's life: moving it, cancelling it, recording one already held (sv/en). */
export interface MeetingLifeTabStrings {
  cancelled: string;
  cancelledBy(name: string): string;
  movedTo(when: string): string;
  movedFrom(when: string): string;
  movedBadge: string;
  edit: string;
  editTitle: string;
  editIntro: string;
  save: string;
  saving: string;
  close: string;
  saved: string;
  cancel: string;
  cancelQuestion: string;
  confirmCancel: string;
  keep: string;
  cancelledDone: string;
  fields: { date: string; start: string; end: string; place: string; mode: string; teamsLink: string };
  required: string;
  past: { title: string; intro: string; open: string; submit: string; submitting: string };
}

const sv: MeetingLifeTabStrings = {
  cancelled: 'Inställd',
  cancelledBy: (name) => `Träffen är inställd${name ? ` av ${name}` : ''}. Närvaron som registrerats finns kvar.`,
  movedTo: (when) => `Flyttad till ${when}`,
  movedFrom: (when) => `Var: ${when}`,
  movedBadge: 'Flyttad',
  edit: 'Ändra träff',
  editTitle: 'Ändra träffen',
  editIntro: 'Ändringen syns på alla kort om träffen i kanalen. Flyttas datum eller tid står det Flyttad till … och påminnelserna följer med.',
  save: 'Spara ändringen',
  saving: 'Sparar …',
  close: 'Stäng',
  saved: 'Träffen är ändrad. Korten i kanalen uppdateras.',
  cancel: 'Ställ in träffen',
  cancelQuestion: 'Träffen ställs in för alla: korten visar Inställd och påminnelserna upphör. Det kan inte ångras. Närvaron som registrerats finns kvar.',
  confirmCancel: 'Ja, ställ in träffen',
  keep: 'Nej, behåll den',
  cancelledDone: 'Träffen är inställd. Korten i kanalen uppdateras.',
  fields: { date: 'Datum', start: 'Starttid', end: 'Sluttid', place: 'Plats', mode: 'Form', teamsLink: 'Länk till Teams-mötet (valfritt)' },
  required: 'Fältet måste fyllas i.',
  past: {
    title: 'Registrera genomförd träff',
    intro: 'En träff som redan har hållits, för att skriva dess protokoll i efterhand. Inget incheckningskort publiceras; närvaron fyller du i protokollet.',
    open: 'Registrera genomförd träff',
    submit: 'Registrera och skriv protokollet',
    submitting: 'Registrerar …',
  },
};

const en: MeetingLifeTabStrings = {
  cancelled: 'Cancelled',
  cancelledBy: (name) => `The meeting was cancelled${name ? ` by ${name}` : ''}. The attendance recorded is kept.`,
  movedTo: (when) => `Moved to ${when}`,
  movedFrom: (when) => `Was: ${when}`,
  movedBadge: 'Moved',
  edit: 'Change meeting',
  editTitle: 'Change the meeting',
  editIntro: 'The change shows on every card about the meeting in the channel. When the date or time moves, the cards say Moved to … and the reminders follow.',
  save: 'Save the change',
  saving: 'Saving …',
  close: 'Close',
  saved: 'The meeting has been changed. The cards in the channel are updated.',
  cancel: 'Cancel the meeting',
  cancelQuestion: 'The meeting is cancelled for everyone: the cards say Cancelled and the reminders stop. This cannot be undone. The attendance recorded is kept.',
  confirmCancel: 'Yes, cancel the meeting',
  keep: 'No, keep it',
  cancelledDone: 'The meeting has been cancelled. The cards in the channel are updated.',
  fields: { date: 'Date', start: 'Start time', end: 'End time', place: 'Place', mode: 'Format', teamsLink: 'Teams meeting link (optional)' },
  required: 'This field is required.',
  past: {
    title: 'Record a past meeting',
    intro: 'A meeting that has already been held, to write its minutes afterwards. No check-in card is published; you fill in the attendance in the minutes.',
    open: 'Record a past meeting',
    submit: 'Record and write the minutes',
    submitting: 'Recording …',
  },
};

export function meetingLifeTabStrings(lang: Lang): MeetingLifeTabStrings {
  return lang === 'en' ? en : sv;
}
