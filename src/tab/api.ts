import { createApiCore, type Credentials } from './shared/api';
import { actionsApi, type ActionsApi } from './features/actions/api';
import { agendaApi, type AgendaApi } from './features/agenda/api';
import { configApi, type ConfigApi } from './features/config/api';
import { meetingLifeApi, type MeetingLifeApi } from './features/meeting-life/api';
import { meetingsApi, type MeetingsApi } from './features/meetings/api';
import { membersApi, type MembersApi } from './features/members/api';
import { minutesApi, type MinutesApi } from './features/minutes/api';
import { proposalsApi, type ProposalsApi } from './features/proposals/api';
import { searchApi, type SearchApi } from './features/search/api';
import { importApi, type ImportApi } from './features/import/api';
import { exportApi, type ExportApi } from './features/export/api';

/** The tab's API: each feature's calls (in `features/<feature>/api.ts`), made over the shared core. */
export type Api = ConfigApi & MeetingsApi & AgendaApi & ProposalsApi & MembersApi & MinutesApi & MeetingLifeApi & ActionsApi & SearchApi & ImportApi & ExportApi;

export function createApi(credentials: Credentials, acceptLanguage: string): Api {
  const core = createApiCore(credentials, acceptLanguage);
  return {
    ...configApi(core),
    ...meetingsApi(core),
    ...agendaApi(core),
    ...proposalsApi(core),
    ...membersApi(core),
    ...minutesApi(core),
    ...meetingLifeApi(core),
    ...actionsApi(core),
    ...searchApi(core),
    ...importApi(core),
    ...exportApi(core),
  };
}
