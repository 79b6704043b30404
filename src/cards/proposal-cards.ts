import type { Locale, Meeting } from '../domain/meeting';
import { PROPOSAL_LIMITS, type Proposal, type ProposalProblem } from '../domain/proposal';
import { card, execute, openUrl, text, userText, type AdaptiveCard } from './elements';
import { meetingTitle } from './format';

interface ProposalStrings {
  formTitle: string;
  formIntro(meeting: string): string;
  title: string;
  description: string;
  submit: string;
  sent(title: string): string;
  sentHint: string;
  problems: Record<ProposalProblem, string>;
  toEditors(by: string, meeting: string): string;
  accepted(meeting: string): string;
  declined(meeting: string): string;
  reason: string;
  openTab: string;
}

const sv: ProposalStrings = {
  formTitle: 'Föreslå en punkt',
  formIntro: (m) => `Ditt förslag går till presidiet för ${m}, som tar med punkten eller svarar varför inte.`,
  title: 'Rubrik',
  description: 'Beskrivning (valfritt)',
  submit: 'Skicka förslaget',
  sent: (t) => `Tack! Ditt förslag "${t}" är skickat till presidiet.`,
  sentHint: 'Du får besked här i chatten med Justera när det är avgjort.',
  problems: {
    title_required: 'Skriv en rubrik.',
    title_too_long: `Rubriken får vara högst ${PROPOSAL_LIMITS.title} tecken.`,
    description_too_long: `Beskrivningen får vara högst ${PROPOSAL_LIMITS.description} tecken.`,
    reason_required: 'Skriv varför förslaget inte tas med.',
    reason_too_long: `Motiveringen får vara högst ${PROPOSAL_LIMITS.reason} tecken.`,
  },
  toEditors: (by, m) => `${by} föreslår en punkt till ${m}:`,
  accepted: (m) => `Ditt förslag tas med på dagordningen för ${m}:`,
  declined: (m) => `Ditt förslag tas inte med på dagordningen för ${m}:`,
  reason: 'Motivering',
  openTab: 'Öppna i fliken',
};

const en: ProposalStrings = {
  formTitle: 'Propose an item',
  formIntro: (m) => `Your proposal goes to the chair group for ${m}, who take the item or tell you why not.`,
  title: 'Title',
  description: 'Description (optional)',
  submit: 'Send the proposal',
  sent: (t) => `Thank you! Your proposal "${t}" has been sent to the chair group.`,
  sentHint: 'You will hear here, in the chat with Justera, when it is decided.',
  problems: {
    title_required: 'Write a title.',
    title_too_long: `The title may be at most ${PROPOSAL_LIMITS.title} characters.`,
    description_too_long: `The description may be at most ${PROPOSAL_LIMITS.description} characters.`,
    reason_required: 'Write why the proposal is not taken.',
    reason_too_long: `The reason may be at most ${PROPOSAL_LIMITS.reason} characters.`,
  },
  toEditors: (by, m) => `${by} proposes an item for ${m}:`,
  accepted: (m) => `Your proposal is taken onto the agenda for ${m}:`,
  declined: (m) => `Your proposal is not taken onto the agenda for ${m}:`,
  reason: 'Reason',
  openTab: 'Open in the tab',
};

export function proposalStrings(locale: Locale): ProposalStrings {
  return locale === 'en' ? en : sv;
}

/** The form a member fills in after "Föreslå punkt"; with problems it comes back filled in. */
export function proposalFormCard(
  meeting: Meeting,
  state: { proposalId: string; title?: string; description?: string; problems?: ProposalProblem[] },
  locale: Locale,
): AdaptiveCard {
  const s = proposalStrings(locale);
  return card(
    [
      text(s.formTitle, { size: 'Medium', weight: 'Bolder' }),
      userText([s.formIntro(meetingTitle(meeting))], { isSubtle: true }),
      ...(state.problems ?? []).map((p) => text(s.problems[p], { color: 'Attention', size: 'Small' })),
      { type: 'Input.Text', id: 'title', label: s.title, isRequired: true, errorMessage: s.problems.title_required, maxLength: PROPOSAL_LIMITS.title, ...(state.title ? { value: state.title } : {}) },
      { type: 'Input.Text', id: 'description', label: s.description, isMultiline: true, maxLength: PROPOSAL_LIMITS.description, ...(state.description ? { value: state.description } : {}) },
    ],
    [execute(s.submit, { action: 'submitProposal', meetingId: meeting.id, proposalId: state.proposalId }, { style: 'positive' })],
  );
}

export function proposalSentCard(proposal: Proposal, locale: Locale): AdaptiveCard {
  const s = proposalStrings(locale);
  return card([userText([s.sent(proposal.title)], { bold: true, color: 'Good' }), text(s.sentHint, { isSubtle: true, spacing: 'Small' })]);
}

/** To each member of the chair group: a new proposal, with the way to the tab where it is decided. */
export function proposalToEditorsCard(meeting: Meeting, proposal: Proposal, tabUrl: string, locale: Locale): AdaptiveCard {
  const s = proposalStrings(locale);
  return card(
    [
      userText([s.toEditors(proposal.proposedBy.name, meetingTitle(meeting))]),
      userText([proposal.title], { bold: true }),
      ...(proposal.description ? [userText([proposal.description], { isSubtle: true })] : []),
    ],
    [openUrl(s.openTab, tabUrl)],
  );
}

/** To the proposer: accepted, or declined with the reason. */
export function proposalDecisionCard(meeting: Meeting, proposal: Proposal, locale: Locale): AdaptiveCard {
  const s = proposalStrings(locale);
  const accepted = proposal.status === 'accepted';
  return card([
    userText([(accepted ? s.accepted : s.declined)(meetingTitle(meeting))], { color: accepted ? 'Good' : 'Default' }),
    userText([proposal.title], { bold: true }),
    ...(proposal.reason ? [userText([{ text: `${s.reason}: `, bold: true }, proposal.reason])] : []),
  ]);
}
