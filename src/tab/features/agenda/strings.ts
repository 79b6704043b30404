import { AGENDA_LIMITS } from '../../../domain/agenda';
import type { ApiItemKind } from '../../../http/api-contract';
import type { Lang } from '../../strings';

/** The tab's words for agendas, their template and proposals (sv/en). */
export interface AgendaTabStrings {
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
    conflictTitle: string;
    reload: string;
    problemsTitle: string;
    yourEditsIntro: string;
  };
}

const sv: AgendaTabStrings = {
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
    conflict: 'Någon annan har sparat mallen efter att du hämtade den.',
    conflictTitle: 'Mallen har ändrats',
    reload: 'Hämta senaste mallen',
    problemsTitle: 'Mallen kunde inte sparas',
    yourEditsIntro: 'Här är mallen som du hade den. Lägg in dina ändringar i den senaste versionen, granska och spara igen.',
  },
};

const en: AgendaTabStrings = {
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
    conflict: 'Someone else saved the template after you loaded it.',
    conflictTitle: 'The template has changed',
    reload: 'Load the latest template',
    problemsTitle: 'The template could not be saved',
    yourEditsIntro: 'This is the template as you had it. Put your changes into the latest version, review and save again.',
  },
};

export const agendaStrings: Readonly<Record<Lang, AgendaTabStrings>> = { sv, en };
