import type { ApiMinutesContentInput, ApiMinutesVersion, MinutesAnswerResponse, MinutesResponse, NetworkResponse } from '../../../http/api-contract';
import { pathOf, ROUTES as R } from '../../../contract/routes';
import type { ArchivedDocumentKind, MinutesKind } from '../../../domain/minutes-model';
import { fetchFile, withEtag, type ApiCore } from '../../shared/api';

export interface MinutesApi {
  /** The chair group or admins: protokoll or minnesanteckningar; answers the network. */
  setMinutesKind(networkId: string, kind: MinutesKind): Promise<NetworkResponse>;
  /** The minutes with their ETag; the first read starts them from the agenda and the check-in. */
  minutes(meetingId: string): Promise<MinutesResponse>;
  /** PUT with If-Match: `etag`; 412 when someone else saved first, 400 with each problem at its field. */
  /** The attendance or the items left out of `content` stay as the server has them (they may follow the check-in and the agenda). */
  saveMinutes(meetingId: string, content: ApiMinutesContentInput, etag: string): Promise<MinutesResponse>;
  /** "Skicka för justering" with If-Match: `etag`. */
  sendMinutes(meetingId: string, etag: string): Promise<MinutesResponse>;
  /** A justerare's answer to a version: approve, or ask for a change with a comment. */
  answerMinutes(meetingId: string, version: number, answer: { approve: true } | { comment: string }): Promise<MinutesAnswerResponse>;
  minutesVersion(meetingId: string, version: number): Promise<ApiMinutesVersion>;
  /** An archived document of the local folder archive (its webUrl opens nowhere), fetched with the caller's sign-in. */
  document(meetingId: string, version: number, kind: ArchivedDocumentKind): Promise<Blob>;
  /** Archives a justerat version again after the archive refused it (those who write the minutes). */
  retryArchive(meetingId: string, version: number): Promise<ApiMinutesVersion>;
}

export function minutesApi({ headers, call, answer }: ApiCore): MinutesApi {
  return {
    setMinutesKind: async (networkId, kind) => (await call(R.setMinutesKind, { networkId }, { body: { kind } })).body,
    minutes: async (meetingId) => withEtag(await call(R.minutes, { meetingId })),
    saveMinutes: async (meetingId, content, etag) => withEtag(await call(R.saveMinutes, { meetingId }, { body: { content }, ifMatch: etag })),
    sendMinutes: async (meetingId, etag) => withEtag(await call(R.sendMinutes, { meetingId }, { ifMatch: etag })),
    answerMinutes: async (meetingId, version, reply) =>
      'approve' in reply
        ? answer(R.approveMinutes, { meetingId, version })
        : (await call(R.requestMinutesChange, { meetingId, version }, { body: { comment: reply.comment } })).body,
    minutesVersion: (meetingId, version) => answer(R.minutesVersion, { meetingId, version }),
    retryArchive: (meetingId, version) => answer(R.retryArchive, { meetingId, version }),
    document: async (meetingId, version, kind) => (await fetchFile(pathOf(R.minutesDocument, { meetingId, version, kind }), await headers())).blob,
  };
}
