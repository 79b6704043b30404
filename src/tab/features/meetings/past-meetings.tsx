import { useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Body1, Button, makeStyles, Subtitle2, TableCell, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { Api } from '../../api';
import type { PastMeetingsResponse } from '../../../http/api-contract';
import { capitalise, meetingDay } from '../../strings';
import { useLoad } from '../../shared/use-load';
import { OpenButton } from './meeting-table';
import { statusText } from '../minutes/minutes-read';
import { DocumentLink } from '../../shared/document-link';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { ScrollTable } from '../../shared/scroll-table';
import { useSharedStyles } from '../../shared/styles';
import { ExportProtocolButton } from '../export/export-buttons';

/** The version of a past meeting that is a record (justerat or imported), which exports as JSON. */
const exportable = (m: PastMeetingsResponse['meetings'][number]): number | undefined => m.versions.filter((v) => v.state === 'approved' || v.state === 'imported').at(-1)?.number;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { minWidth: '48em', tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  docs: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/**
 * The network's archive: every meeting up to today, newest first, a page at a time ("Visa äldre"
 * loads the next), where each one's minutes stand, the justerade documents, and the way into the
 * minutes (where the secretary writes them).
 */
export function PastMeetings(props: { api: Api; networkId: string; userKey: string; onOpen: (meetingId: string) => void }): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const a = s.archive;
  const styles = useStyles();
  const shared = useSharedStyles();
  const loadKey = `past ${networkId} ${props.userKey}`;
  const [past, retry] = useLoad(() => api.pastMeetings(networkId), loadKey);
  // The older pages loaded so far, after the first; for another network or person, none.
  const [older, setOlder] = useState<{ key: string; pages: PastMeetingsResponse[] }>({ key: loadKey, pages: [] });
  const [olderState, setOlderState] = useState<{ loading: boolean; error?: unknown }>({ loading: false });
  const pages = past.state === 'ok' ? [past.data, ...(older.key === loadKey ? older.pages : [])] : [];
  const meetings = pages.flatMap((p) => p.meetings);
  const next = pages.at(-1)?.next;
  const loadOlder = (): void => {
    if (next === undefined) return;
    setOlderState({ loading: true });
    api.pastMeetings(networkId, next).then(
      (page) => {
        setOlder((o) => ({ key: loadKey, pages: o.key === loadKey ? [...o.pages, page] : [page] }));
        setOlderState({ loading: false });
      },
      (error: unknown) => setOlderState({ loading: false, error }),
    );
  };
  const headingId = `archive-${networkId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {a.title}
      </Subtitle2>
      <Body1 as="p" className={shared.intro}>
        {a.intro}
      </Body1>
      {past.state === 'loading' && <Loading label={a.loading} />}
      {past.state === 'error' && <ProblemBar error={past.error} onRetry={retry} />}
      {past.state === 'ok' && meetings.length === 0 && <Notice intent="info">{a.empty}</Notice>}
      {past.state === 'ok' && meetings.length > 0 && (
        <ScrollTable labelledBy={headingId} className={styles.table}
          head={
            <>
              <TableHeaderCell scope="col">{s.columns.date}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.columns.place}</TableHeaderCell>
              <TableHeaderCell scope="col">{a.minutes}</TableHeaderCell>
              <TableHeaderCell scope="col">{a.documents}</TableHeaderCell>
              <TableHeaderCell scope="col">
              <span className={shared.visuallyHidden}>{a.open}</span>
              </TableHeaderCell>
            </>
          }
        >
          {meetings.map((m) => (
            <TableRow key={m.id} data-past-meeting={m.id}>
              <TableCell className={styles.nowrap}>
                {m.imported?.approximateDate ? <span>{capitalise(m.imported.approximateDate)}</span> : <time dateTime={m.date}>{capitalise(meetingDay(m, meetings, s))}</time>}
              </TableCell>
              <TableCell>{m.place}</TableCell>
              <TableCell data-minutes-status={m.started ? m.status.kind : 'none'}>
                {m.imported ? (
                  // Imported from a file: never justerat in Justera, and marked so.
                  <span className={styles.docs}>
                    <Badge appearance="outline" data-imported>
                      {s.minutes.versions.state.imported}
                    </Badge>
                    <span>{m.imported.title}</span>
                  </span>
                ) : m.started ? (
                  statusText(m.status, m.versions, s)
                ) : (
                  a.notStarted
                )}
              </TableCell>
              <TableCell>
                <div className={styles.docs}>
                  {m.documents.map((d) => {
                    const approved = m.versions.filter((v) => v.state === 'approved' || v.state === 'imported').at(-1)?.number;
                    return (
                      <span key={d.itemId}>
                        <DocumentLink doc={d} {...(approved ? { open: () => api.document(m.id, approved, d.kind) } : {})} />
                      </span>
                    );
                  })}
                  <ExportProtocolButton api={api} meetingId={m.id} version={exportable(m)} title={m.imported?.title ?? meetingDay(m, past.data.meetings, s)} />
                </div>
              </TableCell>
              <TableCell>
                {!m.imported && <OpenButton label={a.open} hidden={a.openFor(meetingDay(m, meetings, s))} onClick={() => props.onOpen(m.id)} data={{ 'data-open-minutes': m.id }} />}
              </TableCell>
            </TableRow>
          ))}
        </ScrollTable>
      )}
      {olderState.error !== undefined && <ProblemBar error={olderState.error} onRetry={loadOlder} />}
      {olderState.loading && <Loading label={a.loadingOlder} />}
      {past.state === 'ok' && next !== undefined && !olderState.loading && (
        <div>
          <Button appearance="secondary" onClick={loadOlder} data-archive-older>
            {a.older}
          </Button>
        </div>
      )}
    </section>
  );
}
