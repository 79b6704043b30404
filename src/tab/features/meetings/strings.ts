import { clockTime } from '../../shared/time';
import type { Lang } from '../../strings';

/** The tab's words for the meeting lists: channel, my meetings, the side panel, the archive, term planning (sv/en). */
export interface MeetingsTabStrings {
  channel: {
    title: string;
    intro(network: string): string;
    loading: string;
    empty: string;
    emptyHint: string;
    chooseNetwork: string;
    noNetworks: string;
    noTeam: string;
  };
  sidePanel: {
    title: string;
    loading: string;
    today: string;
    next: string;
    none: string;
    noNetwork: string;
    agenda: string;
    noItems: string;
    attendance: string;
    nobody: string;
    guests: string;
    apologies: string;
    noApologies: string;
    missing: string;
    updated(at: Date): string;
    stale: string;
    refresh: string;
  };
  myMeetings: { title: string; intro: string; loading: string; empty: string; emptyHint: string };
  archive: {
    title: string;
    intro: string;
    loading: string;
    empty: string;
    notStarted: string;
    minutes: string;
    documents: string;
    open: string;
    openFor(date: string): string;
    /** Loads the next page of the archive, older meetings. */
    older: string;
    loadingOlder: string;
  };
  termPlan: {
    title: string;
    intro: string;
    label: string;
    hint: string;
    required: string;
    submit: string;
    submitting: string;
    created(n: number): string;
    createdNone: string;
    problemsTitle: string;
    warningsTitle: string;
    createdLabel: string;
    alreadyPlanned(n: number): string;
    alreadyPlannedLabel: string;
  };
}

const sv: MeetingsTabStrings = {
  channel: {
    title: 'Kommande träffar',
    intro: (network) => `Träffarna i ${network}, den närmaste först.`,
    loading: 'Hämtar nätverkets träffar …',
    empty: 'Nätverket har inga kommande träffar.',
    emptyHint: 'En träff skapas med @Justera ny träff i kanalen.',
    chooseNetwork: 'Nätverk',
    noNetworks: 'Du är inte med i något nätverk ännu.',
    noTeam: 'Den här fliken hör till en kanal i ett nätverks team.',
  },
  sidePanel: {
    title: 'Träffen',
    loading: 'Hämtar träffen …',
    today: 'Dagens träff',
    next: 'Ingen träff i dag. Nästa träff:',
    none: 'Nätverket har inga kommande träffar.',
    noNetwork: 'Fliken vet inte vilket nätverk den hör till. Ta bort fliken ur mötet och lägg till den igen.',
    agenda: 'Dagordning',
    noItems: 'Dagordningen har inga punkter ännu.',
    attendance: 'Närvaro',
    nobody: 'Ingen har checkat in ännu.',
    guests: 'Gäster',
    apologies: 'Förhinder',
    noApologies: 'Ingen har anmält förhinder.',
    missing: 'Inte representerade',
    updated: (at) => `Uppdaterad ${clockTime(at, 'sv-SE')}`,
    stale: 'Närvaron kunde inte uppdateras. Det som visas kan vara gammalt.',
    refresh: 'Uppdatera närvaron',
  },
  myMeetings: {
    title: 'Mina möten',
    intro: 'Kommande träffar i dina nätverk, den närmaste först.',
    loading: 'Hämtar dina träffar …',
    empty: 'Du har inga kommande träffar.',
    emptyHint: 'En träff skapas med @Justera ny träff i nätverkets kanal.',
  },
  archive: {
    title: 'Tidigare träffar och protokoll',
    intro: 'Nätverkets alla träffar, den senaste först: protokollets läge och de justerade dokumenten.',
    loading: 'Hämtar tidigare träffar …',
    empty: 'Nätverket har inga tidigare träffar.',
    notStarted: 'Inget protokoll påbörjat',
    minutes: 'Protokoll',
    documents: 'Dokument',
    open: 'Öppna protokollet',
    openFor: (date) => `från träffen ${date}`,
    older: 'Visa äldre',
    loadingOlder: 'Hämtar äldre träffar …',
  },
  termPlan: {
    title: 'Planera terminen',
    intro: 'Skapa terminens alla träffar på en gång, så som nätverket planerar dem. Varje träff får ett eget utkast till dagordning.',
    label: 'Terminens träffar',
    hint: 'Till exempel: Fredagar kl 13–15: 4/2 Falköping, 8/4 Karlsborg, 3/6 Mariestad',
    required: 'Skriv terminens träffar.',
    submit: 'Skapa träffarna',
    submitting: 'Skapar träffarna …',
    created: (n) => (n === 1 ? 'En träff är skapad.' : `${n} träffar är skapade.`),
    createdNone: 'Inga träffar skapades.',
    problemsTitle: 'Det här gick inte att läsa',
    warningsTitle: 'Kontrollera',
    createdLabel: 'Skapade träffar',
    alreadyPlanned: (n) => (n === 1 ? 'En träff fanns redan och skapades inte igen.' : `${n} träffar fanns redan och skapades inte igen.`),
    alreadyPlannedLabel: 'Redan planerade träffar',
  },
};

const en: MeetingsTabStrings = {
  channel: {
    title: 'Upcoming meetings',
    intro: (network) => `The meetings of ${network}, soonest first.`,
    loading: "Loading the network's meetings …",
    empty: 'The network has no upcoming meetings.',
    emptyHint: 'A meeting is created with @Justera new meeting in the channel.',
    chooseNetwork: 'Network',
    noNetworks: 'You are not in any network yet.',
    noTeam: "This tab belongs to a channel of a network's team.",
  },
  sidePanel: {
    title: 'The meeting',
    loading: 'Loading the meeting …',
    today: "Today's meeting",
    next: 'No meeting today. The next meeting:',
    none: 'The network has no upcoming meetings.',
    noNetwork: 'The tab does not know which network it belongs to. Remove the tab from the meeting and add it again.',
    agenda: 'Agenda',
    noItems: 'The agenda has no items yet.',
    attendance: 'Attendance',
    nobody: 'Nobody has checked in yet.',
    guests: 'Guests',
    apologies: 'Apologies',
    noApologies: 'Nobody has sent apologies.',
    missing: 'Not represented',
    updated: (at) => `Updated ${clockTime(at, 'en-GB')}`,
    stale: 'The attendance could not be updated. What is shown may be out of date.',
    refresh: 'Update the attendance',
  },
  myMeetings: {
    title: 'My meetings',
    intro: 'Upcoming meetings in your networks, soonest first.',
    loading: 'Loading your meetings …',
    empty: 'You have no upcoming meetings.',
    emptyHint: "A meeting is created with @Justera new meeting in the network's channel.",
  },
  archive: {
    title: 'Earlier meetings and minutes',
    intro: "All the network's meetings, the latest first: where the minutes stand and the approved documents.",
    loading: 'Loading earlier meetings …',
    empty: 'The network has had no meetings yet.',
    notStarted: 'No minutes started',
    minutes: 'Minutes',
    documents: 'Documents',
    open: 'Open the minutes',
    openFor: (date) => `of the meeting on ${date}`,
    older: 'Show older',
    loadingOlder: 'Loading older meetings …',
  },
  termPlan: {
    title: 'Plan the term',
    intro: "Create all of the term's meetings at once, the way the network plans them. Each meeting gets its own agenda draft.",
    label: "The term's meetings",
    hint: 'For example: Fredagar kl 13–15: 4/2 Falköping, 8/4 Karlsborg, 3/6 Mariestad',
    required: "Write the term's meetings.",
    submit: 'Create the meetings',
    submitting: 'Creating the meetings …',
    created: (n) => (n === 1 ? 'One meeting is created.' : `${n} meetings are created.`),
    createdNone: 'No meetings were created.',
    problemsTitle: 'This could not be read',
    warningsTitle: 'Please check',
    createdLabel: 'Created meetings',
    alreadyPlanned: (n) => (n === 1 ? 'One meeting was already planned and was not created again.' : `${n} meetings were already planned and were not created again.`),
    alreadyPlannedLabel: 'Meetings already planned',
  },
};

export const meetingsStrings: Readonly<Record<Lang, MeetingsTabStrings>> = { sv, en };
