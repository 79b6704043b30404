import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { Body1, Field, Select } from '@fluentui/react-components';
import type { Api } from '../api';
import { Layout } from '../components/layout';
import { MeetingTable } from '../components/meeting-table';
import { Loading, Notice, ProblemBar } from '../components/status';
import { useSharedStyles } from '../components/styles';
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
        <Field label={s.channel.chooseNetwork}>
          <Select value={networkId} onChange={(_e, data) => choose(data.value)}>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {networkId && <NetworkMeetings api={api} s={s} networkId={networkId} userKey={props.userKey} selected={props.selected} select={props.select} />}
    </Layout>
  );
}

function NetworkMeetings(props: { api: Api; s: TabStrings; networkId: string; userKey: string } & Selection): ReactNode {
  const { api, s, networkId } = props;
  const shared = useSharedStyles();
  const introId = useId();
  const [loaded, retry] = useLoad(
    async () => {
      const [network, mine] = await Promise.all([api.network(networkId), api.myMeetings()]);
      return { network, meetings: mine.meetings.filter((m) => m.networkId === networkId) };
    },
    `channel ${networkId} ${props.userKey}`,
  );
  if (loaded.state === 'loading') return <Loading label={s.channel.loading} />;
  if (loaded.state === 'error') return <ProblemBar error={loaded.error} s={s} onRetry={retry} />;
  const { network, meetings } = loaded.data;
  if (props.selected) {
    return <AgendaView api={api} s={s} meetingId={props.selected} meeting={meetings.find((m) => m.id === props.selected)} onBack={() => props.select(null)} />;
  }
  return (
    <>
      <Body1 as="p" id={introId} className={shared.intro}>
        {s.channel.intro(network.name)}
      </Body1>
      {meetings.length === 0 ? (
        <Notice intent="info" title={s.channel.empty}>
          {s.channel.emptyHint}
        </Notice>
      ) : (
        <MeetingTable meetings={meetings} s={s} showNetwork={false} labelledBy={introId} onOpen={(m) => props.select(m.id)} />
      )}
    </>
  );
}
