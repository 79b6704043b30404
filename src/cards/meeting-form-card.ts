import { LIMITS, MEETING_MODES, type Locale, type MeetingField, type MeetingFieldError, type MeetingFormValues } from '../domain/meeting';
import { card, execute, text, type AdaptiveCard, type CardElement } from './elements';
import { strings } from './strings';

export interface MeetingFormState {
  formId: string;
  values?: Partial<MeetingFormValues>;
  errors?: Partial<Record<MeetingField, MeetingFieldError>>;
}

/** The "ny träff" form. With errors it comes back filled in, a Swedish message at each bad field. */
export function meetingFormCard(state: MeetingFormState, locale: Locale): AdaptiveCard {
  const s = strings(locale);
  const v = state.values ?? {};
  const errors = state.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const at = (field: MeetingField): CardElement[] => {
    const code = errors[field];
    return code ? [text(s.fieldErrors[code], { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
  };
  const body: CardElement[] = [
    text(s.form.title, { size: 'Large', weight: 'Bolder' }),
    text(s.form.intro, { isSubtle: true, spacing: 'Small' }),
    ...(hasErrors ? [text(s.form.fixErrors, { color: 'Attention', weight: 'Bolder' })] : []),
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
  return card(body, [execute(s.form.submit, { action: 'createMeeting', formId: state.formId }, { style: 'positive' })]);
}

function input(el: CardElement, value: string | undefined): CardElement {
  return value ? { ...el, value } : el;
}
