import { useEffect, useState, type ReactNode } from 'react';
import { Body1, Caption1, Card, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { ApiError, type Api } from '../api';
import { Layout } from '../components/layout';
import { Loading, Notice, ProblemBar } from '../components/status';
import { useSharedStyles } from '../components/styles';
import { ROUTE_PATHS } from '../routes';
import type { TabStrings } from '../strings';
import { offerTabConfig, refuseTabConfig, type TeamsSession } from '../teams';
import { useLoad } from '../use-load';

export const TAB_ENTITY_ID = 'justera-network';

const useStyles = makeStyles({
  card: { maxWidth: '40em', width: '100%' },
  label: { margin: '0', color: tokens.colorNeutralForeground2 },
  flush: { margin: '0' },
});

/**
 * The configurable channel tab's configuration page (frame context "settings"): confirms
 * which network the team is, and on Save tells Teams to show /tab/channel.
 */
export function ConfigPage(props: { api: Api; s: TabStrings; teams: TeamsSession | null; banner?: ReactNode }): ReactNode {
  const { s, teams } = props;
  if (!teams || teams.frameContext !== 'settings') {
    return (
      <Layout title={s.config.title} s={s} banner={props.banner}>
        <Notice intent="info">{s.config.outsideConfig}</Notice>
      </Layout>
    );
  }
  return <NetworkConfig {...props} teams={teams} />;
}

function NetworkConfig(props: { api: Api; s: TabStrings; teams: TeamsSession; banner?: ReactNode }): ReactNode {
  const { api, s, teams } = props;
  const teamId = teams.teamId;
  const shared = useSharedStyles();
  const styles = useStyles();
  const [saveError, setSaveError] = useState<string | null>(null);
  const [network, retry] = useLoad(() => (teamId ? api.network(teamId) : Promise.reject(new Error('no team'))), `network ${teamId ?? ''}`);

  useEffect(() => {
    if (network.state !== 'ok' || !teamId) {
      refuseTabConfig();
      return;
    }
    const origin = window.location.origin;
    offerTabConfig(
      {
        contentUrl: `${origin}${ROUTE_PATHS.channel}`,
        websiteUrl: `${origin}${ROUTE_PATHS.channel}?networkId=${encodeURIComponent(teamId)}`,
        entityId: TAB_ENTITY_ID,
        suggestedDisplayName: s.appName,
      },
      setSaveError,
    );
  }, [network.state, teamId, s.appName]);

  const notANetwork = network.state === 'error' && network.error instanceof ApiError && network.error.status === 404;
  return (
    <Layout title={s.config.title} s={s} banner={props.banner}>
      {!teamId && <Notice intent="warning">{s.config.noTeam}</Notice>}
      {teamId && network.state === 'loading' && <Loading label={s.config.loading} />}
      {notANetwork && (
        <Notice intent="warning" title={s.config.notNetworkTitle}>
          {s.config.notNetwork}
        </Notice>
      )}
      {teamId && network.state === 'error' && !notANetwork && <ProblemBar error={network.error} s={s} onRetry={retry} />}
      {network.state === 'ok' && (
        <div className={shared.stack}>
          <Card className={styles.card}>
            <div>
              <Caption1 as="p" block className={styles.label}>
                {s.config.network}
              </Caption1>
              <Subtitle1 as="p" block className={styles.flush} data-network-name>
                {network.data.name}
              </Subtitle1>
            </div>
            <Body1 as="p" className={styles.flush}>
              {s.config.explanation}
            </Body1>
          </Card>
          <Body1 as="p" role="status" className={styles.flush}>
            {s.config.ready}
          </Body1>
        </div>
      )}
      {saveError && (
        <Notice intent="warning" title={s.config.saveFailed}>
          {saveError}
        </Notice>
      )}
    </Layout>
  );
}
