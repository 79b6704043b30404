import type { ReactNode } from 'react';
import { useStrings } from './strings-context';
import { Button, Caption1, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ROUTE_PATHS, type Route } from '../routes';

const useStyles = makeStyles({
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { display: 'flex', gap: tokens.spacingHorizontalL, listStyleType: 'none', margin: '0', padding: '0' },
  who: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const NAV: readonly Exclude<Route, 'not-found'>[] = ['my-meetings', 'channel', 'side-panel', 'config'];

/** Outside Teams only: the tabs Teams would show, who I am, and a way to be someone else. */
export function LocalBanner(props: { route: Route; userName: string; onSwitch: () => void }): ReactNode {
  const s = useStrings();
  const { route } = props;
  const styles = useStyles();
  const label: Record<Exclude<Route, 'not-found'>, string> = {
    'my-meetings': s.nav.myMeetings,
    channel: s.nav.channel,
    config: s.nav.config,
    'side-panel': s.nav.sidePanel,
  };
  return (
    <header className={styles.banner}>
      <Subtitle2 as="p">{s.appName}</Subtitle2>
      <nav aria-label={s.nav.label}>
        <ul className={styles.list}>
          {NAV.map((r) => (
            <li key={r}>
              <Link href={ROUTE_PATHS[r]} aria-current={r === route ? 'page' : undefined}>
                {label[r]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className={styles.who}>
        <Caption1>{s.dev.signedInAs(props.userName)}</Caption1>
        <Button size="small" onClick={props.onSwitch}>
          {s.dev.switchPerson}
        </Button>
      </div>
    </header>
  );
}
