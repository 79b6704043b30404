import type { RefreshableCard } from '../app/card-views';
import type { Actor } from '../app/policy';
import type { AdaptiveCard } from '../cards';
import type { Locale, Meeting } from '../domain/meeting';

/**
 * Renders one kind of shared card as one person sees it (a user-specific view): their status and
 * the buttons the policy lets them press. The viewer is already allowed to read the card
 * (`readCard`); undefined when the meeting has no such card to show.
 */
export interface PersonalCardRenderer {
  personalCard(meeting: Meeting, viewer: Actor, locale: Locale): Promise<AdaptiveCard | undefined>;
}

/** The renderer of each shared card that carries a refresh. */
export type PersonalCards = Record<RefreshableCard, PersonalCardRenderer>;
