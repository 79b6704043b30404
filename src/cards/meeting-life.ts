import type { Locale, Meeting, MeetingField, MeetingFieldError, MeetingFormValues } from '../domain/meeting';
import { card, container, execute, text, userText, type AdaptiveCard, type CardElement } from './elements';
import { meetingTitle, meetingWhen } from './format';
import { strings } from './strings';
import { meetingFormInputs } from './meeting-form-card';
import { meetingLifeStrings } from './meeting-life-strings';
import type { CardViewer } from './user-views';

/**
 * What every card about a meeting says of its life, under the title: "Inställd" (and by whom)
 * for a cancelled meeting, "Flyttad till <new date and time>" (and what it was) for a moved one;
 * nothing otherwise.
 */
export function meetingLifeBanner(meeting: Meeting, locale: Locale): CardElement[] {
  const s = meetingLifeStrings(locale);
  if (meeting.cancelled) {
    return [
      container(
        [text(s.cancelled, { size: 'Large', weight: 'Bolder', color: 'Attention' }), userText([s.cancelledBy(meeting.cancelled.by.name)], { spacing: 'None' })],
        { style: 'attention', spacing: 'Small' },
      ),
    ];
  }
  if (meeting.movedFrom) {
    return [
      container(
        [
          text(s.movedTo(meetingWhen(meeting, locale)), { weight: 'Bolder', color: 'Accent' }),
          text(s.movedFrom(meetingWhen(meeting.movedFrom, locale)), { isSubtle: true, size: 'Small', spacing: 'None' }),
        ],
        { style: 'accent', spacing: 'Small' },
      ),
    ];
  }
  return [];
}

/**
 * The chair group's buttons on the check-in card: "Ändra träff" opens the form filled in with the
 * meeting's details, "Ställ in" asks first (it cannot be undone). Everyone sees the shared card;
 * the policy refuses anyone else with the reason. A viewer's own card (`may`, from the policy)
 * has only those they may press. A cancelled meeting has none.
 */
export function meetingLifeActions(meeting: Meeting, locale: Locale, may?: Pick<CardViewer['may'], 'editMeeting' | 'cancelMeeting'>): CardElement[] {
  if (meeting.cancelled) return [];
  const s = meetingLifeStrings(locale);
  const values = { date: meeting.date, start: meeting.start, end: meeting.end, place: meeting.place, mode: meeting.mode, teamsLink: meeting.teamsLink ?? '' };
  const edit: CardElement = {
    type: 'Action.ShowCard',
    title: s.buttons.edit,
    card: {
      type: 'AdaptiveCard',
      body: [text(s.editForm.intro, { isSubtle: true, size: 'Small' }), ...meetingFormInputs(values, {}, locale)],
      actions: [execute(s.editForm.submit, { action: 'editMeeting', meetingId: meeting.id }, { style: 'positive' })],
    },
  };
  const cancel: CardElement = {
    type: 'Action.ShowCard',
    title: s.buttons.cancel,
    card: {
      type: 'AdaptiveCard',
      body: [text(s.cancelQuestion)],
      actions: [execute(s.buttons.confirmCancel, { action: 'cancelMeeting', meetingId: meeting.id }, { style: 'destructive' })],
    },
  };
  return [...(!may || may.editMeeting ? [edit] : []), ...(!may || may.cancelMeeting ? [cancel] : [])];
}

/** "Ändra träff" answered with problems: the form again, filled in as sent, a message at each bad field. */
export function meetingEditCard(meeting: Meeting, values: MeetingFormValues, errors: Partial<Record<MeetingField, MeetingFieldError>>, locale: Locale): AdaptiveCard {
  const s = meetingLifeStrings(locale);
  return card(
    [
      userText([`${s.editForm.title}: `, meetingTitle(meeting, [], locale)], { bold: true, size: 'Medium' }),
      text(strings(locale).form.fixErrors, { color: 'Attention', weight: 'Bolder' }),
      ...meetingFormInputs(values, errors, locale),
    ],
    [execute(s.editForm.submit, { action: 'editMeeting', meetingId: meeting.id }, { style: 'positive' })],
  );
}


/** A meeting recorded after it took place: no check-in card; the minutes are written in the tab. */
export function pastMeetingRecordedCard(meeting: Meeting, minutesUrl: string, locale: Locale): AdaptiveCard {
  const s = meetingLifeStrings(locale);
  return card(
    [
      userText([s.past.recorded(meetingTitle(meeting, [], locale))], { bold: true, color: 'Good' }),
      text(meetingWhen(meeting, locale), { spacing: 'Small' }),
      text(s.past.recordedHint, { isSubtle: true, spacing: 'Small' }),
    ],
    [{ type: 'Action.OpenUrl', title: s.buttons.writeMinutes, url: minutesUrl }],
  );
}
