import type { MeetingResponse } from '../../../http/api-contract';
import { ROUTES as R, type MeetingCreateRequest, type MeetingEditRequest } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

export interface MeetingLifeApi {
  /** The meeting as stored now, and what I may do to it (move, cancel). */
  meeting(meetingId: string): Promise<MeetingResponse>;
  /** The chair group moves or edits it; 400 with each problem at its field. */
  editMeeting(meetingId: string, values: MeetingEditRequest): Promise<MeetingResponse>;
  /** The chair group cancels it ("Inställd"); again changes nothing. */
  cancelMeeting(meetingId: string): Promise<MeetingResponse>;
  /** A meeting from the tab; `past: true` records one already held (the chair group), to write its minutes. */
  createMeeting(networkId: string, request: MeetingCreateRequest): Promise<MeetingResponse>;
}

export function meetingLifeApi({ call, answer }: ApiCore): MeetingLifeApi {
  return {
    meeting: (meetingId) => answer(R.meeting, { meetingId }),
    editMeeting: async (meetingId, body) => (await call(R.editMeeting, { meetingId }, { body })).body,
    cancelMeeting: (meetingId) => answer(R.cancelMeeting, { meetingId }),
    createMeeting: async (networkId, body) => (await call(R.createMeeting, { networkId }, { body })).body,
  };
}
