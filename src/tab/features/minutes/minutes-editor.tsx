import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Button, Checkbox, Field, Input, inputClassNames, makeStyles, Select, selectClassNames, Subtitle1, Subtitle2, Textarea, textareaClassNames, tokens, Body1 } from '@fluentui/react-components';
import type { ApiActionItem, ApiMinutesContent, ApiMinutesItem, ApiNextMeeting, ApiPersonRef, NetworkMember } from '../../../http/api-contract';
import {
  addItem,
  moveItem,
  newAction,
  newId,
  removeItem,
  updateAction,
  updateAttendee,
  updateItem,
  type MinutesItemPatch,
} from './minutes-draft';
import { eligibleJusterare } from '../../../domain/justerare';
import { ITEM_NUMBERINGS, MINUTES_ATTENDANCE, type ActionOwner, type ItemNumbering, type MinutesAttendanceStatus } from '../../../domain/minutes-model';
import { protocolModelStrings, type ProtocolModelStrings } from './protocol-strings';
import { MINUTES_LIMITS } from '../../../domain/minutes-limits';
import { useSharedStyles } from '../../shared/styles';
import { GroupOwners } from './group-owners';

const STATUSES: readonly MinutesAttendanceStatus[] = MINUTES_ATTENDANCE;

/** The server's limits, so the tab stops typing where the server would refuse. */
const MAX = MINUTES_LIMITS;

/**
 * A row's fields share its width and wrap; none is wider than the row. Fluent's controls size
 * themselves by their content (a select by its longest option), so they may shrink here, and a
 * narrow field's control fills the field instead of spilling into the next one.
 */
const CONTROLS = `& .${inputClassNames.root}, & .${selectClassNames.root}, & .${selectClassNames.select}, & .${textareaClassNames.root}`;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  h2: { margin: '0' },
  h3: { margin: '0' },
  p: { margin: '0' },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
    '& > *': { minWidth: '0', maxWidth: '100%' },
    [CONTROLS]: { minWidth: '0', maxWidth: '100%' },
  },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sub: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  wide: { flex: '1 1 20em', minWidth: '0' },
  narrow: { width: '8em', [`& .${inputClassNames.root}`]: { width: '100%' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Where the server put a problem: its message at a field (see minutes-draft's fieldKey), if any. */
type ErrorAt = (key: string) => string | undefined;

interface EditorProps {
  content: ApiMinutesContent;
  onChange: (next: ApiMinutesContent) => void;
  members: readonly NetworkMember[];
  errorAt: ErrorAt;
}

/** The secretary's editor: secretary and justerare, attendance, the items, and the next meeting. */
export function MinutesEditor(props: EditorProps): ReactNode {
  const { content, members, onChange } = props;
  // Minutes without a secretary start with the network's secretary, once: a proposal in the
  // editor, saved like any edit (choosing "none" afterwards is not undone).
  const proposed = useRef(false);
  useEffect(() => {
    if (proposed.current || members.length === 0) return;
    proposed.current = true;
    if (content.secretary) return;
    const secretary = members.find((x) => x.role === 'sekreterare');
    const ref = secretary && memberRef(members, secretary.id);
    if (ref) onChange({ ...content, secretary: ref });
  }, [content, members, onChange]);
  return (
    <>
      <RolesSection {...props} />
      <AttendanceSection {...props} />
      <ItemsSection {...props} />
      <NextMeetingSection {...props} />
    </>
  );
}

/** A member by id as the minutes name them. */
function memberRef(members: readonly NetworkMember[], id: string): { kind: 'member'; memberId: string; name: string } | undefined {
  const m = members.find((x) => x.id === id);
  return m ? { kind: 'member', memberId: m.id, name: m.name } : undefined;
}

/** The server's problem with a whole part (the attendance, the items, an item), announced where it is. */
function ProblemAt(props: { text: string | undefined }): ReactNode {
  return props.text ? (
    <Body1 as="p" role="alert">
      {props.text}
    </Body1>
  ) : null;
}

/** The members to choose from, with a person the minutes name who is not (or no longer) among them. */
function withNamed(members: readonly NetworkMember[], refs: readonly (ApiPersonRef | undefined)[]): { id: string; label: string }[] {
  const options = members.map((m) => ({ id: m.id, label: m.municipality ? `${m.name} (${m.municipality})` : m.name }));
  for (const r of refs) if (r?.kind === 'member' && !options.some((o) => o.id === r.memberId)) options.unshift({ id: r.memberId, label: r.name });
  return options;
}

/** A person of the minutes (the chair, the secretary): a member, none, or the person named in text the minutes already hold. */
function PersonSelect(props: { label: string; field: string; value: ApiPersonRef | undefined; options: { id: string; label: string }[]; error: string | undefined; onChange: (memberId: string) => void }): ReactNode {
  const s = useStrings();
  const { value, options } = props;
  const current = value?.kind === 'member' ? value.memberId : value ? 'named' : '';
  return (
    <Field label={props.label} validationMessage={props.error} data-field={props.field}>
      <Select
        value={current}
        onChange={(_e, d) => {
          if (d.value === 'named') return;
          props.onChange(d.value);
        }}
      >
        <option value="">{s.minutes.roles.none}</option>
        {value?.kind === 'named' && <option value="named">{value.name}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function RolesSection(props: EditorProps): ReactNode {
  const s = useStrings();
  const { content, onChange, members, errorAt } = props;
  const m = s.minutes;
  const styles = useStyles();
  const options = withNamed(members, [content.secretary, ...content.justerare]);
  // Justerare are chosen among those who attended, never the secretary (the server's rule).
  const eligible = new Set(eligibleJusterare(options, content).map((o) => o.id));
  const setJusterare = (index: number, id: string): void => {
    const chosen = content.justerare.map((j) => j.memberId);
    if (id) chosen[index] = id;
    else chosen.splice(index, 1);
    const refs = chosen.flatMap((x) => {
      const known = content.justerare.find((j) => j.memberId === x);
      const ref = memberRef(members, x) ?? known;
      return ref ? [ref] : [];
    });
    onChange({ ...content, justerare: refs });
  };
  const p = protocolModelStrings(s.lang);
  return (
    <section className={styles.section} aria-labelledby="minutes-roles" data-minutes-roles>
      <Subtitle1 as="h2" id="minutes-roles" className={styles.h2}>
        {p.kind[content.kind]} · {m.roles.title}
      </Subtitle1>
      <Body1 as="p" className={styles.p} data-minutes-kind={content.kind}>
        {p.kindHint[content.kind]}
      </Body1>
      <div className={styles.row}>
        <PersonSelect label={p.chair} field="chair" value={content.chair} options={withNamed(members, [content.chair])} error={errorAt('chair')} onChange={(id) => {
          const ref = memberRef(members, id) ?? (content.chair?.kind === 'member' && content.chair.memberId === id ? content.chair : undefined);
          const { chair: _old, ...rest } = content;
          onChange(ref ? { ...rest, chair: ref } : rest);
        }} />
        <PersonSelect label={m.roles.secretary} field="secretary" value={content.secretary} options={options} error={errorAt('secretary')} onChange={(id) => {
          const ref = memberRef(members, id);
          const { secretary: _old, ...rest } = content;
          onChange(ref ? { ...rest, secretary: ref } : rest);
        }} />
        {content.kind === 'protokoll' && [0, 1].map((index) => {
          const current = content.justerare[index]?.memberId ?? '';
          const other = content.justerare[1 - index]?.memberId;
          // The second is offered once the first is chosen; each offers everyone but the other.
          if (index === 1 && content.justerare.length === 0) return null;
          return (
            <Field key={index} label={m.roles.justerare(index + 1)} validationMessage={errorAt(`justerare.${index}`) ?? (index === 0 ? errorAt('justerare') : undefined)} data-field={`justerare.${index}`}>
              <Select value={current} onChange={(_e, d) => setJusterare(index, d.value)}>
                <option value="">{m.roles.none}</option>
                {options
                  .filter((o) => o.id !== other && (o.id === current || eligible.has(o.id)))
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
              </Select>
            </Field>
          );
        })}
        <Field label={p.numbering}>
          <Select value={content.numbering} onChange={(_e, d) => onChange({ ...content, numbering: d.value as ItemNumbering })} data-numbering>
            {ITEM_NUMBERINGS.map((x) => (
              <option key={x} value={x}>
                {p.numberings[x]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </section>
  );
}

function AttendanceSection(props: EditorProps): ReactNode {
  const s = useStrings();
  const { content, onChange, errorAt } = props;
  const m = s.minutes;
  const at = m.attendance;
  const p = protocolModelStrings(s.lang);
  const styles = useStyles();
  const shared = useSharedStyles();
  const [name, setName] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [tried, setTried] = useState(false);
  const add = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    onChange({ ...content, attendees: [...content.attendees, { id: newId('person'), name: name.trim(), organisation: municipality.trim(), status: 'onsite', guest: false }] });
    setName('');
    setMunicipality('');
    setTried(false);
  };
  return (
    <section className={styles.section} aria-labelledby="minutes-attendance" data-minutes-attendance>
      <Subtitle1 as="h2" id="minutes-attendance" className={styles.h2}>
        {at.title}
      </Subtitle1>
      <Body1 as="p" className={shared.intro}>
        {at.intro}
      </Body1>
      <ProblemAt text={errorAt('attendees')} />
      {content.attendees.length === 0 && <Body1 as="p">{at.empty}</Body1>}
      <ul className={styles.list}>
        {content.attendees.map((a) => {
          const key = `attendees.${a.id}`;
          const who = `${a.name}${a.guest ? ` (${at.guest})` : ''}`;
          const set = (patch: Parameters<typeof updateAttendee>[2]): void => onChange(updateAttendee(content, a.id, patch));
          return (
            <li key={a.id}>
              <div className={styles.row} role="group" aria-label={who} data-attendee={a.name}>
                <Field label={at.name} validationMessage={errorAt(`${key}.name`) ?? errorAt(key)} className={styles.wide}>
                  <Input value={a.name} maxLength={MAX.name} onChange={(_e, d) => set({ name: d.value })} />
                </Field>
                <Field label={p.organisation} validationMessage={errorAt(`${key}.organisation`)}>
                  <Input value={a.organisation} maxLength={MAX.name} onChange={(_e, d) => set({ organisation: d.value })} />
                </Field>
                <Field label={p.role} validationMessage={errorAt(`${key}.role`)}>
                  <Input value={a.role ?? ''} maxLength={MAX.name} onChange={(_e, d) => set({ role: d.value })} data-attendee-role />
                </Field>
                <Field label={at.status} validationMessage={errorAt(`${key}.status`)}>
                  <Select value={a.status} onChange={(_e, d) => set({ status: d.value as MinutesAttendanceStatus })}>
                    {STATUSES.map((x) => (
                      <option key={x} value={x}>
                        {p.status[x]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={at.substituteFor} validationMessage={errorAt(`${key}.substituteFor`)}>
                  <Input value={a.substituteFor ?? ''} maxLength={MAX.name} onChange={(_e, d) => set({ substituteFor: d.value })} />
                </Field>
                <Field label={at.arrivedAt} validationMessage={errorAt(`${key}.arrivedAt`)} className={styles.narrow}>
                  <Input value={a.arrivedAt ?? ''} maxLength={5} inputMode="numeric" onChange={(_e, d) => set({ arrivedAt: d.value })} />
                </Field>
                <Field label={p.leftAt} validationMessage={errorAt(`${key}.leftAt`)} className={styles.narrow}>
                  <Input value={a.leftAt ?? ''} maxLength={5} inputMode="numeric" onChange={(_e, d) => set({ leftAt: d.value })} />
                </Field>
                <Checkbox label={p.othersPresent} checked={a.guest} onChange={(_e, d) => set({ guest: d.checked === true })} />
                <Button onClick={() => onChange({ ...content, attendees: content.attendees.filter((x) => x.id !== a.id) })}>
                  {at.remove}
                  <span className={shared.visuallyHidden}>: {a.name}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <form className={styles.row} onSubmit={add} aria-label={at.addTitle} noValidate>
        <Field label={at.name} required validationMessage={tried && !name.trim() ? at.nameRequired : undefined}>
          <Input value={name} maxLength={MAX.name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Field label={at.municipality}>
          <Input value={municipality} maxLength={MAX.name} onChange={(_e, d) => setMunicipality(d.value)} />
        </Field>
        <Button type="submit">{at.add}</Button>
      </form>
    </section>
  );
}

function ItemsSection(props: EditorProps): ReactNode {
  const s = useStrings();
  const { content, onChange, errorAt } = props;
  const m = s.minutes;
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="minutes-items" data-minutes-items>
      <Subtitle1 as="h2" id="minutes-items" className={styles.h2}>
        {m.items.title}
      </Subtitle1>
      <ProblemAt text={errorAt('items')} />
      {content.items.length === 0 && <Body1 as="p">{m.items.empty}</Body1>}
      <ol className={styles.list} aria-labelledby="minutes-items">
        {content.items.map((item, n) => (
          <ItemEditor key={item.id} {...props} item={item} index={n} count={content.items.length} />
        ))}
      </ol>
      <div>
        <Button
          onClick={() => {
            const next = addItem(content, m.items.newItemTitle);
            onChange(next);
            // The new item's title takes the focus, ready to be named.
            const id = next.items.at(-1)?.id ?? '';
            window.requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-item-id="${CSS.escape(id)}"] input[data-item-title]`)?.select());
          }}
        >
          {m.items.add}
        </Button>
      </div>
    </section>
  );
}

function ItemEditor(props: EditorProps & { item: ApiMinutesItem; index: number; count: number }): ReactNode {
  const s = useStrings();
  const { content, onChange, errorAt, item, index } = props;
  const m = s.minutes.items;
  const styles = useStyles();
  const shared = useSharedStyles();
  const key = `items.${item.id}`;
  const patch = (p: MinutesItemPatch): void => onChange(updateItem(content, item.id, p));
  const pm = protocolModelStrings(s.lang);
  const headingId = `item-${item.id}`;
  const [decision, setDecision] = useState('');
  const move = (delta: -1 | 1): void => {
    onChange(moveItem(content, index, delta));
    // The moved item's button keeps the focus, so the keyboard can move it on.
    window.requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-item-id="${CSS.escape(item.id)}"] button[data-move="${delta}"]:not(:disabled)`)?.focus());
  };
  const addDecision = (e: FormEvent): void => {
    e.preventDefault();
    if (!decision.trim()) return;
    patch({ decisions: [...item.decisions, decision.trim()] });
    setDecision('');
  };
  return (
    <li className={shared.card} aria-labelledby={headingId} data-minutes-item={item.title} data-item-id={item.id}>
      <Subtitle2 as="h3" id={headingId} className={styles.h3}>
        {content.numbering === 'numbered' ? `${index + 1}. ` : ''}
        {item.title}
      </Subtitle2>
      <ProblemAt text={errorAt(key)} />
      <Field label={m.itemTitle} required validationMessage={errorAt(`${key}.title`)}>
        <Input value={item.title} maxLength={MAX.title} data-item-title onChange={(_e, d) => patch({ title: d.value })} />
      </Field>
      <Field label={pm.presenters} hint={pm.presentersHint} validationMessage={errorAt(`${key}.presenters`)}>
        <Input value={item.presenters.map((x) => x.name).join(', ')} onChange={(_e, d) => patch({ presenters: presentersFrom(d.value, props.members, item.presenters) })} data-item-presenters />
      </Field>
      <Checkbox label={pm.round} checked={item.kind === 'round'} onChange={(_e, d) => patch({ kind: d.checked === true ? 'round' : 'item' })} data-item-round />
      {item.kind === 'round' && (
        <>
          <LinesField label={pm.questions} error={errorAt(`${key}.questions`)} rows={2} initial={item.questions.join('\n')} onLines={(text) => patch({ questions: linesOf(text) })} data="questions" />
          <LinesField
            label={pm.responses}
            error={errorAt(`${key}.responses`)}
            rows={4}
            initial={item.responses.map((r) => (r.speaker ? `${r.speaker}: ${r.text}` : r.text)).join('\n')}
            onLines={(text) => patch({ responses: responsesOf(text) })}
            data="responses"
          />
        </>
      )}
      <Field label={m.notes} hint={pm.markupHelp} validationMessage={errorAt(`${key}.notes`)}>
        <Textarea value={item.notes} maxLength={MAX.notes} resize="vertical" rows={4} onChange={(_e, d) => patch({ notes: d.value })} data-item-notes />
      </Field>
      <div className={styles.sub} role="group" aria-label={`${m.decisions}: ${item.title}`}>
        <Subtitle2 as="h4" className={styles.h3}>
          {m.decisions}
        </Subtitle2>
        {item.decisions.map((d, k) => (
          <div key={k} className={styles.row} data-decision={k}>
            <Field label={m.decision(k + 1)} validationMessage={errorAt(`${key}.decisions.${k}`)} className={styles.wide}>
              <Textarea value={d} maxLength={MAX.decision} resize="vertical" rows={1} onChange={(_e, v) => patch({ decisions: item.decisions.map((x, i) => (i === k ? v.value : x)) })} />
            </Field>
            <Button onClick={() => patch({ decisions: item.decisions.filter((_x, i) => i !== k) })}>{m.removeDecision(k + 1)}</Button>
          </div>
        ))}
        <form className={styles.row} onSubmit={addDecision} aria-label={`${m.addDecision}: ${item.title}`}>
          <Field label={m.decision(item.decisions.length + 1)} className={styles.wide}>
            <Input value={decision} maxLength={MAX.decision} onChange={(_e, d) => setDecision(d.value)} data-new-decision />
          </Field>
          <Button type="submit">{m.addDecision}</Button>
        </form>
      </div>
      <div className={styles.sub} role="group" aria-label={`${m.actions}: ${item.title}`}>
        <Subtitle2 as="h4" className={styles.h3}>
          {m.actions}
        </Subtitle2>
        {item.actions.map((a) => (
          <ActionEditor key={a.id} {...props} action={a} itemKey={key} onPatch={(p) => patch(updateAction(item, a.id, p))} onRemove={() => patch({ actions: item.actions.filter((x) => x.id !== a.id) })} />
        ))}
        <AddAction members={props.members} onAdd={(a) => patch({ actions: [...item.actions, a] })} itemTitle={item.title} />
      </div>
      <Checkbox label={m.tabled} checked={item.tabled} onChange={(_e, d) => patch({ tabled: d.checked === true })} />
      <div className={styles.actions}>
        <Button size="small" data-move="-1" disabled={index === 0} onClick={() => move(-1)}>
          {m.moveUp}
          <span className={shared.visuallyHidden}>: {item.title}</span>
        </Button>
        <Button size="small" data-move="1" disabled={index === props.count - 1} onClick={() => move(1)}>
          {m.moveDown}
          <span className={shared.visuallyHidden}>: {item.title}</span>
        </Button>
        <Button size="small" onClick={() => onChange(removeItem(content, item.id))}>
          {m.remove}
          <span className={shared.visuallyHidden}>: {item.title}</span>
        </Button>
      </div>
    </li>
  );
}

/** The owner picker's value: none yet, a member (`member:<id>`), or a person whose name is typed. */
type OwnerValue = '' | 'named' | `member:${string}`;

function ownerValue(p: ApiPersonRef | undefined): OwnerValue {
  if (!p) return '';
  return p.kind === 'member' ? `member:${p.memberId}` : 'named';
}

function OwnerPicker(props: { members: readonly NetworkMember[]; value: OwnerValue; current?: ApiPersonRef; onChange: (v: OwnerValue) => void; error?: string; required?: boolean }): ReactNode {
  const s = useStrings();
  const m = s.minutes.items;
  const options = withNamed(props.members, [props.current]);
  return (
    <Field label={m.owner} required={props.required ?? true} validationMessage={props.error}>
      <Select value={props.value} onChange={(_e, d) => props.onChange(d.value as OwnerValue)}>
        <option value="">{m.ownerNone}</option>
        {options.length > 0 && (
          <optgroup label={m.ownerMembers}>
            {options.map((o) => (
              <option key={o.id} value={`member:${o.id}`}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        <option value="named">{m.ownerNamed}</option>
      </Select>
    </Field>
  );
}

function ownerFrom(members: readonly NetworkMember[], value: OwnerValue, name: string, current?: ApiPersonRef): ApiPersonRef | undefined {
  if (value === 'named') return { kind: 'named', name };
  if (!value) return undefined;
  const id = value.slice('member:'.length);
  return memberRef(members, id) ?? (current?.kind === 'member' && current.memberId === id ? current : undefined);
}

function ActionEditor(props: EditorProps & { action: ApiActionItem; itemKey: string; onPatch: (p: Partial<Omit<ApiActionItem, 'id'>>) => void; onRemove: () => void }): ReactNode {
  const s = useStrings();
  const { action, errorAt, members } = props;
  const m = s.minutes.items;
  const styles = useStyles();
  const shared = useSharedStyles();
  const key = `${props.itemKey}.actions.${action.id}`;
  const p = protocolModelStrings(s.lang);
  const [head, ...rest] = action.owners;
  const first: ApiPersonRef = head && (head.kind === 'member' || head.kind === 'named') ? head : { kind: 'named', name: head?.name ?? '' };
  return (
    <div className={styles.row} role="group" aria-label={`${m.actionText}: ${action.text}`} data-action={action.text}>
      <Field label={m.actionText} required validationMessage={errorAt(`${key}.text`) ?? errorAt(key)} className={styles.wide}>
        <Input value={action.text} maxLength={MAX.action} onChange={(_e, d) => props.onPatch({ text: d.value })} />
      </Field>
      <OwnerPicker
        members={members}
        value={ownerValue(first)}
        current={first}
        error={errorAt(`${key}.owners.0`) ?? errorAt(`${key}.owners`)}
        onChange={(v) => {
          const owner = ownerFrom(members, v, first.kind === 'named' ? first.name : '', first);
          if (owner) props.onPatch({ owners: [owner, ...rest] });
        }}
      />
      {first.kind === 'named' && (
        <Field label={m.ownerName} required>
          <Input value={first.name} maxLength={MAX.name} onChange={(_e, d) => props.onPatch({ owners: [{ kind: 'named', name: d.value }, ...rest] })} />
        </Field>
      )}
      <Field label={p.owners} hint={p.presentersHint} className={styles.wide}>
        <Input value={rest.map((o) => o.name).join(', ')} onChange={(_e, d) => props.onPatch({ owners: [head ?? first, ...ownersFrom(d.value, members, rest, p)] })} data-action-owners />
      </Field>
      <GroupOwners owners={action.owners} members={members} actionText={action.text} onOwners={(owners) => props.onPatch({ owners })} />
      <Field label={m.due} validationMessage={errorAt(`${key}.due`)} data-field={`${key}.due`}>
        <Input type="date" value={action.due ?? ''} onChange={(_e, d) => props.onPatch({ due: d.value })} />
      </Field>
      <Button onClick={props.onRemove}>
        {m.removeAction}
        <span className={shared.visuallyHidden}>: {action.text}</span>
      </Button>
    </div>
  );
}

/** A new action item joins the minutes once it has a text and an owner. */
function AddAction(props: { members: readonly NetworkMember[]; itemTitle: string; onAdd: (a: ApiActionItem) => void }): ReactNode {
  const s = useStrings();
  const { members } = props;
  const m = s.minutes.items;
  const styles = useStyles();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<OwnerValue>('');
  const [name, setName] = useState('');
  const [due, setDue] = useState('');
  const [tried, setTried] = useState(false);
  const ref = ownerFrom(members, owner, name.trim());
  // An empty row is no mistake: its fields are required once it is typed into or added.
  const started = tried || !!text || !!owner || !!name || !!due;
  const ok = !!text.trim() && !!ref && (ref.kind === 'member' || !!ref.name);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (!ok || !ref) return;
    props.onAdd({ ...newAction(ref), text: text.trim(), ...(due ? { due } : {}) });
    setText('');
    setOwner('');
    setName('');
    setDue('');
    setTried(false);
  };
  return (
    <form className={styles.row} onSubmit={submit} aria-label={`${m.addAction}: ${props.itemTitle}`} noValidate>
      <Field label={m.actionText} required={started} validationMessage={tried && !text.trim() ? m.actionRequired : undefined} className={styles.wide}>
        <Input value={text} maxLength={MAX.action} onChange={(_e, d) => setText(d.value)} data-new-action />
      </Field>
      <OwnerPicker members={members} value={owner} onChange={setOwner} required={started} error={tried && !ref ? m.ownerRequired : undefined} />
      {owner === 'named' && (
        <Field label={m.ownerName} required validationMessage={tried && !name.trim() ? m.ownerNameRequired : undefined}>
          <Input value={name} maxLength={MAX.name} onChange={(_e, d) => setName(d.value)} />
        </Field>
      )}
      <Field label={m.due}>
        <Input type="date" value={due} onChange={(_e, d) => setDue(d.value)} />
      </Field>
      <Button type="submit">{m.addAction}</Button>
    </form>
  );
}

function NextMeetingSection(props: EditorProps): ReactNode {
  const s = useStrings();
  const { content, onChange, errorAt } = props;
  const n = s.minutes.next;
  const styles = useStyles();
  const [date, setDate] = useState('');
  const setAt = (i: number, patch: Partial<ApiNextMeeting>): void => {
    const nextMeetings = content.nextMeetings.map((x, k) => {
      if (k !== i) return x;
      const merged: ApiNextMeeting = { ...x, ...patch };
      for (const f of ['start', 'end', 'place'] as const) if (merged[f] === '') delete merged[f];
      return merged;
    });
    onChange({ ...content, nextMeetings });
  };
  const add = (e: FormEvent): void => {
    e.preventDefault();
    if (!date) return;
    onChange({ ...content, nextMeetings: [...content.nextMeetings, { date }] });
    setDate('');
  };
  return (
    <section className={styles.section} aria-labelledby="minutes-next" data-minutes-next>
      <Subtitle1 as="h2" id="minutes-next" className={styles.h2}>
        {n.title}
      </Subtitle1>
      {content.nextMeetings.length === 0 && <Body1 as="p">{n.none}</Body1>}
      {content.nextMeetings.map((x, i) => (
        <div key={i} className={styles.row} role="group" aria-label={`${n.title} ${x.date}`}>
          <Field label={n.date} validationMessage={errorAt(`nextMeetings.${i}.date`)}>
            <Input type="date" value={x.date} onChange={(_e, d) => setAt(i, { date: d.value })} />
          </Field>
          <Field label={n.start} validationMessage={errorAt(`nextMeetings.${i}.start`)} className={styles.narrow}>
            <Input value={x.start ?? ''} maxLength={5} inputMode="numeric" onChange={(_e, d) => setAt(i, { start: d.value })} />
          </Field>
          <Field label={n.end} validationMessage={errorAt(`nextMeetings.${i}.end`)} className={styles.narrow}>
            <Input value={x.end ?? ''} maxLength={5} inputMode="numeric" onChange={(_e, d) => setAt(i, { end: d.value })} />
          </Field>
          <Field label={n.place} validationMessage={errorAt(`nextMeetings.${i}.place`)} className={styles.wide}>
            <Input value={x.place ?? ''} maxLength={MAX.name} onChange={(_e, d) => setAt(i, { place: d.value })} />
          </Field>
          <Button onClick={() => onChange({ ...content, nextMeetings: content.nextMeetings.filter((_y, k) => k !== i) })}>{n.remove}</Button>
        </div>
      ))}
      <form className={styles.row} onSubmit={add} aria-label={n.add}>
        <Field label={n.date}>
          <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} />
        </Field>
        <Button type="submit">{n.add}</Button>
      </form>
      <Field label={n.note} validationMessage={errorAt('nextMeetingNote')}>
        <Textarea
          value={content.nextMeetingNote ?? ''}
          maxLength={MAX.decision}
          resize="vertical"
          onChange={(_e, d) => {
            const { nextMeetingNote: _old, ...rest } = content;
            onChange(d.value ? { ...rest, nextMeetingNote: d.value } : rest);
          }}
        />
      </Field>
    </section>
  );
}

/** Lines of a text field, each trimmed, the empty ones left out (while typing, the last may be empty). */
function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** A round's answers typed one a line, "Name: what they said"; a line without a name is the answer alone. */
function responsesOf(text: string): ApiMinutesItem['responses'] {
  return linesOf(text).map((line) => {
    const at = line.indexOf(': ');
    return at > 0 && at <= 60 ? { speaker: line.slice(0, at).trim(), text: line.slice(at + 2).trim() } : { speaker: '', text: line };
  });
}

/** Names typed with commas: a member by their name, a presenter the item had, else a guest named in text. */
function presentersFrom(text: string, members: readonly NetworkMember[], before: ApiMinutesItem['presenters']): ApiMinutesItem['presenters'] {
  return text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((name) => {
      const known = before.find((x) => x.name === name);
      if (known) return known;
      const member = members.find((x) => x.name === name);
      return member ? { kind: 'member' as const, memberId: member.id, name } : { kind: 'guest' as const, name };
    });
}

/** More owners typed with commas: the presidium by its name, a group or a member the item had, a member by name, else a named person. */
function ownersFrom(text: string, members: readonly NetworkMember[], before: readonly ActionOwner[], p: ProtocolModelStrings): ActionOwner[] {
  return text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((name): ActionOwner => {
      const known = before.find((x) => x.name === name);
      if (known) return known;
      if (name.toLowerCase() === p.ownerRoles.presidium.toLowerCase() || name.toLowerCase() === 'presidiet') return { kind: 'role', role: 'presidium', name };
      const member = members.find((x) => x.name === name);
      return member ? { kind: 'member', memberId: member.id, name } : { kind: 'named', name };
    });
}

/**
 * A field of lines (a round's questions, its answers): the text stays as typed, blank lines
 * included, while each change saves the lines it holds.
 */
function LinesField(props: { label: string; error: string | undefined; rows: number; initial: string; onLines: (text: string) => void; data: string }): ReactNode {
  const [text, setText] = useState(props.initial);
  return (
    <Field label={props.label} validationMessage={props.error}>
      <Textarea
        value={text}
        resize="vertical"
        rows={props.rows}
        data-item-lines={props.data}
        onChange={(_e, d) => {
          setText(d.value);
          props.onLines(d.value);
        }}
      />
    </Field>
  );
}
