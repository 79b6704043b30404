export { checkinCard, CHECKIN_CARD_BUDGET_BYTES } from './checkin-card';
export { meetingFormCard, type MeetingFormState } from './meeting-form-card';
export { errorCard, helpCard, meetingCreatedCard, noticeCard } from './message-cards';
export { cardBytes, type AdaptiveCard } from './elements';
export { strings, localeFrom } from './strings';
