import { ActionItems } from './action-items';
import { JusteringReminders } from './justering-reminders';
import { JusteringService } from './justering';
import { MinutesDrafting } from './minutes-drafting';
import type { MinutesDeps } from './minutes-ports';
import { PastMinutes } from './past-minutes';

export type { JusteringChannel, MinutesDeps } from './minutes-ports';
export type { JusteringOutcome } from './justering';
export { MinutesInvalid, type MinutesView } from './minutes-drafting';

/**
 * The minutes' use cases, one module per concept: drafting (read, save, send), justering (the
 * justerare's answers), reminders, action items, and past minutes (the tab's archive).
 */
export interface MinutesUseCases {
  drafting: MinutesDrafting;
  justering: JusteringService;
  reminders: JusteringReminders;
  actions: ActionItems;
  past: PastMinutes;
}

export function minutesUseCases(deps: MinutesDeps): MinutesUseCases {
  const reminders = new JusteringReminders(deps);
  return {
    drafting: new MinutesDrafting({ ...deps, reminders }),
    justering: new JusteringService(deps),
    reminders,
    actions: new ActionItems(deps),
    past: new PastMinutes(deps),
  };
}
