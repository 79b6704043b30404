import type { ReactNode } from 'react';
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  TableCell,
  TableHeaderCell,
  TableRow,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import type { ApiStatus, MeetingSummary } from '../../http/api-contract';
import { capitalise, longDate, meetingDay, type TabStrings } from '../strings';
import { isSafeLink, NewWindowLink } from './new-window-link';
import { ScrollTable } from './scroll-table';
import { MeetingLifeBadge } from '../features/meeting-life/meeting-life-panel';
import { useSharedStyles } from './styles';

const STATUS_COLOUR: Readonly<Record<ApiStatus | 'none', BadgeProps['color']>> = {
  onsite: 'success',
  online: 'brand',
  apologies: 'warning',
  none: 'informative',
};

const useStyles = makeStyles({
  /** Columns sized by their content (Fluent's default is equal widths). */
  table: { minWidth: '56em', tableLayout: 'auto' },
  cellStack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  nowrap: { whiteSpace: 'nowrap' },
});

/**
 * Upcoming meetings as a native table: read by screen readers cell by cell, reachable by
 * keyboard as one labelled scroll region, with the Teams links as the only controls.
 */
export function MeetingTable(props: {
  meetings: readonly MeetingSummary[];
  s: TabStrings;
  showNetwork: boolean;
  labelledBy: string;
  /** When set, each meeting gets a button that opens its agenda. */
  onOpen?: (meeting: MeetingSummary) => void;
}): ReactNode {
  const { meetings, s, showNetwork, onOpen } = props;
  const styles = useStyles();
  return (
    <ScrollTable labelledBy={props.labelledBy} tableLabel={s.meetingsTable} className={styles.table}
      head={
        <>
          <TableHeaderCell scope="col">{s.columns.date}</TableHeaderCell>
          <TableHeaderCell scope="col">{s.columns.time}</TableHeaderCell>
          {showNetwork && <TableHeaderCell scope="col">{s.columns.network}</TableHeaderCell>}
          <TableHeaderCell scope="col">{s.columns.place}</TableHeaderCell>
          <TableHeaderCell scope="col">{s.columns.mode}</TableHeaderCell>
          <TableHeaderCell scope="col">{s.columns.myStatus}</TableHeaderCell>
          <TableHeaderCell scope="col">{s.columns.counts}</TableHeaderCell>
          {onOpen && <TableHeaderCell scope="col">{s.agenda.column}</TableHeaderCell>}
        </>
      }
    >
      {meetings.map((m) => {
        const status = m.myStatus ?? 'none';
        return (
          <TableRow key={m.id} data-meeting-id={m.id}>
            <TableCell>
              <div className={styles.cellStack}>
                <time dateTime={m.date} className={styles.nowrap}>
                  {capitalise(longDate(m.date, s))}
                </time>
                <MeetingLifeBadge meeting={m} s={s} />
              </div>
            </TableCell>
            <TableCell className={styles.nowrap}>
              <time dateTime={`${m.date}T${m.start}`}>{m.start}</time>–<time dateTime={`${m.date}T${m.end}`}>{m.end}</time>
            </TableCell>
            {showNetwork && <TableCell>{m.networkName}</TableCell>}
            <TableCell>{m.place}</TableCell>
            <TableCell>
              <div className={styles.cellStack}>
                <span>{s.mode[m.mode]}</span>
                {m.mode !== 'onsite' && isSafeLink(m.teamsLink) && (
                  <NewWindowLink href={m.teamsLink} s={s}>
                    {s.joinTeams}
                  </NewWindowLink>
                )}
              </div>
            </TableCell>
            <TableCell>
              <div className={styles.cellStack}>
                <Badge appearance="tint" color={STATUS_COLOUR[status]} data-status={status}>
                  {s.status[status]}
                </Badge>
                {m.attendanceClosed && <Caption1>{s.attendanceClosed}</Caption1>}
              </div>
            </TableCell>
            <TableCell className={styles.nowrap}>{s.counts(m.counts)}</TableCell>
            {onOpen && (
              <TableCell>
                <OpenButton label={s.agenda.open} hidden={s.agenda.openFor(meetingDay(m, meetings, s))} onClick={() => onOpen(m)} data={{ 'data-open-agenda': m.id }} />
              </TableCell>
            )}
          </TableRow>
        );
      })}
    </ScrollTable>
  );
}

/** A row's "open" button: a short visible label, and for screen readers which row it opens. */
export function OpenButton(props: { label: string; hidden: string; onClick: () => void; data: Record<`data-${string}`, string> }): ReactNode {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <Button size="small" className={styles.nowrap} onClick={props.onClick} {...props.data}>
      {props.label}
      <span className={shared.visuallyHidden}> {props.hidden}</span>
    </Button>
  );
}
