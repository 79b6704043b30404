import type { MembersResponse, NetworkMember, Role } from '../../../http/api-contract';
import { ROUTES as R } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

export interface MembersApi {
  members(networkId: string): Promise<MembersResponse>;
  /** Admins only; answers the member with the new role. */
  setRole(networkId: string, memberId: string, role: Role): Promise<NetworkMember>;
}

export function membersApi({ call, answer }: ApiCore): MembersApi {
  return {
    members: (networkId) => answer(R.members, { networkId }),
    setRole: async (networkId, memberId, role) => (await call(R.setRole, { networkId, memberId }, { body: { role } })).body,
  };
}
