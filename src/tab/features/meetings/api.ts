import type { AttendanceResponse, CurrentMeetingResponse, MyMeetingsResponse, PastMeetingsResponse, TermPlanResponse } from '../../../http/api-contract';
import { ROUTES as R } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

export interface MeetingsApi {
  myMeetings(): Promise<MyMeetingsResponse>;
  /** Editors only; `planId` makes a retry create nothing new. */
  planTerm(networkId: string, planId: string, text: string): Promise<TermPlanResponse>;
  /** The network's meeting today, else the next upcoming one (the meeting side panel's). */
  currentMeeting(networkId: string): Promise<CurrentMeetingResponse>;
  /** A page of the meetings up to today (before `before`: the previous page's `next`), newest first, with their minutes' status and documents. */
  pastMeetings(networkId: string, before?: string): Promise<PastMeetingsResponse>;
  attendance(meetingId: string): Promise<AttendanceResponse>;
}

export function meetingsApi({ call, answer, query }: ApiCore): MeetingsApi {
  return {
    myMeetings: () => answer(R.myMeetings, {}),
    planTerm: async (networkId, planId, text) => (await call(R.termPlan, { networkId }, { body: { planId, text } })).body,
    currentMeeting: (networkId) => answer(R.currentMeeting, { networkId }),
    pastMeetings: (networkId, before) => query(R.pastMeetings, { networkId }, before !== undefined ? { before } : {}),
    attendance: (meetingId) => answer(R.attendance, { meetingId }),
  };
}
