import type { AgendaResponse, AgendaSaveRequest, AgendaTemplateResponse } from '../../../http/api-contract';
import { ROUTES as R, type TemplateSaveRequest } from '../../../contract/routes';
import { withEtag, type ApiCore } from '../../shared/api';

export interface AgendaApi {
  /** The agenda with its ETag (from the ETag header). */
  agenda(meetingId: string): Promise<AgendaResponse>;
  /** PUT with If-Match: `etag`; 412 (ApiError) when someone else saved first. */
  saveAgenda(meetingId: string, request: AgendaSaveRequest, etag: string): Promise<AgendaResponse>;
  publishAgenda(meetingId: string, etag: string): Promise<AgendaResponse>;
  /** The network's agenda template with its ETag (`"default"` while it uses the default). */
  agendaTemplate(networkId: string): Promise<AgendaTemplateResponse>;
  /** PUT with If-Match: `etag` (the chair group); 412 when someone else saved first. */
  saveAgendaTemplate(networkId: string, request: TemplateSaveRequest, etag: string): Promise<AgendaTemplateResponse>;
}

export function agendaApi({ call }: ApiCore): AgendaApi {
  return {
    agenda: async (meetingId) => withEtag(await call(R.agenda, { meetingId })),
    saveAgenda: async (meetingId, body, etag) => withEtag(await call(R.saveAgenda, { meetingId }, { body, ifMatch: etag })),
    publishAgenda: async (meetingId, etag) => withEtag(await call(R.publishAgenda, { meetingId }, { ifMatch: etag })),
    agendaTemplate: async (networkId) => withEtag(await call(R.agendaTemplate, { networkId })),
    saveAgendaTemplate: async (networkId, body, etag) => withEtag(await call(R.saveAgendaTemplate, { networkId }, { body, ifMatch: etag })),
  };
}
