import { useId, useState, type ReactNode } from 'react';
import { Body1, Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { NetworkMember } from '../../../http/api-contract';
import type { ActionOwner, MemberRef } from '../../../domain/minutes-model';
import { MINUTES_LIMITS } from '../../../domain/minutes-limits';
import { joinNames } from '../../strings';
import { useSharedStyles } from '../../shared/styles';
import { useStrings } from '../../shared/strings-context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexBasis: '100%', minWidth: '0' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fieldset: { border: 'none', margin: '0', padding: '0', minWidth: '0' },
  legend: { padding: '0', marginBottom: tokens.spacingVerticalXS },
  error: { margin: '0', color: tokens.colorPaletteRedForeground1 },
  members: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Group = Extract<ActionOwner, { kind: 'group' }>;

/** A named group of members, from the name typed and the members ticked (in the roster's order); undefined while incomplete. */
export function groupOwner(name: string, members: readonly NetworkMember[], chosen: ReadonlySet<string>): Group | undefined {
  const refs: MemberRef[] = members.filter((m) => chosen.has(m.id)).map((m) => ({ kind: 'member', memberId: m.id, name: m.name }));
  const trimmed = name.trim();
  return trimmed && refs.length > 0 ? { kind: 'group', name: trimmed, members: refs } : undefined;
}

/**
 * An action item's named groups (each shown with its members, removable) and "Lägg till en grupp
 * som ansvarig": a group's name and its members, chosen among the network's members.
 */
export function GroupOwners(props: { owners: readonly ActionOwner[]; members: readonly NetworkMember[]; actionText: string; onOwners: (owners: ActionOwner[]) => void }): ReactNode {
  const s = useStrings();
  const g = s.groupOwner;
  const styles = useStyles();
  const shared = useSharedStyles();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const group = groupOwner(name, props.members, chosen);
  const close = (): void => {
    setOpen(false);
    setName('');
    setChosen(new Set());
    setTried(false);
  };
  const add = (): void => {
    setTried(true);
    if (!group) return;
    props.onOwners([...props.owners, group]);
    close();
  };
  const groups = props.owners.flatMap((o, index) => (o.kind === 'group' ? [{ o, index }] : []));
  return (
    <div className={styles.box} data-group-owners>
      {groups.length > 0 && (
        <ul className={styles.list} aria-label={`${g.groups}: ${props.actionText}`}>
          {groups.map(({ o, index }) => (
            <li key={`${index}-${o.name}`} className={styles.group} data-group-owner={o.name}>
              <Body1>{g.of(o.name, joinNames(o.members.map((m) => m.name), s))}</Body1>
              <Button size="small" onClick={() => props.onOwners(props.owners.filter((_x, k) => k !== index))}>
                {g.remove(o.name)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!open ? (
        <div>
          <Button size="small" aria-expanded={false} aria-controls={formId} onClick={() => setOpen(true)}>
            {g.add}
            <span className={shared.visuallyHidden}>: {props.actionText}</span>
          </Button>
        </div>
      ) : (
        <div id={formId} className={styles.form} role="group" aria-label={`${g.add}: ${props.actionText}`}>
          <Field label={g.name} required validationMessage={tried && !name.trim() ? g.nameRequired : undefined}>
            <Input value={name} maxLength={MINUTES_LIMITS.name} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{g.members}</legend>
            <div className={styles.members}>
              {props.members.map((m) => (
                <Checkbox
                  key={m.id}
                  label={m.name}
                  checked={chosen.has(m.id)}
                  onChange={(_e, d) => {
                    const next = new Set(chosen);
                    if (d.checked === true) next.add(m.id);
                    else next.delete(m.id);
                    setChosen(next);
                  }}
                />
              ))}
            </div>
            {tried && chosen.size === 0 && (
              <Body1 as="p" className={styles.error} role="alert">
                {g.membersRequired}
              </Body1>
            )}
          </fieldset>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={add}>
              {g.submit}
            </Button>
            <Button onClick={close}>{g.cancel}</Button>
          </div>
        </div>
      )}
    </div>
  );
}
