import type { ReactNode } from 'react';
import { Table, TableBody, TableHeader, TableRow } from '@fluentui/react-components';
import { useSharedStyles } from './styles';

/**
 * A native table in a labelled scroll region (reachable by keyboard as one stop, read by screen
 * readers cell by cell): the header row's cells in `head`, the body's rows as children.
 */
export function ScrollTable(props: { labelledBy: string; tableLabel?: string; className?: string; head: ReactNode; children: ReactNode }): ReactNode {
  const shared = useSharedStyles();
  const label = props.tableLabel ? { 'aria-label': props.tableLabel } : { 'aria-labelledby': props.labelledBy };
  return (
    <div role="region" aria-labelledby={props.labelledBy} tabIndex={0} className={shared.scrollRegion}>
      <Table className={props.className} {...label}>
        <TableHeader>
          <TableRow>{props.head}</TableRow>
        </TableHeader>
        <TableBody>{props.children}</TableBody>
      </Table>
    </div>
  );
}
