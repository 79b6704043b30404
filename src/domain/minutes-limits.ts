import { AGENDA_LIMITS } from './agenda';

/**
 * How long the minutes' fields may be, and how many of each: the service refuses more
 * (domain/minutes.ts minutesProblems), and the tab's editor stops typing at the same lengths.
 * Its own module, without Node imports, so that the tab bundles it.
 */
export const MINUTES_LIMITS = {
  title: AGENDA_LIMITS.title,
  notes: 20000,
  decision: 2000,
  action: 1000,
  name: 200,
  items: 60,
  attendees: 400,
  comment: 2000,
  justerare: 2,
} as const;
