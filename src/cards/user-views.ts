import type { CardRefresh } from '../app/card-views';
import type { Locale } from '../domain/meeting';
import { execute, type AdaptiveCard } from './elements';
import { userViewStrings } from './user-view-strings';

export type { CardRefresh, CardViewer } from '../app/card-views';

/**
 * The card with a `refresh` (Universal Actions): Teams asks the bot, with an `adaptiveCard/action`
 * invoke of verb `refreshCard`, for the card of each person in `userIds`, and shows each their own.
 * Without a refresh, or nobody in it, the card is returned as it is.
 */
export function withRefresh(c: AdaptiveCard, refresh: CardRefresh | undefined, locale: Locale): AdaptiveCard {
  // Nobody to name: no refresh (a refresh without userIds would ask Teams to refresh it for everyone).
  if (!refresh || refresh.userIds.length === 0) return c;
  const action = execute(userViewStrings(locale).refresh, { action: 'refreshCard', meetingId: refresh.meetingId, card: refresh.card });
  // A refresh action has no associatedInputs (nothing to submit); Teams sends its data as is.
  delete action.associatedInputs;
  return { ...c, refresh: { action, userIds: [...refresh.userIds] } };
}
