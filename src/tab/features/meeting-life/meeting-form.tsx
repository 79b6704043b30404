import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { ApiMode, Problem } from '../../../http/api-contract';
import { ApiError } from '../../api';
import type { TabStrings } from '../../strings';
import type { MeetingLifeTabStrings } from './strings';

export interface MeetingFormValues {
  date: string;
  start: string;
  end: string;
  place: string;
  mode: ApiMode;
  teamsLink: string;
}

const MODES: readonly ApiMode[] = ['onsite', 'online', 'hybrid'];
type FieldName = keyof MeetingFormValues;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32em' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * A meeting's date, times, place, form and Teams link: "Ändra träff" and "Registrera genomförd
 * träff". The server checks the values (a Swedish message at each field it refuses); a problem
 * that is no field's is thrown to the caller's ProblemBar.
 */
export function MeetingForm(props: {
  s: TabStrings;
  t: MeetingLifeTabStrings;
  initial: MeetingFormValues;
  submit: string;
  submitting: string;
  labelledBy: string;
  onSubmit: (values: MeetingFormValues) => Promise<void>;
  onError: (err: unknown) => void;
  extra?: ReactNode;
}): ReactNode {
  const { s, t } = props;
  const styles = useStyles();
  const [v, setV] = useState<MeetingFormValues>(props.initial);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: FieldName) => (value: string) => setV((was) => ({ ...was, [field]: value }));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const missing: Partial<Record<FieldName, string>> = {};
    for (const f of ['date', 'start', 'end'] as const) if (!v[f].trim()) missing[f] = t.required;
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await props.onSubmit(v);
    } catch (err) {
      const fields = fieldErrors(err);
      if (fields) setErrors(fields);
      else props.onError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (field: FieldName, type: 'date' | 'time' | 'text' | 'url', required = false): ReactNode => (
    <Field label={t.fields[field]} required={required} validationMessage={errors[field]}>
      <Input type={type} name={field} value={v[field]} onChange={(_e, d) => set(field)(d.value)} />
    </Field>
  );
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby={props.labelledBy} noValidate data-meeting-form>
      {text('date', 'date', true)}
      <div className={styles.row}>
        {text('start', 'time', true)}
        {text('end', 'time', true)}
      </div>
      <Field label={t.fields.mode} validationMessage={errors.mode}>
        <Select name="mode" value={v.mode} onChange={(_e, d) => set('mode')(d.value)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {s.mode[m]}
            </option>
          ))}
        </Select>
      </Field>
      {text('place', 'text')}
      {text('teamsLink', 'url')}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? props.submitting : props.submit}
        </Button>
        {props.extra}
      </div>
    </form>
  );
}

/** The server's problems at the form's fields (400 with `errors[].field`), or undefined for any other problem. */
function fieldErrors(err: unknown): Partial<Record<FieldName, string>> | undefined {
  const problem: Problem | null = err instanceof ApiError ? err.problem : null;
  const list = problem?.errors?.filter((e) => e.field) ?? [];
  if (list.length === 0) return undefined;
  return Object.fromEntries(list.map((e) => [e.field, e.detail]));
}
