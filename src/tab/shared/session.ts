import type { DevIdentitiesResponse } from '../../http/api-contract';
import { DEV_USER_HEADER, devIdentities, type Credentials } from './api';
import { connectToTeams, teamsToken, type TeamsSession } from './teams';

export type DevIdentity = DevIdentitiesResponse['identities'][number];

/** Where the tab runs and how it tells the API who the user is. */
export type Session =
  /** Inside Teams: every request carries a Teams SSO token. */
  | { kind: 'teams'; teams: TeamsSession; credentials: Credentials }
  /** Inside Teams, but Teams gave no token (SSO not set up, consent missing, …). */
  | { kind: 'ssoFailed'; teams: TeamsSession; reason: string }
  /** Outside Teams, server in local mode: the dev identity picker. */
  | { kind: 'local'; identities: DevIdentity[] }
  /** Outside Teams, server not in local mode. */
  | { kind: 'notInTeams' };

const DEV_USER_KEY = 'justera.devUser';

export function devCredentials(devUserId: string): Credentials {
  return () => Promise.resolve({ [DEV_USER_HEADER]: devUserId });
}

/** A fresh token per request: Teams caches and renews it. */
const bearerCredentials: Credentials = async () => ({ authorization: `Bearer ${await teamsToken()}` });

export async function startSession(acceptLanguage: string): Promise<Session> {
  const teams = await connectToTeams();
  if (teams) {
    try {
      await teamsToken();
      return { kind: 'teams', teams, credentials: bearerCredentials };
    } catch (err) {
      return { kind: 'ssoFailed', teams, reason: err instanceof Error && err.message ? err.message : String(err) };
    }
  }
  const identities = await devIdentities(acceptLanguage);
  return identities ? { kind: 'local', identities } : { kind: 'notInTeams' };
}

export function rememberedDevUser(identities: readonly DevIdentity[]): DevIdentity | null {
  let id: string | null = null;
  try {
    id = sessionStorage.getItem(DEV_USER_KEY);
  } catch {
    return null; // storage blocked: the picker asks again
  }
  return identities.find((i) => i.id === id) ?? null;
}

export function rememberDevUser(id: string | null): void {
  try {
    if (id) sessionStorage.setItem(DEV_USER_KEY, id);
    else sessionStorage.removeItem(DEV_USER_KEY);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
