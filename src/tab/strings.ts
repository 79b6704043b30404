import { capitalise, instantText as instantTextIn, longDate as longDateIn } from '../cards/format';
import { AGENDA_LIMITS } from '../domain/agenda';
import { meetingDistinction, type SameDateMeeting } from '../domain/meeting';
import type { ApiItemKind, ApiMinutesVersion, ApiMode, ApiStatus, Role } from '../http/api-contract';

export { capitalise };

/** The tab speaks Swedish, and English when the Teams locale (or the browser's, outside Teams) is English. */
export type Lang = 'sv' | 'en';

export function langFromLocale(locale: string | undefined): Lang {
  return locale?.trim().toLowerCase().startsWith('en') ? 'en' : 'sv';
}

export interface TabStrings {
  /** The language these strings are in (the dates' and the name lists' too). */
  lang: Lang;
  /** For Accept-Language, so problem details from the API come in the same language. */
  acceptLanguage: string;
  appName: string;
  skipToContent: string;
  starting: string;
  retry: string;
  nav: { label: string; myMeetings: string; channel: string; config: string; sidePanel: string };
  dev: {
    title: string;
    intro: string;
    person: string;
    continue: string;
    none: string;
    signedInAs(name: string): string;
    switchPerson: string;
  };
  notInTeams: { title: string; body: string };
  notFound: { title: string; body: string };
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
  roles: {
    title: string;
    intro: string;
    readOnly: string;
    loading: string;
    name: Record<Role, string>;
    columns: { name: string; municipality: string; role: string };
    roleFor(name: string): string;
    changed(name: string, role: string): string;
    saving: string;
  };
  agendaTemplate: {
    title: string;
    intro: string;
    loading: string;
    readOnly: string;
    opening: string;
    closing: string;
    topics: string;
    isDefault: string;
    updated(name: string, at: string): string;
    save: string;
    saving: string;
    saved: string;
    discard: string;
    addTitle: string;
    part: string;
    add: string;
    conflict: string;
    reload: string;
    problemsTitle: string;
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
  };
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
  agenda: {
    title: string;
    open: string;
    openFor(date: string): string;
    column: string;
    back: string;
    loading: string;
    meeting(date: string, start: string, end: string, place: string): string;
    statusLabel: string;
    status(status: 'draft' | 'published', version: number): string;
    unsaved: string;
    itemsLabel: string;
    kind: Record<ApiItemKind, string>;
    minutes(n: number): string;
    presenter(name: string): string;
    standard: string;
    fromTemplate: string;
    openActions: string;
    openAction(owner: string, due: string | undefined, meetingDate: string): string;
    overrun(min: number): string;
    readOnly: string;
    edit: string;
    remove: string;
    moveUp: string;
    moveDown: string;
    save: string;
    saving: string;
    saved: string;
    publish: string;
    publishing: string;
    publishedNow(version: number): string;
    publishNeedsSave: string;
    discard: string;
    addTitle: string;
    add: string;
    update: string;
    cancel: string;
    editTitle(title: string): string;
    fields: { title: string; kind: string; duration: string; description: string; presenter: string };
    presenterPicker: { none: string; members: string; guest: string; guestName: string; guestOrganisation: string };
    invalid: { titleRequired: string; duration: string; guestName: string };
    conflictTitle: string;
    conflictKept: string;
    reload: string;
    yourEditsTitle: string;
    yourEditsIntro: string;
    reapply: string;
    dropMine: string;
    reapplied: string;
    problemsTitle: string;
    proposals: {
      title: string;
      loading: string;
      empty: string;
      by(name: string): string;
      status: Record<'pending' | 'accepted' | 'declined', string>;
      reasonLabel(reason: string): string;
      accept: string;
      decline: string;
      reason: string;
      reasonRequired: string;
      confirmDecline: string;
      acceptedNow: string;
      editsKept: string;
      acceptAndPublish: string;
    };
    preview: { title: string; intro: string; publish: string; later: string; newItem: string };
  };
  minutes: {
    title: string;
    viewsLabel: string;
    loading: string;
    statusLabel: string;
    status: {
      draft: string;
      pending(names: string, since: string): string;
      changesRequested(name: string, comment: string): string;
      approved(names: string, at: string): string;
      editedAfterSend(version: number): string;
      editedAfterApproval(version: number): string;
    };
    save: { saved: string; saving: string; pending: string; failed: string };
    readOnly: string;
    roles: { title: string; secretary: string; justerare(n: number): string; none: string };
    attendance: {
      title: string;
      intro: string;
      empty: string;
      guest: string;
      name: string;
      municipality: string;
      status: string;
      substituteFor: string;
      arrivedAt: string;
      remove: string;
      addTitle: string;
      add: string;
      nameRequired: string;
      substitute(name: string): string;
      arrived(time: string): string;
    };
    items: {
      title: string;
      empty: string;
      itemTitle: string;
      notes: string;
      decisions: string;
      decision(n: number): string;
      addDecision: string;
      removeDecision(n: number): string;
      actions: string;
      actionText: string;
      owner: string;
      ownerNone: string;
      ownerMembers: string;
      ownerNamed: string;
      ownerName: string;
      due: string;
      dueText(date: string): string;
      addAction: string;
      removeAction: string;
      actionRequired: string;
      ownerRequired: string;
      ownerNameRequired: string;
      tabled: string;
      moveUp: string;
      moveDown: string;
      remove: string;
      add: string;
      newItemTitle: string;
    };
    next: { title: string; date: string; start: string; end: string; place: string; add: string; remove: string; note: string; none: string };
    send: string;
    sending: string;
    sendNeedsSave: string;
    sentNow(version: number): string;
    conflictTitle: string;
    conflictKept: string;
    yourEditsTitle: string;
    yourEditsIntro: string;
    reapply: string;
    dropMine: string;
    reapplied: string;
    problemsTitle: string;
    justering: {
      title: string;
      intro(version: number): string;
      approve: string;
      approving: string;
      requestChange: string;
      comment: string;
      commentRequired: string;
      sendRequest: string;
      cancel: string;
      approvedNow(version: number): string;
      requestedNow: string;
      youApproved: string;
    };
    versions: {
      title: string;
      none: string;
      version(n: number): string;
      state: Record<ApiMinutesVersion['state'], string>;
      sent(by: string, at: string): string;
      hash: string;
      approvedBy(name: string, at: string): string;
      changeRequest(name: string, comment: string): string;
      documents: string;
      archivePending: string;
      archiveFailed: string;
      archiveRetry: string;
      archiveRetried: string;
    };
    openFromPanel: string;
  };
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
  columns: { date: string; time: string; network: string; place: string; mode: string; myStatus: string; counts: string };
  meetingsTable: string;
  mode: Record<ApiMode, string>;
  status: Record<ApiStatus | 'none', string>;
  counts(c: Record<ApiStatus, number>): string;
  attendanceClosed: string;
  joinTeams: string;
  opensInNewWindow: string;
  errors: {
    title: string;
    unauthenticatedTitle: string;
    unauthenticated: string;
    forbiddenTitle: string;
    offline: string;
    unexpected(status: number): string;
    ssoTitle: string;
    sso(reason: string): string;
  };
}

const sv: TabStrings = {
  lang: 'sv',
  acceptLanguage: 'sv-SE, sv;q=0.9',
  appName: 'Justera',
  skipToContent: 'Hoppa till innehållet',
  starting: 'Startar Justera …',
  retry: 'Försök igen',
  nav: { label: 'Flikar', myMeetings: 'Mina möten', channel: 'Kanalfliken', config: 'Konfiguration', sidePanel: 'Mötets sidopanel' },
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
  notInTeams: {
    title: 'Öppna Justera i Teams',
    body: 'Den här sidan är en flik i Microsoft Teams och fungerar bara där. Öppna Justera från Teams.',
  },
  notFound: { title: 'Sidan finns inte', body: 'Justera har ingen flik med den här adressen.' },
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
  roles: {
    title: 'Medlemmar och roller',
    intro: 'Ordförande, sekreterare och presidiet skriver dagordningen. Administratörer ändrar rollerna.',
    readOnly: 'Du kan se rollerna. Teamets ägare och administratörer ändrar dem.',
    loading: 'Hämtar medlemmarna …',
    name: { admin: 'Administratör', ordforande: 'Ordförande', sekreterare: 'Sekreterare', presidium: 'Presidiet', member: 'Medlem' },
    columns: { name: 'Namn', municipality: 'Kommun', role: 'Roll' },
    roleFor: (name) => `Roll för ${name}`,
    changed: (name, role) => `${name} har nu rollen ${role}.`,
    saving: 'Sparar rollen …',
  },
  agendaTemplate: {
    title: 'Dagordningsmall',
    intro:
      'Varje ny dagordning i nätverket börjar med mallens punkter: de som inleder mötet före träffens egna punkter, de som avslutar det efter. Dagordningar som redan är påbörjade ändras inte.',
    loading: 'Hämtar mallen …',
    readOnly: 'Du kan läsa mallen. Ordförande, sekreterare och presidiet ändrar den.',
    opening: 'Inleder mötet',
    closing: 'Avslutar mötet',
    topics: 'Här kommer träffens egna punkter',
    isDefault: 'Nätverket använder standardmallen.',
    updated: (name, at) => `Senast ändrad av ${name} ${at}.`,
    save: 'Spara mallen',
    saving: 'Sparar …',
    saved: 'Mallen är sparad. Nya dagordningar börjar med den.',
    discard: 'Släng osparade ändringar',
    addTitle: 'Lägg till en punkt i mallen',
    part: 'Var i dagordningen',
    add: 'Lägg till punkten',
    conflict: 'Någon annan har ändrat mallen. Hämta den senaste och gör om dina ändringar.',
    reload: 'Hämta senaste mallen',
    problemsTitle: 'Mallen kunde inte sparas',
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
    intro: 'Träffarna det senaste året, den senaste först: protokollets läge och de justerade dokumenten.',
    loading: 'Hämtar tidigare träffar …',
    empty: 'Nätverket har inga tidigare träffar det senaste året.',
    notStarted: 'Inget protokoll påbörjat',
    minutes: 'Protokoll',
    documents: 'Dokument',
    open: 'Öppna protokollet',
    openFor: (date) => `från träffen ${date}`,
  },
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
  agenda: {
    title: 'Dagordning',
    open: 'Öppna dagordningen',
    openFor: (date) => `för ${date}`,
    column: 'Dagordning',
    back: 'Tillbaka till träffarna',
    loading: 'Hämtar dagordningen …',
    meeting: (date, start, end, place) => `${date}, ${start}–${end}${place ? `, ${place}` : ''}`,
    statusLabel: 'Status',
    status: (status, version) =>
      status === 'published' ? `publicerad version ${version}` : version > 0 ? `utkast, ändrat sedan publicerad version ${version}` : 'utkast',
    unsaved: 'Du har ändringar som inte är sparade.',
    itemsLabel: 'Punkter',
    kind: { information: 'Information', diskussion: 'Diskussion', beslut: 'Beslut' },
    minutes: (n) => `${n} min`,
    presenter: (name) => `Föredras av ${name}`,
    standard: 'Standardpunkt',
    fromTemplate: 'Från nätverkets mall',
    openActions: 'Öppna uppdrag från tidigare protokoll',
    openAction: (owner, due, meetingDate) => `${owner}${due ? `, senast ${due}` : ''} (från träffen ${meetingDate})`,
    overrun: (min) => `Punkterna tar ${min} min längre än träffen. Korta någon punkt eller flytta en till nästa träff.`,
    readOnly: 'Du kan läsa dagordningen. Ordförande, sekreterare och presidiet ändrar den.',
    edit: 'Ändra',
    remove: 'Ta bort',
    moveUp: 'Flytta upp',
    moveDown: 'Flytta ned',
    save: 'Spara dagordningen',
    saving: 'Sparar …',
    saved: 'Dagordningen är sparad.',
    publish: 'Publicera i kanalen',
    publishing: 'Publicerar …',
    publishedNow: (version) => `Dagordningen är publicerad som version ${version}.`,
    publishNeedsSave: 'Spara dina ändringar innan du publicerar.',
    discard: 'Släng osparade ändringar',
    addTitle: 'Lägg till en punkt',
    add: 'Lägg till punkten',
    update: 'Uppdatera punkten',
    cancel: 'Avbryt',
    editTitle: (title) => `Ändra ”${title}”`,
    fields: { title: 'Rubrik', kind: 'Typ', duration: 'Tid (minuter)', description: 'Beskrivning', presenter: 'Föredragande (valfritt)' },
    presenterPicker: {
      none: 'Ingen föredragande',
      members: 'Nätverkets medlemmar',
      guest: 'En gäst (skriv namnet)',
      guestName: 'Gästens namn',
      guestOrganisation: 'Gästens organisation (valfritt)',
    },
    invalid: { titleRequired: 'Skriv en rubrik.', duration: `Ange ${AGENDA_LIMITS.minDurationMin}–${AGENDA_LIMITS.maxDurationMin} minuter.`, guestName: 'Skriv gästens namn.' },
    conflictTitle: 'Dagordningen har ändrats',
    conflictKept: 'Dina ändringar finns kvar här på sidan. När du hämtar den senaste versionen visas de bredvid den, så att du kan lägga in dem igen.',
    reload: 'Hämta senaste versionen',
    yourEditsTitle: 'Dina ändringar som inte sparades',
    yourEditsIntro: 'Här är dagordningen som du hade den. Lägg in dina ändringar i den senaste versionen, granska och spara igen.',
    reapply: 'Lägg in mina ändringar i den senaste versionen',
    dropMine: 'Släng mina ändringar',
    reapplied: 'Dina ändringar är inlagda i den senaste versionen. Granska och spara.',
    problemsTitle: 'Dagordningen kunde inte sparas',
    proposals: {
      title: 'Förslag från medlemmar',
      loading: 'Hämtar förslagen …',
      empty: 'Inga förslag ännu. Medlemmar föreslår punkter från dagordningens kort i kanalen.',
      by: (name) => `Föreslaget av ${name}`,
      status: { pending: 'Väntar på beslut', accepted: 'Accepterat', declined: 'Avböjt' },
      reasonLabel: (reason) => `Skäl: ${reason}`,
      accept: 'Acceptera',
      decline: 'Avböj',
      reason: 'Varför tas förslaget inte med?',
      reasonRequired: 'Skriv varför förslaget inte tas med.',
      confirmDecline: 'Avböj förslaget',
      acceptedNow: 'Förslaget är med i utkastet. Dagordningen i kanalen ändras när ni publicerar.',
      editsKept: 'Dagordningen ändrades när förslaget togs med. Dina osparade ändringar finns kvar nedan.',
      acceptAndPublish: 'Acceptera och publicera',
    },
    preview: {
      title: 'Så här blir dagordningen',
      intro: 'Förslaget är med i utkastet. Dagordningen i kanalen ändras först när du publicerar.',
      publish: 'Publicera i kanalen',
      later: 'Inte nu',
      newItem: 'Ny',
    },
  },
  minutes: {
    title: 'Protokoll',
    viewsLabel: 'Träffens dagordning och protokoll',
    loading: 'Hämtar protokollet …',
    statusLabel: 'Status',
    status: {
      draft: 'utkast',
      pending: (names, since) => `väntar på justering av ${names} sedan ${since}`,
      changesRequested: (name, comment) => `ändring begärd av ${name}: ${comment}`,
      approved: (names, at) => `justerat av ${names} ${at}`,
      editedAfterSend: (version) => `ändrat efter att version ${version} skickades – skicka för justering igen`,
      editedAfterApproval: (version) => `ändrat efter justering av version ${version} – skicka rättelse för justering`,
    },
    save: { saved: 'Sparat', saving: 'Sparar …', pending: 'Ändringar sparas strax …', failed: 'Inte sparat' },
    readOnly: 'Du kan läsa protokollet. Sekreteraren, ordföranden och presidiet skriver det.',
    roles: { title: 'Sekreterare och justerare', secretary: 'Sekreterare', justerare: (n) => (n === 1 ? 'Justerare' : 'Justerare 2 (valfritt)'), none: 'Ingen vald' },
    attendance: {
      title: 'Närvaro',
      intro: 'Från incheckningen. Rätta det som inte stämmer: förhinder, ersättare, den som kom senare.',
      empty: 'Ingen närvaro ännu.',
      guest: 'gäst',
      name: 'Namn',
      municipality: 'Kommun',
      status: 'Närvaro',
      substituteFor: 'Ersättare för',
      arrivedAt: 'Anlände (TT:MM)',
      remove: 'Ta bort',
      addTitle: 'Lägg till en person',
      add: 'Lägg till personen',
      nameRequired: 'Skriv personens namn.',
      substitute: (name) => `ersättare för ${name}`,
      arrived: (time) => `anlände ${time}`,
    },
    items: {
      title: 'Punkter',
      empty: 'Protokollet har inga punkter ännu.',
      itemTitle: 'Rubrik',
      notes: 'Anteckningar',
      decisions: 'Beslut',
      decision: (n) => `Beslut ${n}`,
      addDecision: 'Lägg till beslut',
      removeDecision: (n) => `Ta bort beslut ${n}`,
      actions: 'Uppdrag',
      actionText: 'Uppdrag',
      owner: 'Ansvarig',
      ownerNone: 'Välj ansvarig',
      ownerMembers: 'Nätverkets medlemmar',
      ownerNamed: 'En annan person (skriv namnet)',
      ownerName: 'Den ansvariges namn',
      due: 'Klart senast (valfritt)',
      dueText: (date) => `klart senast ${date}`,
      addAction: 'Lägg till uppdrag',
      actionRequired: 'Skriv uppdraget.',
      ownerRequired: 'Välj vem som är ansvarig.',
      ownerNameRequired: 'Skriv den ansvariges namn.',
      removeAction: 'Ta bort uppdraget',
      tabled: 'Bordlagd',
      moveUp: 'Flytta upp',
      moveDown: 'Flytta ned',
      remove: 'Ta bort punkten',
      add: 'Lägg till en punkt',
      newItemTitle: 'Ny punkt',
    },
    next: {
      title: 'Nästa möte',
      date: 'Datum',
      start: 'Börjar',
      end: 'Slutar',
      place: 'Plats',
      add: 'Lägg till ett datum',
      remove: 'Ta bort datumet',
      note: 'Om nästa möte',
      none: 'Inget datum ännu.',
    },
    send: 'Skicka för justering',
    sending: 'Skickar …',
    sendNeedsSave: 'Vänta tills dina ändringar är sparade.',
    sentNow: (version) => `Version ${version} är skickad för justering.`,
    conflictTitle: 'Protokollet har ändrats',
    conflictKept: 'Den senaste versionen visas nu. Dina ändringar som inte sparades finns kvar bredvid, så att du kan lägga in dem.',
    yourEditsTitle: 'Dina ändringar som inte sparades',
    yourEditsIntro: 'Här är protokollet som du hade det. Lägg in dina ändringar i den senaste versionen eller släng dem.',
    reapply: 'Lägg in mina ändringar i den senaste versionen',
    dropMine: 'Släng mina ändringar',
    reapplied: 'Dina ändringar är inlagda i den senaste versionen och sparas.',
    problemsTitle: 'Protokollet kunde inte sparas',
    justering: {
      title: 'Justering',
      intro: (version) => `Du är justerare. Läs version ${version} och justera den, eller begär en ändring.`,
      approve: 'Justera',
      approving: 'Justerar …',
      requestChange: 'Begär ändring',
      comment: 'Vad behöver ändras?',
      commentRequired: 'Skriv vad som behöver ändras.',
      sendRequest: 'Skicka begäran',
      cancel: 'Avbryt',
      approvedNow: (version) => `Du har justerat version ${version}.`,
      requestedNow: 'Din begäran om ändring är skickad till sekreteraren.',
      youApproved: 'Du har justerat den här versionen.',
    },
    versions: {
      title: 'Versioner',
      none: 'Ingen version är skickad för justering ännu.',
      version: (n) => `Version ${n}`,
      state: { pending: 'Väntar på justering', changes_requested: 'Ändring begärd', superseded: 'Ersatt', approved: 'Justerad' },
      sent: (by, at) => `Skickad av ${by} ${at}`,
      hash: 'Innehållshash (SHA-256)',
      approvedBy: (name, at) => `Justerad av ${name} ${at}`,
      changeRequest: (name, comment) => `${name} begärde ändring: ${comment}`,
      documents: 'Dokument',
      archivePending: 'Dokumenten skapas och arkiveras …',
      archiveFailed: 'Arkivet tog inte emot protokollet (ett annat dokument har samma namn, eller appen saknar behörighet). Åtgärda orsaken och försök igen.',
      archiveRetry: 'Arkivera igen',
      archiveRetried: 'Arkiveringen görs om.',
    },
    openFromPanel: 'Protokoll',
  },
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
  columns: {
    date: 'Datum',
    time: 'Tid',
    network: 'Nätverk',
    place: 'Plats',
    mode: 'Form',
    myStatus: 'Min närvaro',
    counts: 'Anmälda',
  },
  meetingsTable: 'Kommande träffar',
  mode: { onsite: 'På plats', online: 'Teams', hybrid: 'Hybrid' },
  status: { onsite: 'På plats', online: 'Digitalt', apologies: 'Förhinder', none: 'Inte incheckad' },
  counts: (c) => `${c.onsite} på plats · ${c.online} digitalt · ${c.apologies} förhinder`,
  attendanceClosed: 'Närvaron är stängd',
  joinTeams: 'Anslut till Teams-mötet',
  opensInNewWindow: '(öppnas i ett nytt fönster)',
  errors: {
    title: 'Det gick inte',
    unauthenticatedTitle: 'Du är inte inloggad',
    unauthenticated:
      'Justera kunde inte bekräfta vem du är. Stäng fliken och öppna den igen. Hjälper inte det, kontakta den som sköter Teams i din kommun.',
    forbiddenTitle: 'Ingen behörighet',
    offline: 'Justera gick inte att nå. Kontrollera anslutningen och försök igen.',
    unexpected: (status) => `Justera svarade med ett oväntat fel (${status}). Försök igen om en stund.`,
    ssoTitle: 'Inloggningen misslyckades',
    sso: (reason) => `Teams kunde inte logga in dig i Justera (${reason}). Stäng fliken och öppna den igen.`,
  },
};

const en: TabStrings = {
  lang: 'en',
  acceptLanguage: 'en-GB, en;q=0.9',
  appName: 'Justera',
  skipToContent: 'Skip to content',
  starting: 'Starting Justera …',
  retry: 'Try again',
  nav: { label: 'Tabs', myMeetings: 'My meetings', channel: 'Channel tab', config: 'Configuration', sidePanel: 'Meeting side panel' },
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
  notInTeams: {
    title: 'Open Justera in Teams',
    body: 'This page is a tab in Microsoft Teams and only works there. Open Justera from Teams.',
  },
  notFound: { title: 'Page not found', body: 'Justera has no tab at this address.' },
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
  roles: {
    title: 'Members and roles',
    intro: 'The chair, the secretary and the presidium write the agenda. Administrators change the roles.',
    readOnly: "You can see the roles. The team's owners and administrators change them.",
    loading: 'Loading the members …',
    name: { admin: 'Administrator', ordforande: 'Chair', sekreterare: 'Secretary', presidium: 'Presidium', member: 'Member' },
    columns: { name: 'Name', municipality: 'Municipality', role: 'Role' },
    roleFor: (name) => `Role of ${name}`,
    changed: (name, role) => `${name} now has the role ${role}.`,
    saving: 'Saving the role …',
  },
  agendaTemplate: {
    title: 'Agenda template',
    intro:
      "Every new agenda of the network starts with the template's items: those opening the meeting before its own items, those closing it after them. Agendas already started do not change.",
    loading: 'Loading the template …',
    readOnly: 'You can read the template. The chair, the secretary and the presidium change it.',
    opening: 'Opening the meeting',
    closing: 'Closing the meeting',
    topics: "The meeting's own items come here",
    isDefault: 'The network uses the default template.',
    updated: (name, at) => `Last changed by ${name} ${at}.`,
    save: 'Save the template',
    saving: 'Saving …',
    saved: 'The template is saved. New agendas start with it.',
    discard: 'Discard unsaved changes',
    addTitle: 'Add an item to the template',
    part: 'Where in the agenda',
    add: 'Add the item',
    conflict: 'Someone else changed the template. Load the latest and make your changes again.',
    reload: 'Load the latest template',
    problemsTitle: 'The template could not be saved',
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
    intro: 'The meetings of the last year, the latest first: where the minutes stand and the approved documents.',
    loading: 'Loading earlier meetings …',
    empty: 'The network has had no meetings in the last year.',
    notStarted: 'No minutes started',
    minutes: 'Minutes',
    documents: 'Documents',
    open: 'Open the minutes',
    openFor: (date) => `of the meeting on ${date}`,
  },
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
  agenda: {
    title: 'Agenda',
    open: 'Open the agenda',
    openFor: (date) => `for ${date}`,
    column: 'Agenda',
    back: 'Back to the meetings',
    loading: 'Loading the agenda …',
    meeting: (date, start, end, place) => `${date}, ${start}–${end}${place ? `, ${place}` : ''}`,
    statusLabel: 'Status',
    status: (status, version) =>
      status === 'published' ? `published version ${version}` : version > 0 ? `draft, changed since published version ${version}` : 'draft',
    unsaved: 'You have changes that are not saved.',
    itemsLabel: 'Items',
    kind: { information: 'Information', diskussion: 'Discussion', beslut: 'Decision' },
    minutes: (n) => `${n} min`,
    presenter: (name) => `Presented by ${name}`,
    standard: 'Standard item',
    fromTemplate: "From the network's template",
    openActions: 'Open action items from earlier minutes',
    openAction: (owner, due, meetingDate) => `${owner}${due ? `, by ${due}` : ''} (from the meeting on ${meetingDate})`,
    overrun: (min) => `The items run ${min} min past the end of the meeting. Shorten an item or move one to the next meeting.`,
    readOnly: 'You can read the agenda. The chair, the secretary and the presidium edit it.',
    edit: 'Edit',
    remove: 'Remove',
    moveUp: 'Move up',
    moveDown: 'Move down',
    save: 'Save the agenda',
    saving: 'Saving …',
    saved: 'The agenda is saved.',
    publish: 'Publish in the channel',
    publishing: 'Publishing …',
    publishedNow: (version) => `The agenda is published as version ${version}.`,
    publishNeedsSave: 'Save your changes before publishing.',
    discard: 'Discard unsaved changes',
    addTitle: 'Add an item',
    add: 'Add the item',
    update: 'Update the item',
    cancel: 'Cancel',
    editTitle: (title) => `Edit “${title}”`,
    fields: { title: 'Title', kind: 'Kind', duration: 'Time (minutes)', description: 'Description', presenter: 'Presenter (optional)' },
    presenterPicker: {
      none: 'No presenter',
      members: "The network's members",
      guest: 'A guest (type the name)',
      guestName: "The guest's name",
      guestOrganisation: "The guest's organisation (optional)",
    },
    invalid: { titleRequired: 'Write a title.', duration: `Enter ${AGENDA_LIMITS.minDurationMin}–${AGENDA_LIMITS.maxDurationMin} minutes.`, guestName: "Write the guest's name." },
    conflictTitle: 'The agenda has changed',
    conflictKept: 'Your changes are still here on the page. When you get the latest version they are shown beside it, so you can put them in again.',
    reload: 'Get the latest version',
    yourEditsTitle: 'Your changes that were not saved',
    yourEditsIntro: 'This is the agenda as you had it. Put your changes into the latest version, review and save again.',
    reapply: 'Put my changes into the latest version',
    dropMine: 'Discard my changes',
    reapplied: 'Your changes are in the latest version. Review and save.',
    problemsTitle: 'The agenda could not be saved',
    proposals: {
      title: 'Proposals from members',
      loading: 'Loading the proposals …',
      empty: "No proposals yet. Members propose items from the agenda's card in the channel.",
      by: (name) => `Proposed by ${name}`,
      status: { pending: 'Awaiting decision', accepted: 'Accepted', declined: 'Declined' },
      reasonLabel: (reason) => `Reason: ${reason}`,
      accept: 'Accept',
      decline: 'Decline',
      reason: 'Why is the proposal not taken up?',
      reasonRequired: 'Write why the proposal is not taken up.',
      confirmDecline: 'Decline the proposal',
      acceptedNow: "The proposal is in the draft. The agenda in the channel changes when you publish.",
      editsKept: 'The agenda changed when the proposal was accepted. Your unsaved changes are kept below.',
      acceptAndPublish: 'Accept and publish',
    },
    preview: {
      title: 'This is how the agenda will look',
      intro: 'The proposal is in the draft. The agenda in the channel changes only when you publish.',
      publish: 'Publish in the channel',
      later: 'Not now',
      newItem: 'New',
    },
  },
  minutes: {
    title: 'Minutes',
    viewsLabel: "The meeting's agenda and minutes",
    loading: 'Loading the minutes …',
    statusLabel: 'Status',
    status: {
      draft: 'draft',
      pending: (names, since) => `awaiting approval by ${names} since ${since}`,
      changesRequested: (name, comment) => `change requested by ${name}: ${comment}`,
      approved: (names, at) => `approved by ${names} ${at}`,
      editedAfterSend: (version) => `changed after version ${version} was sent – send for approval again`,
      editedAfterApproval: (version) => `changed after version ${version} was approved – send the correction for approval`,
    },
    save: { saved: 'Saved', saving: 'Saving …', pending: 'Changes are saved shortly …', failed: 'Not saved' },
    readOnly: 'You can read the minutes. The secretary, the chair and the presidium write them.',
    roles: { title: 'Secretary and approvers', secretary: 'Secretary', justerare: (n) => (n === 1 ? 'Approver (justerare)' : 'Second approver (optional)'), none: 'None chosen' },
    attendance: {
      title: 'Attendance',
      intro: 'From the check-in. Correct what is wrong: apologies, substitutes, late arrivals.',
      empty: 'No attendance yet.',
      guest: 'guest',
      name: 'Name',
      municipality: 'Municipality',
      status: 'Attendance',
      substituteFor: 'Substitute for',
      arrivedAt: 'Arrived (HH:MM)',
      remove: 'Remove',
      addTitle: 'Add a person',
      add: 'Add the person',
      nameRequired: "Write the person's name.",
      substitute: (name) => `substitute for ${name}`,
      arrived: (time) => `arrived ${time}`,
    },
    items: {
      title: 'Items',
      empty: 'The minutes have no items yet.',
      itemTitle: 'Title',
      notes: 'Notes',
      decisions: 'Decisions',
      decision: (n) => `Decision ${n}`,
      addDecision: 'Add a decision',
      removeDecision: (n) => `Remove decision ${n}`,
      actions: 'Action items',
      actionText: 'Action item',
      owner: 'Owner',
      ownerNone: 'Choose an owner',
      ownerMembers: "The network's members",
      ownerNamed: 'Someone else (type the name)',
      ownerName: "The owner's name",
      due: 'Due (optional)',
      dueText: (date) => `due ${date}`,
      addAction: 'Add an action item',
      actionRequired: 'Write the action item.',
      ownerRequired: 'Choose who owns it.',
      ownerNameRequired: "Write the owner's name.",
      removeAction: 'Remove the action item',
      tabled: 'Tabled',
      moveUp: 'Move up',
      moveDown: 'Move down',
      remove: 'Remove the item',
      add: 'Add an item',
      newItemTitle: 'New item',
    },
    next: {
      title: 'Next meeting',
      date: 'Date',
      start: 'Starts',
      end: 'Ends',
      place: 'Place',
      add: 'Add a date',
      remove: 'Remove the date',
      note: 'About the next meeting',
      none: 'No date yet.',
    },
    send: 'Send for approval',
    sending: 'Sending …',
    sendNeedsSave: 'Wait until your changes are saved.',
    sentNow: (version) => `Version ${version} is sent for approval.`,
    conflictTitle: 'The minutes have changed',
    conflictKept: 'The latest version is shown now. Your changes that were not saved are kept beside it, so you can put them in.',
    yourEditsTitle: 'Your changes that were not saved',
    yourEditsIntro: 'These are the minutes as you had them. Put your changes into the latest version, or discard them.',
    reapply: 'Put my changes into the latest version',
    dropMine: 'Discard my changes',
    reapplied: 'Your changes are in the latest version and are being saved.',
    problemsTitle: 'The minutes could not be saved',
    justering: {
      title: 'Approval',
      intro: (version) => `You are an approver. Read version ${version} and approve it, or request a change.`,
      approve: 'Approve',
      approving: 'Approving …',
      requestChange: 'Request a change',
      comment: 'What needs to change?',
      commentRequired: 'Write what needs to change.',
      sendRequest: 'Send the request',
      cancel: 'Cancel',
      approvedNow: (version) => `You approved version ${version}.`,
      requestedNow: 'Your request for a change is sent to the secretary.',
      youApproved: 'You have approved this version.',
    },
    versions: {
      title: 'Versions',
      none: 'No version has been sent for approval yet.',
      version: (n) => `Version ${n}`,
      state: { pending: 'Awaiting approval', changes_requested: 'Change requested', superseded: 'Superseded', approved: 'Approved' },
      sent: (by, at) => `Sent by ${by} ${at}`,
      hash: 'Content hash (SHA-256)',
      approvedBy: (name, at) => `Approved by ${name} ${at}`,
      changeRequest: (name, comment) => `${name} requested a change: ${comment}`,
      documents: 'Documents',
      archivePending: 'The documents are being made and archived …',
      archiveFailed: 'The archive refused the minutes (another document has the same name, or the app lacks permission). Fix the cause and try again.',
      archiveRetry: 'Archive again',
      archiveRetried: 'Archiving is tried again.',
    },
    openFromPanel: 'Minutes',
  },
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
  columns: {
    date: 'Date',
    time: 'Time',
    network: 'Network',
    place: 'Place',
    mode: 'Format',
    myStatus: 'My attendance',
    counts: 'Registered',
  },
  meetingsTable: 'Upcoming meetings',
  mode: { onsite: 'On site', online: 'Teams', hybrid: 'Hybrid' },
  status: { onsite: 'On site', online: 'Online', apologies: 'Apologies', none: 'Not checked in' },
  counts: (c) => `${c.onsite} on site · ${c.online} online · ${c.apologies} apologies`,
  attendanceClosed: 'Attendance is closed',
  joinTeams: 'Join the Teams meeting',
  opensInNewWindow: '(opens in a new window)',
  errors: {
    title: 'That did not work',
    unauthenticatedTitle: 'You are not signed in',
    unauthenticated:
      "Justera could not confirm who you are. Close the tab and open it again. If that does not help, contact whoever runs Teams in your municipality.",
    forbiddenTitle: 'No access',
    offline: 'Justera could not be reached. Check the connection and try again.',
    unexpected: (status) => `Justera answered with an unexpected error (${status}). Try again in a while.`,
    ssoTitle: 'Sign-in failed',
    sso: (reason) => `Teams could not sign you in to Justera (${reason}). Close the tab and open it again.`,
  },
};

export const STRINGS: Readonly<Record<Lang, TabStrings>> = { sv, en };

/** The networks meet in Sweden: the tab shows instants, and measures "today", in Swedish time. */
export const TIME_ZONE = 'Europe/Stockholm';

/** Whether "YYYY-MM-DD" has a year, a month and a day; else the text is shown as it is. */
function isDate(isoDate: string): boolean {
  const [y, m, d] = isoDate.split('-').map(Number);
  return !!y && !!m && !!d;
}

/** "måndag 4 februari 2030" / "Monday 4 February 2030" from "2030-02-04". */
export function longDate(isoDate: string, s: TabStrings): string {
  return isDate(isoDate) ? longDateIn(isoDate, s.lang) : isoDate;
}

/**
 * "måndag 4 februari 2030", and " kl 13.00" when the same network has another meeting that day
 * among `among` (the list the meeting is shown in; see meetingDistinction).
 */
export function meetingDay(m: SameDateMeeting & { date: string; networkId?: string }, among: readonly (SameDateMeeting & { date: string; networkId?: string; cancelled?: unknown })[], s: TabStrings): string {
  // A cancelled meeting needs no telling apart from the others (it still tells itself apart).
  const sameDate = among.filter((o) => o.date === m.date && o.networkId === m.networkId && (!o.cancelled || o.id === m.id));
  return `${longDate(m.date, s)}${meetingDistinction(m, sameDate, s.lang)}`;
}

/** "Måndag 4 februari 2030, 13:00–15:00, Falköping": a meeting's date, time and place in a line. */
export function meetingLine(m: { date: string; start: string; end: string; place: string }, s: TabStrings): string {
  return s.agenda.meeting(capitalise(longDate(m.date, s)), m.start, m.end, m.place);
}

/** "13:05:09": the time of day in Sweden, where the networks meet. */
function clockTime(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: TIME_ZONE }).format(at);
}

/** "5 februari 2030 kl. 14:03" / "5 February 2030 at 14:03": an instant in Sweden's time. */
export function instantText(iso: string, s: TabStrings): string {
  return instantTextIn(iso, TIME_ZONE, s.lang);
}

/** "Anna, Bo och Cecilia" / "Anna, Bo and Cecilia". */
export function joinNames(names: readonly string[], s: TabStrings): string {
  if (names.length <= 1) return names[0] ?? '';
  const and = s.lang === 'en' ? 'and' : 'och';
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1) ?? ''}`;
}

/** "4 februari 2030" from "2030-02-04": the long date without its weekday. */
export function shortDate(isoDate: string, s: TabStrings): string {
  return isDate(isoDate) ? longDateIn(isoDate, s.lang).replace(/^\S+ /, '') : isoDate;
}
