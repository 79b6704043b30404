import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import type { ApiItemKind } from '../../http/api-contract';
import type { ItemFields } from '../agenda-draft';
import type { TabStrings } from '../strings';

const KINDS: readonly ApiItemKind[] = ['information', 'diskussion', 'beslut'];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40em' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

const EMPTY: ItemFields = { title: '', kind: 'information', durationMin: 10, description: '', presenterName: '' };

/** The fields of one agenda item, checked here before they reach the draft (the server checks again). */
export function AgendaItemForm(props: {
  s: TabStrings;
  initial?: ItemFields;
  submitLabel: string;
  onSubmit: (fields: ItemFields) => void;
  onCancel?: () => void;
  /** Form name for screen readers. */
  label: string;
}): ReactNode {
  const { s } = props;
  const a = s.agenda;
  const styles = useStyles();
  const start = props.initial ?? EMPTY;
  const [title, setTitle] = useState(start.title);
  const [kind, setKind] = useState<ApiItemKind>(start.kind);
  const [duration, setDuration] = useState(String(start.durationMin));
  const [description, setDescription] = useState(start.description);
  const [presenter, setPresenter] = useState(start.presenterName);
  const [tried, setTried] = useState(false);

  const minutes = Number(duration);
  const titleError = tried && !title.trim() ? a.invalid.titleRequired : undefined;
  const durationOk = Number.isInteger(minutes) && minutes >= 1 && minutes <= 240;
  const durationError = tried && !durationOk ? a.invalid.duration : undefined;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (!title.trim() || !durationOk) return;
    props.onSubmit({ title, kind, durationMin: minutes, description, presenterName: presenter });
    if (!props.initial) {
      setTitle('');
      setDuration(String(EMPTY.durationMin));
      setDescription('');
      setPresenter('');
      setKind(EMPTY.kind);
      setTried(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={props.label} noValidate>
      <Field label={a.fields.title} required validationMessage={titleError}>
        <Input value={title} maxLength={200} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={a.fields.kind}>
          <Select value={kind} onChange={(_e, d) => setKind(d.value as ApiItemKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {a.kind[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={a.fields.duration} required validationMessage={durationError}>
          <Input type="number" min={1} max={240} step={1} value={duration} onChange={(_e, d) => setDuration(d.value)} />
        </Field>
      </div>
      <Field label={a.fields.presenter}>
        <Input value={presenter} maxLength={200} onChange={(_e, d) => setPresenter(d.value)} />
      </Field>
      <Field label={a.fields.description}>
        <Textarea value={description} maxLength={4000} resize="vertical" onChange={(_e, d) => setDescription(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          {props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button type="button" onClick={props.onCancel}>
            {a.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
