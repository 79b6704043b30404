import { useEffect, useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Body1, Caption1, Card, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { Api } from '../../api';
import { ApiError } from '../../shared/api';
import { Layout } from '../../shared/layout';
import { NetworkSelect } from '../../shared/network-select';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { useSharedStyles } from '../../shared/styles';
import { ROUTE_PATHS } from '../../routes';
import { offerTabConfig, refuseTabConfig, type TabConfig, type TeamsSession } from '../../shared/teams';
import { useLoad } from '../../shared/use-load';
import { MEETING_ENTITY_PREFIX } from '../meetings/side-panel-page';
import { CHANNEL_TAB_ENTITY_ID } from '../../../domain/tab-links';

const useStyles = makeStyles({
  card: { maxWidth: '40em', width: '100%' },
  label: { margin: '0', color: tokens.colorNeutralForeground2 },
  flush: { margin: '0' },
});

/**
 * The configurable channel tab's configuration page (frame context "settings"): confirms
 * which network the team is, and on Save tells Teams to show /tab/channel.
 */
export function ConfigPage(props: { api: Api; teams: TeamsSession | null; banner?: ReactNode }): ReactNode {
  const s = useStrings();
  const { teams } = props;
  if (!teams || teams.frameContext !== 'settings') {
    return (
      <Layout title={s.config.title} banner={props.banner}>
        <Notice intent="info">{s.config.outsideConfig}</Notice>
      </Layout>
    );
  }
  if (!teams.teamId && teams.meetingId) return <MeetingConfig {...props} teams={teams} />;
  return <NetworkConfig {...props} teams={teams} />;
}

/** What Teams saves: in a meeting, the side panel of the chosen network; in a channel, the channel tab. */
function tabConfig(networkId: string, inMeeting: boolean, name: string): TabConfig {
  const origin = window.location.origin;
  if (inMeeting) {
    const url = `${origin}${ROUTE_PATHS['side-panel']}?networkId=${encodeURIComponent(networkId)}`;
    return { contentUrl: url, websiteUrl: url, entityId: `${MEETING_ENTITY_PREFIX}${networkId}`, suggestedDisplayName: name };
  }
  return {
    contentUrl: `${origin}${ROUTE_PATHS.channel}`,
    websiteUrl: `${origin}${ROUTE_PATHS.channel}?networkId=${encodeURIComponent(networkId)}`,
    // The entity id the cards' deep links name (domain/tab-links).
    entityId: CHANNEL_TAB_ENTITY_ID,
    suggestedDisplayName: name,
  };
}

/** Save is enabled while `config` is set, and saves it. */
function useOfferedConfig(config: TabConfig | null, onFailure: (message: string) => void): void {
  const key = config ? JSON.stringify(config) : '';
  useEffect(() => {
    if (config) offerTabConfig(config, onFailure);
    else refuseTabConfig();
    // `config` is a fresh object each render; `key` is what it says.
  }, [key]);
}

function SaveFailed(props: { message: string }): ReactNode {
  const s = useStrings();
  return (
    <Notice intent="warning" title={s.config.saveFailed}>
      {props.message}
    </Notice>
  );
}

function ConfigCard(props: { explanation: string; children: ReactNode }): ReactNode {
  const s = useStrings();
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <div className={shared.stack}>
      <Card className={styles.card}>
        {props.children}
        <Body1 as="p" className={styles.flush}>
          {props.explanation}
        </Body1>
      </Card>
      <Body1 as="p" role="status" className={styles.flush}>
        {s.config.ready}
      </Body1>
    </div>
  );
}

/** In a meeting outside a team (a scheduled meeting's chat): which of my networks the meeting belongs to. */
function MeetingConfig(props: { api: Api; teams: TeamsSession; banner?: ReactNode }): ReactNode {
  const s = useStrings();
  const { api } = props;
  const [saveError, setSaveError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [me, retry] = useLoad(() => api.me(), `me ${props.teams.userId}`);
  const networks = me.state === 'ok' ? me.data.networks : [];
  const networkId = networks.find((n) => n.id === chosen)?.id ?? networks[0]?.id;
  useOfferedConfig(networkId ? tabConfig(networkId, true, s.appName) : null, setSaveError);
  return (
    <Layout title={s.config.title} banner={props.banner}>
      {me.state === 'loading' && <Loading label={s.config.loading} />}
      {me.state === 'error' && <ProblemBar error={me.error} onRetry={retry} />}
      {me.state === 'ok' && networks.length === 0 && <Notice intent="warning">{s.config.noNetworks}</Notice>}
      {networkId && (
        <ConfigCard explanation={s.config.meetingExplanation}>
          <NetworkSelect label={s.config.chooseNetwork} networks={networks} value={networkId} onChange={setChosen} />
        </ConfigCard>
      )}
      {saveError && <SaveFailed message={saveError} />}
    </Layout>
  );
}

function NetworkConfig(props: { api: Api; teams: TeamsSession; banner?: ReactNode }): ReactNode {
  const s = useStrings();
  const { api, teams } = props;
  const teamId = teams.teamId;
  const styles = useStyles();
  const inMeeting = !!teams.meetingId;
  const [saveError, setSaveError] = useState<string | null>(null);
  const [network, retry] = useLoad(() => (teamId ? api.network(teamId) : Promise.reject(new Error('no team'))), `network ${teamId ?? ''}`);
  useOfferedConfig(network.state === 'ok' && teamId ? tabConfig(teamId, inMeeting, s.appName) : null, setSaveError);

  const notANetwork = network.state === 'error' && network.error instanceof ApiError && network.error.status === 404;
  return (
    <Layout title={s.config.title} banner={props.banner}>
      {!teamId && <Notice intent="warning">{s.config.noTeam}</Notice>}
      {teamId && network.state === 'loading' && <Loading label={s.config.loading} />}
      {notANetwork && (
        <Notice intent="warning" title={s.config.notNetworkTitle}>
          {s.config.notNetwork}
        </Notice>
      )}
      {teamId && network.state === 'error' && !notANetwork && <ProblemBar error={network.error} onRetry={retry} />}
      {network.state === 'ok' && (
        <ConfigCard explanation={inMeeting ? s.config.meetingExplanation : s.config.explanation}>
          <div>
            <Caption1 as="p" block className={styles.label}>
              {s.config.network}
            </Caption1>
            <Subtitle1 as="p" block className={styles.flush} data-network-name>
              {network.data.name}
            </Subtitle1>
          </div>
        </ConfigCard>
      )}
      {saveError && <SaveFailed message={saveError} />}
    </Layout>
  );
}
