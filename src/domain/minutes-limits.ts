/**
 * How long the minutes' fields may be, and how many of each: the service refuses more
 * (domain/minutes.ts minutesProblems), and the tab's editor stops typing at the same lengths.
 * Its own module, without Node imports, so that the tab bundles it.
 */
export const MINUTES_LIMITS = {
  /** Titles of items: up to 300 characters (the longest real ones run past 200). */
  title: 300,
  notes: 20000,
  decision: 2000,
  action: 1000,
  name: 200,
  items: 60,
  attendees: 400,
  comment: 2000,
  justerare: 2,
  presenters: 10,
  groupMembers: 100,
} as const;
