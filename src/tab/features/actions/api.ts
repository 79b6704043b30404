import type { MyActionsResponse } from '../../../http/api-contract';
import { ROUTES as R } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

export interface ActionsApi {
  /** "Mina uppdrag": my action items from approved minutes across my networks. */
  myActions(): Promise<MyActionsResponse>;
  /** Marks an action item done (or open again): its owner or an editor. */
  markAction(networkId: string, actionId: string, done: boolean): Promise<void>;
}

export function actionsApi({ call, answer }: ApiCore): ActionsApi {
  return {
    myActions: () => answer(R.myActions, {}),
    markAction: async (networkId, actionId, done) => {
      await call(R.markAction, { networkId, actionId }, { body: { done } });
    },
  };
}
