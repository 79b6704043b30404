import type { Locale } from '../domain/meeting';

/** Words of the user-specific views of the shared cards (sv first, en when Teams' locale is English). */
export interface UserViewStrings {
  /** The title of a card's refresh action (Teams may show it as a manual "Refresh"). */
  refresh: string;
}

const sv: UserViewStrings = {
  refresh: 'Uppdatera',
};

const en: UserViewStrings = {
  refresh: 'Refresh',
};

export function userViewStrings(locale: Locale): UserViewStrings {
  return locale === 'en' ? en : sv;
}
