import type { Lang } from '../../strings';

/** The tab's words for configuring the tab, and the local developer's sign-in (sv/en). */
export interface ConfigTabStrings {
  config: {
    title: string;
    loading: string;
    network: string;
    explanation: string;
    ready: string;
    notNetworkTitle: string;
    notNetwork: string;
    noTeam: string;
    outsideConfig: string;
    saveFailed: string;
    meetingExplanation: string;
    chooseNetwork: string;
    noNetworks: string;
  };
  dev: {
    title: string;
    intro: string;
    person: string;
    continue: string;
    none: string;
    signedInAs(name: string): string;
    switchPerson: string;
  };
}

const sv: ConfigTabStrings = {
  config: {
    title: 'Lägg till Justera i kanalen',
    loading: 'Hämtar nätverket …',
    network: 'Nätverk',
    explanation:
      'Fliken visar nätverkets kommande träffar för alla i kanalen. Varje medlem ser sin egen närvaro och hur många som kommer.',
    ready: 'Välj Spara för att lägga till fliken.',
    notNetworkTitle: 'Teamet är inte ett Justera-nätverk ännu',
    notNetwork:
      'Lägg först till Justera i teamet (Appar → Justera → Lägg till i ett team), så registreras teamet som nätverk. Öppna sedan den här dialogen igen.',
    noTeam: 'Justera kan bara läggas till som flik i en kanal i ett nätverks team.',
    outsideConfig: 'Den här sidan öppnar Teams när någon lägger till Justera som flik i en kanal.',
    saveFailed: 'Fliken kunde inte sparas.',
    meetingExplanation:
      'I mötet visar fliken nätverkets träff i dag, annars nästa träff: dagordningen med tider och föredragande, och vilka som är med, per kommun.',
    chooseNetwork: 'Vilket nätverks träffar hör mötet till?',
    noNetworks: 'Du är inte med i något Justera-nätverk. Be nätverkets ordförande eller teamets ägare att lägga till dig.',
  },
  dev: {
    title: 'Välj vem du är',
    intro:
      'Justera körs i lokalt läge utanför Teams. Välj en person ur det lokala teamet, så visas flikarna som den personen ser dem. Valet gäller tills du stänger webbläsarfliken.',
    person: 'Person',
    continue: 'Fortsätt',
    none: 'Det finns inga personer att välja ännu. Lägg till Justera i ett team först, så blir teamets medlemmar valbara här.',
    signedInAs: (name) => `Du är ${name} (lokalt läge)`,
    switchPerson: 'Byt person',
  },
};

const en: ConfigTabStrings = {
  config: {
    title: 'Add Justera to the channel',
    loading: 'Loading the network …',
    network: 'Network',
    explanation:
      "The tab shows the network's upcoming meetings to everyone in the channel. Each member sees their own attendance and how many are coming.",
    ready: 'Select Save to add the tab.',
    notNetworkTitle: 'This team is not a Justera network yet',
    notNetwork:
      'First add Justera to the team (Apps → Justera → Add to a team), which registers the team as a network. Then open this dialog again.',
    noTeam: "Justera can only be added as a tab to a channel of a network's team.",
    outsideConfig: 'Teams opens this page when someone adds Justera as a tab to a channel.',
    saveFailed: 'The tab could not be saved.',
    meetingExplanation:
      "In the meeting the tab shows the network's meeting today, else the next one: the agenda with times and presenters, and who is there, by municipality.",
    chooseNetwork: "Which network's meetings does this meeting belong to?",
    noNetworks: "You are not in any Justera network. Ask the network's chair or the team's owner to add you.",
  },
  dev: {
    title: 'Choose who you are',
    intro:
      'Justera runs in local mode outside Teams. Choose a person from the local team to see the tabs as that person sees them. The choice lasts until you close the browser tab.',
    person: 'Person',
    continue: 'Continue',
    none: 'There is nobody to choose yet. Add Justera to a team first; its members can then be chosen here.',
    signedInAs: (name) => `You are ${name} (local mode)`,
    switchPerson: 'Switch person',
  },
};

export const configStrings: Readonly<Record<Lang, ConfigTabStrings>> = { sv, en };
