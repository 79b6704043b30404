import type { AttendanceResponse, CurrentMeetingResponse, MyMeetingsResponse, PastMeetingsResponse, TermPlanResponse } from '../../../http/api-contract';
import { ROUTES as R } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

export interface MeetingsApi {
  myMeetings(): Promise<MyMeetingsResponse>;
  /** Editors only; `planId` makes a retry create nothing new. */
  planTerm(networkId: string, planId: string, text: string): Promise<TermPlanResponse>;
  /** The network's meeting today, else the next upcoming one (the meeting side panel's). */
  currentMeeting(networkId: string): Promise<CurrentMeetingResponse>;
  /** The meetings of the last year up to today, newest first, with their minutes' status and documents. */
  pastMeetings(networkId: string): Promise<PastMeetingsResponse>;
  attendance(meetingId: string): Promise<AttendanceResponse>;
}

export function meetingsApi({ call, answer }: ApiCore): MeetingsApi {
  return {
    myMeetings: () => answer(R.myMeetings, {}),
    planTerm: async (networkId, planId, text) => (await call(R.termPlan, { networkId }, { body: { planId, text } })).body,
    currentMeeting: (networkId) => answer(R.currentMeeting, { networkId }),
    pastMeetings: (networkId) => answer(R.pastMeetings, { networkId }),
    attendance: (meetingId) => answer(R.attendance, { meetingId }),
  };
}
