import { useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  TableCell,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { MembersResponse, NetworkMember, Role } from '../../../http/api-contract';
import type { Api } from '../../api';
import { useLoad } from '../../shared/use-load';
import { Section } from '../../shared/section';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { ScrollTable } from '../../shared/scroll-table';

/** In the order they are offered: the chair group first, admin last. */
const ROLES: readonly Role[] = ['ordforande', 'sekreterare', 'presidium', 'member', 'admin'];

const useStyles = makeStyles({
  table: { minWidth: '36em', tableLayout: 'auto' },
  select: { minWidth: '12em' },
  cell: { paddingBlock: tokens.spacingVerticalXS },
});

type Outcome = { kind: 'changed'; text: string } | { kind: 'failed'; memberId: string; error: unknown };

/**
 * "Medlemmar och roller": the network's members with their roles. Admins (team owners, or
 * given the role) change a role with the select on the member's row, saved at once; everyone
 * else reads them.
 */
export function MembersRoles(props: { api: Api; networkId: string; userKey: string }): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const r = s.roles;
  const styles = useStyles();
  const [loaded, retry] = useLoad(() => api.members(networkId), `members ${networkId} ${props.userKey}`);
  /** Roles changed on this page since loading, by member id. */
  const [changed, setChanged] = useState<Record<string, Role>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const assign = async (member: NetworkMember, role: Role): Promise<void> => {
    setSaving(member.id);
    setOutcome(null);
    try {
      const updated = await api.setRole(networkId, member.id, role);
      setChanged((was) => ({ ...was, [member.id]: updated.role }));
      setOutcome({ kind: 'changed', text: r.changed(member.name, r.name[updated.role].toLowerCase()) });
    } catch (error) {
      setOutcome({ kind: 'failed', memberId: member.id, error });
    } finally {
      setSaving(null);
    }
  };

  const list = (data: MembersResponse): ReactNode => (
    <ScrollTable labelledBy="members-roles" className={styles.table}
      head={
        <>
          <TableHeaderCell scope="col">{r.columns.name}</TableHeaderCell>
          <TableHeaderCell scope="col">{r.columns.municipality}</TableHeaderCell>
          <TableHeaderCell scope="col">{r.columns.role}</TableHeaderCell>
        </>
      }
    >
      {data.members.map((m) => {
        const role = changed[m.id] ?? m.role;
        return (
          <TableRow key={m.id} data-member={m.name}>
            <TableCell>{m.name}</TableCell>
            <TableCell>{m.municipality}</TableCell>
            <TableCell className={styles.cell}>
              {data.capabilities.assignRoles ? (
                <Select
                  className={styles.select}
                  aria-label={r.roleFor(m.name)}
                  value={role}
                  disabled={saving !== null}
                  onChange={(_e, d) => void assign(m, d.value as Role)}
                >
                  {ROLES.map((x) => (
                    <option key={x} value={x}>
                      {r.name[x]}
                    </option>
                  ))}
                </Select>
              ) : (
                <span data-member-role>{r.name[role]}</span>
              )}
              {outcome?.kind === 'failed' && outcome.memberId === m.id && <ProblemBar error={outcome.error} />}
            </TableCell>
          </TableRow>
        );
      })}
    </ScrollTable>
  );

  return (
    <Section id="members-roles" title={r.title} intro={r.intro} data-members-roles>
      {loaded.state === 'loading' && <Loading label={r.loading} />}
      {loaded.state === 'error' && <ProblemBar error={loaded.error} onRetry={retry} />}
      {loaded.state === 'ok' && !loaded.data.capabilities.assignRoles && <Notice intent="info">{r.readOnly}</Notice>}
      <div role="status" aria-live="polite">
        {saving && <Body1>{r.saving}</Body1>}
        {outcome?.kind === 'changed' && (
          <MessageBar intent="success" data-role-changed>
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {loaded.state === 'ok' && list(loaded.data)}
    </Section>
  );
}
