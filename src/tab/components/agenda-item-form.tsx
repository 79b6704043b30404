import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import type { ApiItemKind, ApiPresenter } from '../../http/api-contract';
import { AGENDA_LIMITS, ITEM_KINDS } from '../../domain/agenda';
import type { ItemFields } from '../agenda-draft';
import type { TabStrings } from '../strings';

const KINDS: readonly ApiItemKind[] = ITEM_KINDS;
const L = AGENDA_LIMITS;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40em' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

const EMPTY: ItemFields = { title: '', kind: 'information', durationMin: 10, description: '' };

/** A network member the presenter picker offers. */
export interface PresenterOption {
  id: string;
  name: string;
  municipality: string;
}

/** The picker's value: none, a member (`member:<id>`), or a guest whose name is typed. */
type PickerValue = '' | 'guest' | `member:${string}`;

function pickerValue(p: ApiPresenter | undefined): PickerValue {
  if (!p) return '';
  return p.kind === 'member' ? `member:${p.memberId}` : 'guest';
}

/** The fields of one agenda item, checked here before they reach the draft (the server checks again). */
export function AgendaItemForm(props: {
  s: TabStrings;
  initial?: ItemFields;
  submitLabel: string;
  onSubmit: (fields: ItemFields) => void;
  onCancel?: () => void;
  /** Form name for screen readers. */
  label: string;
  /** The network's members, offered as presenters. */
  members?: readonly PresenterOption[];
  /** Without the presenter fields (a template's items have none). */
  noPresenter?: boolean;
  /** More fields before the submit button (where a template's item goes). */
  extra?: ReactNode;
}): ReactNode {
  const { s } = props;
  const a = s.agenda;
  const styles = useStyles();
  const start = props.initial ?? EMPTY;
  const [title, setTitle] = useState(start.title);
  const [kind, setKind] = useState<ApiItemKind>(start.kind);
  const [duration, setDuration] = useState(String(start.durationMin));
  const [description, setDescription] = useState(start.description);
  const [picked, setPicked] = useState<PickerValue>(pickerValue(start.presenter));
  const [guestName, setGuestName] = useState(start.presenter?.kind === 'guest' ? start.presenter.name : '');
  const [guestOrganisation, setGuestOrganisation] = useState(start.presenter?.kind === 'guest' ? (start.presenter.organisation ?? '') : '');
  const [tried, setTried] = useState(false);

  // The members to choose from, and the item's own member presenter even when the list does not have them (yet).
  const members: PresenterOption[] = [...(props.members ?? [])];
  const own = start.presenter?.kind === 'member' ? start.presenter : undefined;
  if (own && !members.some((m) => m.id === own.memberId)) members.unshift({ id: own.memberId, name: own.name, municipality: '' });
  const presenter = (): ApiPresenter | undefined => {
    if (picked === 'guest') return { kind: 'guest', name: guestName, ...(guestOrganisation.trim() ? { organisation: guestOrganisation } : {}) };
    const member = picked ? members.find((m) => `member:${m.id}` === picked) : undefined;
    return member ? { kind: 'member', memberId: member.id, name: member.name } : undefined;
  };

  const minutes = Number(duration);
  const titleError = tried && !title.trim() ? a.invalid.titleRequired : undefined;
  const durationOk = Number.isInteger(minutes) && minutes >= L.minDurationMin && minutes <= L.maxDurationMin;
  const durationError = tried && !durationOk ? a.invalid.duration : undefined;
  const guestOk = picked !== 'guest' || !!guestName.trim();
  const guestError = tried && !guestOk ? a.invalid.guestName : undefined;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (!title.trim() || !durationOk || !guestOk) return;
    const chosen = presenter();
    props.onSubmit({ title, kind, durationMin: minutes, description, ...(chosen ? { presenter: chosen } : {}) });
    if (!props.initial) {
      setTitle('');
      setDuration(String(EMPTY.durationMin));
      setDescription('');
      setPicked('');
      setGuestName('');
      setGuestOrganisation('');
      setKind(EMPTY.kind);
      setTried(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={props.label} noValidate>
      <Field label={a.fields.title} required validationMessage={titleError}>
        <Input value={title} maxLength={L.title} onChange={(_e, d) => setTitle(d.value)} />
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
          <Input type="number" min={L.minDurationMin} max={L.maxDurationMin} step={1} value={duration} onChange={(_e, d) => setDuration(d.value)} />
        </Field>
      </div>
      {!props.noPresenter && (
        <Field label={a.fields.presenter}>
          <Select value={picked} onChange={(_e, d) => setPicked(d.value as PickerValue)}>
            <option value="">{a.presenterPicker.none}</option>
            {members.length > 0 && (
              <optgroup label={a.presenterPicker.members}>
                {members.map((m) => (
                  <option key={m.id} value={`member:${m.id}`}>
                    {m.municipality ? `${m.name} (${m.municipality})` : m.name}
                  </option>
                ))}
              </optgroup>
            )}
            <option value="guest">{a.presenterPicker.guest}</option>
          </Select>
        </Field>
      )}
      {!props.noPresenter && picked === 'guest' && (
        <div className={styles.row}>
          <Field label={a.presenterPicker.guestName} required validationMessage={guestError}>
            <Input value={guestName} maxLength={L.presenterName} onChange={(_e, d) => setGuestName(d.value)} />
          </Field>
          <Field label={a.presenterPicker.guestOrganisation}>
            <Input value={guestOrganisation} maxLength={L.presenterName} onChange={(_e, d) => setGuestOrganisation(d.value)} />
          </Field>
        </div>
      )}
      <Field label={a.fields.description}>
        <Textarea value={description} maxLength={L.description} resize="vertical" onChange={(_e, d) => setDescription(d.value)} />
      </Field>
      {props.extra}
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
