import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { Body1 } from '@fluentui/react-components';
import type { Api } from '../api';
import { Layout } from '../components/layout';
import { MeetingTable } from '../components/meeting-table';
import { MembersRoles } from '../components/members-roles';
import { NetworkSelect } from '../components/network-select';
import { TermPlanSection } from '../components/term-plan';
import { Loading, Notice, ProblemBar } from '../components/status';
import { useSharedStyles } from '../components/styles';
import type { Role } from '../../http/api-contract';
import type { TabStrings } from '../strings';
import { useLoad } from '../use-load';
import { AgendaView } from './agenda';

/**
 * The channel tab: the network's upcoming meetings. In Teams the network is the team the tab
 * was added to; outside Teams (local mode) one of my networks, chosen in a select.
 */
export function ChannelPage(props: { api: Api; s: TabStrings; teamId: string | undefined; local: boolean; userKey: string; banner?: ReactNode }): ReactNode {
  const { s } = props;
  const [selected, select] = useSelectedMeeting();
  if (props.local) return <LocalChannel {...props} selected={selected} select={select} />;
  return (
    <Layout title={selected ? s.agenda.title : s.channel.title} s={s} banner={props.banner}>
      {props.teamId ? (
        <NetworkMeetings {...props} networkId={props.teamId} selected={selected} select={select} />
      ) : (
        <Notice intent="warning">{s.channel.noTeam}</Notice>
      )}
    </Layout>
  );
}

function meetingFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('meeting') || null;
}

/** The meeting whose agenda is open: `?meeting=<id>` (the agenda card's "Öppna i fliken" link), kept in the history. */
function useSelectedMeeting(): [string | null, (id: string | null) => void] {
  const [selected, setSelected] = useState<string | null>(meetingFromUrl);
  useEffect(() => {
    const onPop = (): void => setSelected(meetingFromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const select = useCallback((id: string | null): void => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('meeting', id);
    else url.searchParams.delete('meeting');
    window.history.pushState(null, '', url);
    setSelected(id);
    // The new screen's main landmark takes the focus, as after a page load.
    window.requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, []);
  return [selected, select];
}

function networkIdFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('networkId');
}

interface Selection {
  selected: string | null;
  select: (id: string | null) => void;
}

function LocalChannel(props: { api: Api; s: TabStrings; userKey: string; banner?: ReactNode } & Selection): ReactNode {
  const { api, s } = props;
  const [me, retry] = useLoad(() => api.me(), `me ${props.userKey}`);
  const [chosen, setChosen] = useState<string | null>(networkIdFromUrl);
  const networks = me.state === 'ok' ? me.data.networks : [];
  const networkId = networks.find((n) => n.id === chosen)?.id ?? networks[0]?.id;
  const choose = (id: string): void => {
    setChosen(id);
    const url = new URL(window.location.href);
    url.searchParams.set('networkId', id);
    window.history.replaceState(null, '', url);
  };
  return (
    <Layout title={props.selected ? s.agenda.title : s.channel.title} s={s} banner={props.banner}>
      {me.state === 'loading' && <Loading label={s.channel.loading} />}
      {me.state === 'error' && <ProblemBar error={me.error} s={s} onRetry={retry} />}
      {me.state === 'ok' && networks.length === 0 && <Notice intent="info">{s.channel.noNetworks}</Notice>}
      {networks.length > 1 && !props.selected && (
        <NetworkSelect label={s.channel.chooseNetwork} networks={networks} value={networkId ?? ''} onChange={choose} />
      )}
      {networkId && <NetworkMeetings api={api} s={s} networkId={networkId} userKey={props.userKey} selected={props.selected} select={props.select} />}
    </Layout>
  );
}

/** Who may edit agendas and plan the term (as the server's rule in domain/network.ts). */
const EDITOR_ROLES: readonly Role[] = ['ordforande', 'sekreterare', 'presidium'];

function NetworkMeetings(props: { api: Api; s: TabStrings; networkId: string; userKey: string } & Selection): ReactNode {
  const { api, s, networkId } = props;
  const shared = useSharedStyles();
  const introId = useId();
  const [network, retry] = useLoad(() => api.network(networkId), `network ${networkId} ${props.userKey}`);
  /** Bumped when the term planning created meetings: the list loads again, the rest of the page stays. */
  const [generation, setGeneration] = useState(0);
  const [meetings, retryMeetings] = useLoad(
    async () => (await api.myMeetings()).meetings.filter((m) => m.networkId === networkId),
    `meetings ${networkId} ${props.userKey} ${generation}`,
  );
  if (network.state === 'loading') return <Loading label={s.channel.loading} />;
  if (network.state === 'error') return <ProblemBar error={network.error} s={s} onRetry={retry} />;
  if (props.selected) {
    if (meetings.state === 'loading') return <Loading label={s.channel.loading} />;
    const meeting = meetings.state === 'ok' ? meetings.data.find((m) => m.id === props.selected) : undefined;
    return <AgendaView api={api} s={s} meetingId={props.selected} meeting={meeting} onBack={() => props.select(null)} />;
  }
  return (
    <>
      <Body1 as="p" id={introId} className={shared.intro}>
        {s.channel.intro(network.data.name)}
      </Body1>
      {meetings.state === 'loading' && <Loading label={s.channel.loading} />}
      {meetings.state === 'error' && <ProblemBar error={meetings.error} s={s} onRetry={retryMeetings} />}
      {meetings.state === 'ok' &&
        (meetings.data.length === 0 ? (
          <Notice intent="info" title={s.channel.empty}>
            {s.channel.emptyHint}
          </Notice>
        ) : (
          <MeetingTable meetings={meetings.data} s={s} showNetwork={false} labelledBy={introId} onOpen={(m) => props.select(m.id)} />
        ))}
      {EDITOR_ROLES.includes(network.data.role) && <TermPlanSection api={api} s={s} networkId={networkId} onCreated={() => setGeneration((n) => n + 1)} />}
      <MembersRoles api={api} s={s} networkId={networkId} userKey={props.userKey} />
    </>
  );
}
