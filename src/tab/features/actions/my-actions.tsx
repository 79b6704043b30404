import { useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Caption1, Checkbox, makeStyles, TableCell, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { localDate } from '../../../domain/meeting';
import type { ApiAction } from '../../../http/api-contract';
import type { Api } from '../../api';
import { capitalise, longDate, shortDate, TIME_ZONE } from '../../strings';
import { useLoad } from '../../shared/use-load';
import { Section } from '../../shared/section';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { ScrollTable } from '../../shared/scroll-table';

const useStyles = makeStyles({
  table: { minWidth: '48em', tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2 },
  cellStack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
});

/** "Mina uppdrag": my action items from approved minutes across my networks, marked done here. */
export function MyActionsSection(props: { api: Api; userKey: string }): ReactNode {
  const s = useStrings();
  const { api } = props;
  const t = s.myActions;
  const styles = useStyles();
  const [loaded, retry] = useLoad(() => api.myActions(), `my-actions ${props.userKey}`);
  /** Marks as I set them, shown at once; the server's answer follows. */
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** Today in Sweden, YYYY-MM-DD: what "overdue" is measured against. */
  const now = localDate(new Date(), TIME_ZONE);

  const mark = async (a: ApiAction, done: boolean): Promise<void> => {
    setBusy(a.action.id);
    setError(null);
    setMarks((m) => ({ ...m, [a.action.id]: done }));
    try {
      await api.markAction(a.networkId, a.action.id, done);
    } catch (e) {
      setMarks((m) => ({ ...m, [a.action.id]: !done }));
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section id="my-actions" title={t.title} intro={t.intro} data-my-actions>
      {loaded.state === 'loading' && <Loading label={t.loading} />}
      {loaded.state === 'error' && <ProblemBar error={loaded.error} onRetry={retry} />}
      {error !== null && <ProblemBar error={error} />}
      {loaded.state === 'ok' && loaded.data.actions.length === 0 && <Notice intent="info">{t.empty}</Notice>}
      {loaded.state === 'ok' && loaded.data.actions.length > 0 && (
        <ScrollTable labelledBy="my-actions" className={styles.table}
          head={
            <>
              <TableHeaderCell scope="col">{t.columns.done}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.columns.text}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.columns.due}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.columns.meeting}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.columns.network}</TableHeaderCell>
            </>
          }
        >
          {loaded.data.actions.map((a) => {
            const done = marks[a.action.id] ?? !!a.done;
            const overdue = !done && !!a.action.due && a.action.due < now;
            return (
              <TableRow key={a.action.id} data-action-id={a.action.id} data-action-done={done}>
                <TableCell>
                  <Checkbox checked={done} disabled={busy === a.action.id} aria-label={t.markDone(a.action.text)} onChange={(_e, d) => void mark(a, d.checked === true)} />
                </TableCell>
                <TableCell>
                  <div className={styles.cellStack}>
                    <span className={done ? styles.done : undefined}>{a.action.text}</span>
                    <Caption1>{a.itemTitle}</Caption1>
                    {done && a.done && marks[a.action.id] === undefined && <Caption1>{t.doneBy(a.done.by)}</Caption1>}
                  </div>
                </TableCell>
                <TableCell className={styles.nowrap}>
                  <div className={styles.cellStack}>
                    {a.action.due ? <time dateTime={a.action.due}>{shortDate(a.action.due, s)}</time> : <span>{t.noDue}</span>}
                    {overdue && (
                      <Badge appearance="filled" color="danger" data-overdue>
                        {t.overdue}
                      </Badge>
                    )}
                  </div>
                </TableCell>
                <TableCell className={styles.nowrap}>
                  <time dateTime={a.meetingDate}>{capitalise(longDate(a.meetingDate, s))}</time>
                </TableCell>
                <TableCell>{a.networkName}</TableCell>
              </TableRow>
            );
          })}
        </ScrollTable>
      )}
    </Section>
  );
}
