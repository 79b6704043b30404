import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { StringsProvider, useStrings } from './shared/strings-context';
import { Body1, FluentProvider, makeStyles } from '@fluentui/react-components';
import { createApi, type Api } from './api';
import { Layout } from './shared/layout';
import { LocalBanner } from './shared/local-banner';
import { Loading, Notice, ProblemBar } from './shared/status';
import { ChannelPage } from './features/meetings/channel-page';
import { ConfigPage } from './features/config/config-page';
import { DevPicker } from './features/config/dev-picker';
import { MyMeetingsPage } from './features/meetings/my-meetings-page';
import { SidePanelPage } from './features/meetings/side-panel-page';
import { routeOf, type Route } from './routes';
import { devCredentials, rememberDevUser, rememberedDevUser, startSession, type DevIdentity, type Session } from './shared/session';
import { langFromLocale, STRINGS } from './strings';
import { followTeamsTheme, type TeamsSession, type ThemeName } from './shared/teams';
import { browserTheme, fluentTheme, followBrowserTheme } from './shared/theme';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
});

type Boot = { kind: 'starting' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; session: Session };

export function App(): ReactNode {
  const styles = useStyles();
  const [boot, setBoot] = useState<Boot>({ kind: 'starting' });
  const [theme, setTheme] = useState<ThemeName>(browserTheme);
  const [devUser, setDevUser] = useState<DevIdentity | null>(null);

  const teams = boot.kind === 'ready' && boot.session.kind !== 'local' && boot.session.kind !== 'notInTeams' ? boot.session.teams : null;
  const lang = langFromLocale(teams ? teams.locale : navigator.language);
  const s = STRINGS[lang];

  useEffect(() => {
    let stopFollowing = (): void => undefined;
    startSession(STRINGS[langFromLocale(navigator.language)].acceptLanguage).then(
      (session) => {
        if (session.kind === 'teams' || session.kind === 'ssoFailed') {
          setTheme(session.teams.theme);
          followTeamsTheme(setTheme);
        } else {
          stopFollowing = followBrowserTheme(setTheme);
        }
        if (session.kind === 'local') setDevUser(rememberedDevUser(session.identities));
        setBoot({ kind: 'ready', session });
      },
      (error: unknown) => setBoot({ kind: 'failed', error }),
    );
    return () => stopFollowing();
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [lang, theme]);

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider} data-theme={theme}>
      <StringsProvider strings={s}>
        <Screen boot={boot} devUser={devUser} setDevUser={setDevUser} />
      </StringsProvider>
    </FluentProvider>
  );
}

function Screen(props: { boot: Boot; devUser: DevIdentity | null; setDevUser: (u: DevIdentity | null) => void }): ReactNode {
  const s = useStrings();
  const { boot, devUser, setDevUser } = props;
  const session = boot.kind === 'ready' ? boot.session : null;
  const api = useMemo(() => {
    const credentials = session?.kind === 'teams' ? session.credentials : devUser ? devCredentials(devUser.id) : null;
    return credentials ? createApi(credentials, s.acceptLanguage) : null;
  }, [session, devUser, s]);

  if (boot.kind === 'starting') {
    return (
      <Layout title={s.appName}>
        <Loading label={s.starting} />
      </Layout>
    );
  }
  if (boot.kind === 'failed') {
    return (
      <Layout title={s.appName}>
        <ProblemBar error={boot.error} onRetry={() => window.location.reload()} />
      </Layout>
    );
  }
  switch (boot.session.kind) {
    case 'notInTeams':
      return (
        <Layout title={s.notInTeams.title}>
          <Body1 as="p">{s.notInTeams.body}</Body1>
        </Layout>
      );
    case 'ssoFailed':
      return (
        <Layout title={s.errors.ssoTitle}>
          <Notice intent="warning">{s.errors.sso(boot.session.reason)}</Notice>
        </Layout>
      );
    case 'local': {
      if (!devUser || !api) {
        return (
          <DevPicker
            identities={boot.session.identities}
            onChoose={(identity) => {
              rememberDevUser(identity.id);
              setDevUser(identity);
            }}
          />
        );
      }
      const route = routeOf(window.location.pathname);
      const banner = (
        <LocalBanner
          route={route}
          userName={devUser.name}
          onSwitch={() => {
            rememberDevUser(null);
            setDevUser(null);
          }}
        />
      );
      return <RoutePage route={route} api={api} teams={null} userKey={devUser.id} banner={banner} />;
    }
    case 'teams':
      return api && <RoutePage route={routeOf(window.location.pathname)} api={api} teams={boot.session.teams} userKey={boot.session.teams.userId} />;
  }
}

function RoutePage(props: { route: Route; api: Api; teams: TeamsSession | null; userKey: string; banner?: ReactNode }): ReactNode {
  const s = useStrings();
  const { route, api, teams, userKey, banner } = props;
  switch (route) {
    case 'config':
      return <ConfigPage api={api} teams={teams} banner={banner} />;
    case 'my-meetings':
      return <MyMeetingsPage api={api} userKey={userKey} banner={banner} />;
    case 'channel':
      return <ChannelPage api={api} teamId={teams?.teamId} subPageId={teams?.subPageId} local={!teams} userKey={userKey} banner={banner} />;
    case 'side-panel':
      return <SidePanelPage api={api} teams={teams} userKey={userKey} banner={banner} />;
    case 'not-found':
      return (
        <Layout title={s.notFound.title} banner={banner}>
          <Body1 as="p">{s.notFound.body}</Body1>
        </Layout>
      );
  }
}
