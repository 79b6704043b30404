import type { MeResponse, NetworkResponse } from '../../../http/api-contract';
import { ROUTES as R } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

/** Who I am, and the network a tab is in. */
export interface ConfigApi {
  me(): Promise<MeResponse>;
  network(networkId: string): Promise<NetworkResponse>;
}

export function configApi({ answer }: ApiCore): ConfigApi {
  return {
    me: () => answer(R.me, {}),
    network: (networkId) => answer(R.network, { networkId }),
  };
}
