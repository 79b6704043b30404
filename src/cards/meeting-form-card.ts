import { LIMITS, MEETING_MODES, type Locale, type MeetingField, type MeetingFieldError, type MeetingFormValues } from '../domain/meeting';
import { card, container, execute, text, type AdaptiveCard, type CardElement } from './elements';
import { longDate } from './format';
import { meetingLifeStrings } from './meeting-life-strings';
import { strings } from './strings';

export interface MeetingFormState {
  formId: string;
  values?: Partial<MeetingFormValues>;
  errors?: Partial<Record<MeetingField, MeetingFieldError>>;
  /** The date has passed: ask the chair group whether it is a meeting already held, to record for its minutes. */
  confirmPast?: boolean;
}

/** The "ny träff" form. With errors it comes back filled in, a Swedish message at each bad field. */
export function meetingFormCard(state: MeetingFormState, locale: Locale): AdaptiveCard {
  const s = strings(locale);
  const life = meetingLifeStrings(locale);
  const errors = state.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0 && !state.confirmPast;
  const submit = execute(s.form.submit, { action: 'createMeeting', formId: state.formId }, { style: 'positive' });
  if (state.confirmPast) {
    // The inputs stay (the date may be a slip); confirming records a past meeting with them.
    const date = state.values?.date ?? '';
    const body: CardElement[] = [
      container([text(life.past.title, { size: 'Medium', weight: 'Bolder' }), text(life.past.question(date ? longDate(date, locale) : ''), { spacing: 'Small' })], { style: 'emphasis' }),
      ...meetingFormInputs(state.values ?? {}, {}, locale),
    ];
    return card(body, [execute(life.buttons.confirmPast, { action: 'createMeeting', formId: state.formId, past: 'yes' }, { style: 'positive' }), execute(life.past.change, { action: 'createMeeting', formId: state.formId })]);
  }
  const body: CardElement[] = [
    text(s.form.title, { size: 'Large', weight: 'Bolder' }),
    text(s.form.intro, { isSubtle: true, spacing: 'Small' }),
    ...(hasErrors ? [text(s.form.fixErrors, { color: 'Attention', weight: 'Bolder' })] : []),
    ...meetingFormInputs(state.values ?? {}, errors, locale),
  ];
  return card(body, [submit]);
}

/**
 * The form's inputs (date, start, end, form, place, Teams link), filled in with `v`, a message
 * at each bad field: the "ny träff" form's, and the check-in card's "Ändra träff".
 */
export function meetingFormInputs(v: Partial<MeetingFormValues>, errors: Partial<Record<MeetingField, MeetingFieldError>>, locale: Locale): CardElement[] {
  const s = strings(locale);
  const at = (field: MeetingField): CardElement[] => {
    const code = errors[field];
    return code ? [text(s.fieldErrors[code], { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
  };
  return [
    input({ type: 'Input.Date', id: 'date', label: s.form.date, isRequired: true, errorMessage: s.fieldErrors.required }, v.date),
    ...at('date'),
    input({ type: 'Input.Time', id: 'start', label: s.form.start, isRequired: true, errorMessage: s.fieldErrors.required }, v.start),
    ...at('start'),
    input({ type: 'Input.Time', id: 'end', label: s.form.end, isRequired: true, errorMessage: s.fieldErrors.required }, v.end),
    ...at('end'),
    input(
      {
        type: 'Input.ChoiceSet',
        id: 'mode',
        label: s.form.mode,
        style: 'compact',
        isRequired: true,
        errorMessage: s.fieldErrors.required,
        choices: MEETING_MODES.map((m) => ({ title: s.mode[m], value: m })),
      },
      v.mode || 'onsite',
    ),
    ...at('mode'),
    input({ type: 'Input.Text', id: 'place', label: s.form.place, placeholder: s.form.placeHint, maxLength: LIMITS.place }, v.place),
    ...at('place'),
    input(
      { type: 'Input.Text', id: 'teamsLink', label: s.form.teamsLink, placeholder: s.form.teamsLinkHint, style: 'Url', maxLength: LIMITS.teamsLink },
      v.teamsLink,
    ),
    ...at('teamsLink'),
  ];
}

function input(el: CardElement, value: string | undefined): CardElement {
  return value ? { ...el, value } : el;
}
