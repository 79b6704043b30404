import { useCallback, useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Body1, Button, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { Api } from '../../api';
import { AgendaTemplateSection } from '../agenda/agenda-template';
import { Layout } from '../../shared/layout';
import { MeetingTable } from './meeting-table';
import { MembersRoles } from '../members/members-roles';
import { NetworkSelect } from '../../shared/network-select';
import { TermPlanSection } from './term-plan';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { PastMeetings } from './past-meetings';
import { ImportProtocols } from '../import/import-protocols';
import { ExportArchive } from '../export/export-buttons';
import { useSharedStyles } from '../../shared/styles';
import type { MeetingSummary } from '../../../http/api-contract';
import { meetingLine } from '../../strings';
import { useLoad } from '../../shared/use-load';
import { AgendaView } from '../agenda/agenda-page';
import { MeetingLifePanel } from '../meeting-life/meeting-life-panel';
import { RecordPastMeeting } from '../meeting-life/record-past-meeting';
import { MinutesView } from '../minutes/minutes-page';
import { MinutesKindSection } from '../minutes/minutes-kind';
import { parseSubEntityId, placeFromQuery, setPlaceInQuery, type MeetingView } from '../../../domain/tab-links';

/**
 * The channel tab: the network's upcoming meetings. In Teams the network is the team the tab
 * was added to; outside Teams (local mode) one of my networks, chosen in a select.
 */
export function ChannelPage(props: { api: Api; teamId: string | undefined; subPageId?: string | undefined; local: boolean; userKey: string; banner?: ReactNode }): ReactNode {
  const s = useStrings();
  const selection = useSelectedMeeting(props.subPageId);
  const title = selection.selected ? (selection.view === 'minutes' ? s.minutes.title : s.agenda.title) : s.channel.title;
  if (props.local) return <LocalChannel {...props} {...selection} title={title} />;
  // A meeting's side panel links here with the network in the URL: a meeting chat has no team.
  const networkId = props.teamId || networkIdFromUrl();
  return (
    <Layout title={title} banner={props.banner}>
      {networkId ? <NetworkMeetings {...props} networkId={networkId} {...selection} /> : <Notice intent="warning">{s.channel.noTeam}</Notice>}
    </Layout>
  );
}

/** What a selected meeting shows: its agenda, or its minutes (`&view=minutes`, where the cards link). */
type MeetingViewName = MeetingView;

function fromUrl(): { selected: string | null; view: MeetingViewName } {
  const place = placeFromQuery(new URLSearchParams(window.location.search));
  return { selected: place?.meetingId ?? null, view: place?.view ?? 'agenda' };
}

/**
 * Where the tab opens: the URL's place (outside Teams, and after navigating in the tab), else the
 * place a Teams deep link named (the context's sub-page id), written into the URL so that the
 * history and a reload go on from there.
 */
function initialPlace(subPageId: string | undefined): { selected: string | null; view: MeetingViewName } {
  const shown = fromUrl();
  const linked = parseSubEntityId(subPageId);
  if (shown.selected || !linked) return shown;
  const url = new URL(window.location.href);
  setPlaceInQuery(url.searchParams, linked);
  window.history.replaceState(null, '', url);
  return { selected: linked.meetingId, view: linked.view };
}

/** The open meeting (`?meeting=<id>`, kept in the history, or first from a deep link) and its view (`&view=minutes`). */
function useSelectedMeeting(subPageId: string | undefined): Selection {
  const [state, setState] = useState(() => initialPlace(subPageId));
  useEffect(() => {
    const onPop = (): void => setState(fromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const select = useCallback((id: string | null): void => {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('meeting', id);
    else url.searchParams.delete('meeting');
    url.searchParams.delete('view');
    window.history.pushState(null, '', url);
    setState({ selected: id, view: 'agenda' });
    // The new screen's main landmark takes the focus, as after a page load.
    window.requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, []);
  const show = useCallback((view: MeetingViewName): void => {
    const url = new URL(window.location.href);
    if (view === 'minutes') url.searchParams.set('view', view);
    else url.searchParams.delete('view');
    window.history.replaceState(null, '', url);
    setState((was) => ({ ...was, view }));
  }, []);
  return { ...state, select, show };
}

function networkIdFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('networkId');
}

interface Selection {
  selected: string | null;
  view: MeetingViewName;
  select: (id: string | null) => void;
  show: (view: MeetingViewName) => void;
}

function LocalChannel(props: { api: Api; userKey: string; banner?: ReactNode; title: string } & Selection): ReactNode {
  const s = useStrings();
  const { api } = props;
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
    <Layout title={props.title} banner={props.banner}>
      {me.state === 'loading' && <Loading label={s.channel.loading} />}
      {me.state === 'error' && <ProblemBar error={me.error} onRetry={retry} />}
      {me.state === 'ok' && networks.length === 0 && <Notice intent="info">{s.channel.noNetworks}</Notice>}
      {networks.length > 1 && !props.selected && (
        <NetworkSelect label={s.channel.chooseNetwork} networks={networks} value={networkId ?? ''} onChange={choose} />
      )}
      {networkId && <NetworkMeetings {...props} networkId={networkId} />}
    </Layout>
  );
}

function NetworkMeetings(props: { api: Api; networkId: string; userKey: string } & Selection): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const shared = useSharedStyles();
  const introId = useId();
  const [network, retry] = useLoad(() => api.network(networkId), `network ${networkId} ${props.userKey}`);
  /** Bumped when the term planning created meetings: the list loads again, the rest of the page stays. */
  const [generation, setGeneration] = useState(0);
  /** Bumped when a protocol was imported: the archive list loads again. */
  const [imported, setImported] = useState(0);
  /** The open meeting was moved or cancelled: the list loads again when going back to it. */
  const [changed, setChanged] = useState(false);
  const [meetings, retryMeetings] = useLoad(
    async () => (await api.myMeetings()).meetings.filter((m) => m.networkId === networkId),
    `meetings ${networkId} ${props.userKey} ${generation}`,
  );
  if (network.state === 'loading') return <Loading label={s.channel.loading} />;
  if (network.state === 'error') return <ProblemBar error={network.error} onRetry={retry} />;
  if (props.selected) {
    if (meetings.state === 'loading') return <Loading label={s.channel.loading} />;
    const meeting = meetings.state === 'ok' ? meetings.data.find((m) => m.id === props.selected) : undefined;
    return (
      <MeetingScreen
        api={api}
        meetingId={props.selected}
        meeting={meeting}
        view={props.view}
        show={props.show}
        onBack={() => {
          if (changed) setGeneration((n) => n + 1);
          setChanged(false);
          props.select(null);
        }}
        onChanged={() => setChanged(true)}
      />
    );
  }
  return (
    <>
      <Body1 as="p" id={introId} className={shared.intro}>
        {s.channel.intro(network.data.name)}
      </Body1>
      {meetings.state === 'loading' && <Loading label={s.channel.loading} />}
      {meetings.state === 'error' && <ProblemBar error={meetings.error} onRetry={retryMeetings} />}
      {meetings.state === 'ok' &&
        (meetings.data.length === 0 ? (
          <Notice intent="info" title={s.channel.empty}>
            {s.channel.emptyHint}
          </Notice>
        ) : (
          <MeetingTable meetings={meetings.data} showNetwork={false} labelledBy={introId} onOpen={(m) => props.select(m.id)} />
        ))}
      <PastMeetings
        api={api}
        networkId={networkId}
        userKey={`${props.userKey} ${imported}`}
        onOpen={(id) => {
          props.select(id);
          props.show('minutes');
        }}
      />
      {network.data.capabilities.recordPastMeeting && (
        <RecordPastMeeting
          api={api}
          networkId={networkId}
          onRecorded={(id) => {
            props.select(id);
            props.show('minutes');
          }}
        />
      )}
      {network.data.capabilities.importProtocols && <ImportProtocols api={api} networkId={networkId} onSaved={() => setImported((n) => n + 1)} />}
      {network.data.capabilities.exportArchive && <ExportArchive api={api} networkId={networkId} />}
      {network.data.capabilities.planTerm && <TermPlanSection api={api} networkId={networkId} onCreated={() => setGeneration((n) => n + 1)} />}
      <AgendaTemplateSection api={api} networkId={networkId} />
      <MinutesKindSection api={api} network={network.data} />
      <MembersRoles api={api} networkId={networkId} userKey={props.userKey} />
    </>
  );
}

const useStyles = makeStyles({
  p: { margin: '0' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
});

const VIEWS: readonly MeetingViewName[] = ['agenda', 'minutes'];

/**
 * The meeting's two views as tabs (the WAI-ARIA pattern: arrow keys move between them, one tab
 * stop). Plain buttons rather than Fluent's TabList, whose focus guards axe reports.
 */
function ViewTabs(props: { view: MeetingViewName; show: (view: MeetingViewName) => void }): ReactNode {
  const s = useStrings();
  const { view } = props;
  const styles = useStyles();
  const label = (v: MeetingViewName): string => (v === 'minutes' ? s.minutes.title : s.agenda.title);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    const delta = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + delta + VIEWS.length) % VIEWS.length] ?? view;
    props.show(next);
    window.requestAnimationFrame(() => document.getElementById(`view-${next}`)?.focus());
  };
  return (
    <div role="tablist" aria-label={s.minutes.viewsLabel} className={styles.tabs}>
      {VIEWS.map((v) => (
        <Button
          key={v}
          id={`view-${v}`}
          role="tab"
          aria-selected={view === v}
          aria-controls="meeting-view"
          tabIndex={view === v ? 0 : -1}
          appearance={view === v ? 'primary' : 'subtle'}
          onClick={() => props.show(v)}
          onKeyDown={onKeyDown}
        >
          {label(v)}
        </Button>
      ))}
    </div>
  );
}

/** A meeting: back to the list, its date and place, and its agenda or minutes as two tabs. */
function MeetingScreen(props: {
  api: Api;
  meetingId: string;
  meeting: MeetingSummary | undefined;
  view: MeetingViewName;
  show: (view: MeetingViewName) => void;
  onBack: () => void;
  /** The meeting was moved or cancelled: the lists load again. */
  onChanged: () => void;
}): ReactNode {
  const s = useStrings();
  const { api, meetingId, meeting, view } = props;
  const styles = useStyles();
  return (
    <>
      <div>
        <Button onClick={props.onBack}>{s.agenda.back}</Button>
      </div>
      <MeetingLifePanel
        api={api}
        meetingId={meetingId}
        onChanged={props.onChanged}
        heading={(shown) => (
          <Subtitle1 as="p" className={styles.p} data-meeting-heading>
            {meetingLine(shown, s)}
          </Subtitle1>
        )}
        listed={meeting}
      />
      <ViewTabs view={view} show={props.show} />
      <div id="meeting-view" role="tabpanel" aria-labelledby={`view-${view}`} className={styles.panel} data-meeting-view={view}>
        {view === 'minutes' ? <MinutesView api={api} meetingId={meetingId} showMeeting={!meeting} /> : <AgendaView api={api} meetingId={meetingId} meeting={meeting} />}
      </div>
    </>
  );
}
