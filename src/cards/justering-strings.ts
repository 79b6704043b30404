import type { JusteringRefusal, MinutesStatus } from '../domain/minutes';
import type { Locale } from '../domain/meeting';
import type { MinutesKind } from '../domain/minutes-model';

/** The justering cards' words, Swedish and English, for a protokoll and for minnesanteckningar. */
export interface JusteringStrings {
  toApprove: string;
  chair: string;
  question: string;
  reminder: string;
  versionLine(version: number, by: string, at: string): string;
  attendanceLine(present: number, online: number, apologies: number): string;
  apologies: string;
  tabled: string;
  decision: string;
  action: string;
  due: string;
  approve: string;
  /** Inside Justera: it cannot be undone, so the justerare confirms. */
  approveConfirm: string;
  approveConfirmButton: string;
  requestChange: string;
  comment: string;
  commentRequired: string;
  send: string;
  openTab: string;
  shortened: string;
  youApproved(title: string): string;
  waitingFor(names: string): string;
  approvedBy(names: string, at: string): string;
  changeSent: string;
  refused: Record<JusteringRefusal, string>;
  newVersionBelow: string;
  statusWaiting(names: string, since: string): string;
  statusChange(name: string): string;
  statusArchiving: string;
  statusArchived: string;
  documents: string;
  changeToSecretary(name: string, title: string): string;
  overdue(title: string): string;
  justerareLeft(name: string, title: string): string;
  justerareLeftHint: string;
  overdueStatus: Record<MinutesStatus['kind'], string>;
  municipalities: string;
  guests: string;
  nextMeetings: string;
}

const sv: JusteringStrings = {
  toApprove: 'Protokoll att justera',
  chair: 'Ordförande',
  question: 'Fråga',
  reminder: 'Påminnelse: protokoll att justera',
  versionLine: (v, by, at) => `Version ${v}, skickad av ${by} ${at}`,
  attendanceLine: (p, o, a) => `Närvarande: ${p} (varav ${o} digitalt) · Förhinder: ${a}`,
  apologies: 'Förhinder',
  tabled: 'Bordlagd',
  decision: 'Beslut',
  action: 'Uppdrag',
  due: 'senast',
  approve: 'Justera',
  approveConfirm: 'Justeringen kan inte ångras. Justera protokollet?',
  approveConfirmButton: 'Ja, justera',
  requestChange: 'Begär ändring',
  comment: 'Vad behöver ändras?',
  commentRequired: 'Skriv vad som behöver ändras.',
  send: 'Skicka till sekreteraren',
  openTab: 'Hela protokollet i fliken',
  shortened: 'Kortat här: hela texten finns i fliken.',
  youApproved: (t) => `Du har justerat ${t}.`,
  waitingFor: (n) => `Väntar på justering av ${n}.`,
  approvedBy: (n, at) => `Justerat av ${n} ${at}.`,
  changeSent: 'Din begäran om ändring är skickad till sekreteraren.',
  refused: {
    not_justerare: 'Du är inte justerare för det här protokollet. Inget har ändrats.',
    edited_since_sent: 'Protokollet har ändrats sedan det skickades för justering, så den här versionen kan inte justeras. Sekreteraren skickar den nya versionen till dig.',
    superseded: 'En nyare version av protokollet har skickats för justering. Den här versionen kan inte längre justeras.',
    already_approved: 'Protokollet är redan justerat.',
    changes_requested: 'En ändring är begärd i den här versionen. Sekreteraren skickar en ny version.',
  },
  newVersionBelow: 'Så här lyder protokollet nu:',
  statusWaiting: (n, since) => `Väntar på justering av ${n} sedan ${since}.`,
  statusChange: (n) => `${n} har begärt en ändring. Sekreteraren reviderar protokollet.`,
  statusArchiving: 'Protokollet arkiveras i SharePoint.',
  statusArchived: 'Protokollet är arkiverat, och det justerade protokollet är publicerat här i kanalen.',
  documents: 'Dokument',
  changeToSecretary: (n, t) => `${n} begär en ändring i ${t}:`,
  overdue: (t) => `${t} är inte justerat, 14 dagar efter mötet.`,
  justerareLeft: (n, t) => `${n} har lämnat nätverkets team och kan inte längre justera ${t}.`,
  justerareLeftHint: 'Välj en annan justerare i fliken och skicka protokollet för justering igen.',
  overdueStatus: {
    draft: 'Protokollet har inte skickats för justering.',
    edited_after_send: 'Protokollet har ändrats efter att det skickades och behöver skickas igen.',
    pending: 'Protokollet väntar på justering.',
    changes_requested: 'En ändring är begärd och protokollet behöver skickas igen.',
    approved: 'Protokollet är justerat.',
    edited_after_approval: 'En rättelse väntar på att skickas för justering.',
    imported: 'Protokollet är importerat från en fil (inte justerat i Justera).',
  },
  municipalities: 'Per kommun',
  guests: 'Gäster',
  nextMeetings: 'Nästa möte',
};

const en: JusteringStrings = {
  toApprove: 'Minutes to approve',
  chair: 'Chair',
  question: 'Question',
  reminder: 'Reminder: minutes to approve',
  versionLine: (v, by, at) => `Version ${v}, sent by ${by} ${at}`,
  attendanceLine: (p, o, a) => `Present: ${p} (${o} online) · Apologies: ${a}`,
  apologies: 'Apologies',
  tabled: 'Tabled',
  decision: 'Decision',
  action: 'Action',
  due: 'by',
  approve: 'Approve',
  approveConfirm: 'Approval cannot be undone. Approve the minutes?',
  approveConfirmButton: 'Yes, approve',
  requestChange: 'Request a change',
  comment: 'What needs to change?',
  commentRequired: 'Write what needs to change.',
  send: 'Send to the secretary',
  openTab: 'The full minutes in the tab',
  shortened: 'Shortened here: the full text is in the tab.',
  youApproved: (t) => `You approved the ${t}.`,
  waitingFor: (n) => `Waiting for approval by ${n}.`,
  approvedBy: (n, at) => `Approved by ${n} ${at}.`,
  changeSent: 'Your change request has been sent to the secretary.',
  refused: {
    not_justerare: 'You are not an approver of these minutes. Nothing was changed.',
    edited_since_sent: 'The minutes were edited after they were sent for approval, so this version cannot be approved. The secretary will send you the new version.',
    superseded: 'A newer version of the minutes has been sent for approval. This version can no longer be approved.',
    already_approved: 'The minutes are already approved.',
    changes_requested: 'A change has been requested in this version. The secretary will send a new version.',
  },
  newVersionBelow: 'The minutes now read:',
  statusWaiting: (n, since) => `Waiting for approval by ${n} since ${since}.`,
  statusChange: (n) => `${n} requested a change. The secretary is revising the minutes.`,
  statusArchiving: 'The minutes are being archived in SharePoint.',
  statusArchived: 'The minutes are archived, and the approved minutes are posted here in the channel.',
  documents: 'Documents',
  changeToSecretary: (n, t) => `${n} requests a change in the ${t}:`,
  overdue: (t) => `The ${t} are not approved, 14 days after the meeting.`,
  justerareLeft: (n, t) => `${n} has left the network's team and can no longer approve the ${t}.`,
  justerareLeftHint: 'Choose another approver in the tab and send the minutes for approval again.',
  overdueStatus: {
    draft: 'The minutes have not been sent for approval.',
    edited_after_send: 'The minutes were edited after sending and need to be sent again.',
    pending: 'The minutes are waiting for approval.',
    changes_requested: 'A change was requested; the minutes need to be sent again.',
    approved: 'The minutes are approved.',
    edited_after_approval: 'A correction is waiting to be sent for approval.',
    imported: 'The minutes were imported from a file (not approved in Justera).',
  },
  municipalities: 'By municipality',
  guests: 'Guests',
  nextMeetings: 'Next meeting',
};

/** Minnesanteckningar are approved (godkänns) by the secretary or the chair, not justerade. */
type KindWords = Pick<
  JusteringStrings,
  | 'toApprove' | 'reminder' | 'approve' | 'approveConfirm' | 'approveConfirmButton' | 'openTab' | 'youApproved' | 'waitingFor' | 'approvedBy' | 'refused'
  | 'newVersionBelow' | 'statusWaiting' | 'statusChange' | 'statusArchiving' | 'statusArchived' | 'overdue' | 'justerareLeft' | 'justerareLeftHint' | 'overdueStatus'
>;

const svNotes: KindWords = {
  toApprove: 'Minnesanteckningar att godkänna',
  reminder: 'Påminnelse: minnesanteckningar att godkänna',
  approve: 'Godkänn',
  approveConfirm: 'Godkännandet kan inte ångras. Godkänn minnesanteckningarna?',
  approveConfirmButton: 'Ja, godkänn',
  openTab: 'Hela minnesanteckningarna i fliken',
  youApproved: (t) => `Du har godkänt ${t}.`,
  waitingFor: (n) => `Väntar på godkännande av ${n}.`,
  approvedBy: (n, at) => `Godkända av ${n} ${at}.`,
  refused: {
    not_justerare: 'Du godkänner inte de här minnesanteckningarna. Inget har ändrats.',
    edited_since_sent: 'Minnesanteckningarna har ändrats sedan de skickades för godkännande, så den här versionen kan inte godkännas. Den nya versionen skickas till dig.',
    superseded: 'En nyare version av minnesanteckningarna har skickats för godkännande. Den här versionen kan inte längre godkännas.',
    already_approved: 'Minnesanteckningarna är redan godkända.',
    changes_requested: 'En ändring är begärd i den här versionen. Sekreteraren skickar en ny version.',
  },
  newVersionBelow: 'Så här lyder minnesanteckningarna nu:',
  statusWaiting: (n, since) => `Väntar på godkännande av ${n} sedan ${since}.`,
  statusChange: (n) => `${n} har begärt en ändring. Sekreteraren reviderar minnesanteckningarna.`,
  statusArchiving: 'Minnesanteckningarna arkiveras i SharePoint.',
  statusArchived: 'Minnesanteckningarna är arkiverade, och de godkända minnesanteckningarna är publicerade här i kanalen.',
  overdue: (t) => `${t} är inte godkända, 14 dagar efter mötet.`,
  justerareLeft: (n, t) => `${n} har lämnat nätverkets team och kan inte längre godkänna ${t}.`,
  justerareLeftHint: 'Välj vem som ska godkänna i fliken och skicka minnesanteckningarna igen.',
  overdueStatus: {
    draft: 'Minnesanteckningarna har inte skickats för godkännande.',
    edited_after_send: 'Minnesanteckningarna har ändrats efter att de skickades och behöver skickas igen.',
    pending: 'Minnesanteckningarna väntar på godkännande.',
    changes_requested: 'En ändring är begärd och minnesanteckningarna behöver skickas igen.',
    approved: 'Minnesanteckningarna är godkända.',
    edited_after_approval: 'En rättelse väntar på att skickas för godkännande.',
    imported: 'Minnesanteckningarna är importerade från en fil (inte godkända i Justera).',
  },
};

const enNotes: KindWords = {
  toApprove: 'Meeting notes to approve',
  reminder: 'Reminder: meeting notes to approve',
  approve: 'Approve',
  approveConfirm: 'Approval cannot be undone. Approve the meeting notes?',
  approveConfirmButton: 'Yes, approve',
  openTab: 'The full meeting notes in the tab',
  youApproved: (t) => `You approved the ${t}.`,
  waitingFor: (n) => `Waiting for approval by ${n}.`,
  approvedBy: (n, at) => `Approved by ${n} ${at}.`,
  refused: {
    not_justerare: 'You do not approve these meeting notes. Nothing was changed.',
    edited_since_sent: 'The meeting notes were edited after they were sent for approval, so this version cannot be approved. The new version will be sent to you.',
    superseded: 'A newer version of the meeting notes has been sent for approval. This version can no longer be approved.',
    already_approved: 'The meeting notes are already approved.',
    changes_requested: 'A change has been requested in this version. The secretary will send a new version.',
  },
  newVersionBelow: 'The meeting notes now read:',
  statusWaiting: (n, since) => `Waiting for approval by ${n} since ${since}.`,
  statusChange: (n) => `${n} requested a change. The secretary is revising the meeting notes.`,
  statusArchiving: 'The meeting notes are being archived in SharePoint.',
  statusArchived: 'The meeting notes are archived, and the approved notes are posted here in the channel.',
  overdue: (t) => `The ${t} are not approved, 14 days after the meeting.`,
  justerareLeft: (n, t) => `${n} has left the network's team and can no longer approve the ${t}.`,
  justerareLeftHint: 'Choose who approves in the tab and send the meeting notes again.',
  overdueStatus: {
    draft: 'The meeting notes have not been sent for approval.',
    edited_after_send: 'The meeting notes were edited after sending and need to be sent again.',
    pending: 'The meeting notes are waiting for approval.',
    changes_requested: 'A change was requested; the meeting notes need to be sent again.',
    approved: 'The meeting notes are approved.',
    edited_after_approval: 'A correction is waiting to be sent for approval.',
    imported: 'The meeting notes were imported from a file (not approved in Justera).',
  },
};

const NOTES_SV: JusteringStrings = { ...sv, ...svNotes };
const NOTES_EN: JusteringStrings = { ...en, ...enNotes };

/** The cards' words for the record's kind: a protokoll is justerat, minnesanteckningar are godkända. */
export function justeringStrings(locale: Locale, kind: MinutesKind = 'protokoll'): JusteringStrings {
  if (kind === 'minnesanteckningar') return locale === 'en' ? NOTES_EN : NOTES_SV;
  return locale === 'en' ? en : sv;
}
