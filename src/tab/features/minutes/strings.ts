import type { ApiMinutesVersion } from '../../../http/api-contract';
import type { Lang } from '../../strings';
import type { MinutesKind } from '../../../domain/minutes-model';

/** The tab's words for the minutes: editor, read view, versions, justering (sv/en). */
export interface MinutesTabStrings {
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
      imported: string;
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
  /** The network's choice: protokoll or minnesanteckningar (the chair group or admins choose). */
  minutesKind: {
    title: string;
    intro: string;
    choice: string;
    name: Record<MinutesKind, string>;
    explain: Record<MinutesKind, string>;
    current(kind: string): string;
    readOnly: string;
    saving: string;
    changed(kind: string): string;
  };
  /** A named group owning an action item: its name and its members, chosen among the network's. */
  groupOwner: {
    add: string;
    name: string;
    members: string;
    submit: string;
    cancel: string;
    nameRequired: string;
    membersRequired: string;
    groups: string;
    remove(name: string): string;
    of(name: string, members: string): string;
  };
}

const sv: MinutesTabStrings = {
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
      imported: 'Importerat (inte justerat i Justera)',
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
      state: { pending: 'Väntar på justering', changes_requested: 'Ändring begärd', superseded: 'Ersatt', approved: 'Justerad', imported: 'Importerat' },
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
  minutesKind: {
    title: 'Protokoll eller minnesanteckningar',
    intro: 'Nätverket väljer hur dess träffar dokumenteras. Ett utkast som inte har skickats följer valet.',
    choice: 'Nätverkets dokumentation',
    name: { protokoll: 'Protokoll', minnesanteckningar: 'Minnesanteckningar' },
    explain: {
      protokoll: 'Justeras av justerare som väljs för varje träff.',
      minnesanteckningar: 'Godkänns av sekreteraren eller ordföranden, utan justerare.',
    },
    current: (kind) => `Nätverket för ${kind.toLowerCase()}.`,
    readOnly: 'Ordföranden, sekreteraren, presidiet och administratörer väljer detta.',
    saving: 'Sparar valet …',
    changed: (kind) => `Nätverket för nu ${kind.toLowerCase()}.`,
  },
  groupOwner: {
    add: 'Lägg till en grupp som ansvarig',
    name: 'Gruppens namn',
    members: 'Gruppens medlemmar',
    submit: 'Lägg till gruppen',
    cancel: 'Avbryt',
    nameRequired: 'Skriv gruppens namn.',
    membersRequired: 'Välj minst en medlem.',
    groups: 'Ansvariga grupper',
    remove: (name) => `Ta bort gruppen ${name}`,
    of: (name, members) => `${name} (${members})`,
  },
};

const en: MinutesTabStrings = {
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
      imported: 'Imported (not approved in Justera)',
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
      state: { pending: 'Awaiting approval', changes_requested: 'Change requested', superseded: 'Superseded', approved: 'Approved', imported: 'Imported' },
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
  minutesKind: {
    title: 'Minutes or notes',
    intro: "The network chooses how its meetings are recorded. A draft that has not been sent follows the choice.",
    choice: "The network's record",
    name: { protokoll: 'Minutes (protokoll)', minnesanteckningar: 'Notes (minnesanteckningar)' },
    explain: {
      protokoll: 'Approved by approvers (justerare) chosen for each meeting.',
      minnesanteckningar: 'Approved by the secretary or the chair, without approvers.',
    },
    current: (kind) => `The network keeps ${kind.toLowerCase()}.`,
    readOnly: 'The chair, the secretary, the presidium and administrators choose this.',
    saving: 'Saving the choice …',
    changed: (kind) => `The network now keeps ${kind.toLowerCase()}.`,
  },
  groupOwner: {
    add: 'Add a group as owner',
    name: "The group's name",
    members: "The group's members",
    submit: 'Add the group',
    cancel: 'Cancel',
    nameRequired: "Write the group's name.",
    membersRequired: 'Choose at least one member.',
    groups: 'Owning groups',
    remove: (name) => `Remove the group ${name}`,
    of: (name, members) => `${name} (${members})`,
  },
};

export const minutesStrings: Readonly<Record<Lang, MinutesTabStrings>> = { sv, en };
