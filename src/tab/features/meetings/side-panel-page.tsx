import type { ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Body1, Button, Caption1, Link, makeStyles, Subtitle1, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { AttendanceResponse, MeetingSummary } from '../../../http/api-contract';
import { presenterName } from '../agenda/agenda-draft';
import type { Api } from '../../api';
import { Layout } from '../../shared/layout';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { meetingLine } from '../../strings';
import type { TeamsSession } from '../../shared/teams';
import { useLoad, usePolled } from '../../shared/use-load';
import { channelTabPath } from '../../../domain/tab-links';

/** How often the side panel asks for the attendance (and the agenda) again. */
const SIDE_PANEL_REFRESH_MS = 15000;

/** The entity id the configuration page saves for a meeting's tab: the network it shows. */
export const MEETING_ENTITY_PREFIX = 'justera-meeting:';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: '0' },
  h3: { margin: '0' },
  p: { margin: '0' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  time: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  people: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  person: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Which network the side panel shows: the saved tab's URL or entity id, else the team of a channel meeting. */
function sidePanelNetwork(teams: TeamsSession | null): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('networkId');
  if (fromUrl) return fromUrl;
  if (teams?.entityId?.startsWith(MEETING_ENTITY_PREFIX)) return teams.entityId.slice(MEETING_ENTITY_PREFIX.length) || null;
  return teams?.teamId ?? null;
}

/**
 * The Teams meeting side panel (and the meeting's tab): the network's meeting today, else the
 * next one, with its agenda and the live attendance, refreshed every 15 seconds.
 */
export function SidePanelPage(props: { api: Api; teams: TeamsSession | null; userKey: string; banner?: ReactNode }): ReactNode {
  const s = useStrings();
  const { api, teams } = props;
  const networkId = sidePanelNetwork(teams);
  return (
    <Layout title={s.sidePanel.title} banner={props.banner}>
      {networkId ? (
        <CurrentMeeting api={api} networkId={networkId} userKey={props.userKey} />
      ) : teams ? (
        <Notice intent="warning">{s.sidePanel.noNetwork}</Notice>
      ) : (
        <FirstNetwork api={api} userKey={props.userKey} />
      )}
    </Layout>
  );
}

/** Outside Teams (local mode) without a network in the URL: the first of my networks. */
function FirstNetwork(props: { api: Api; userKey: string }): ReactNode {
  const s = useStrings();
  const { api } = props;
  const [me, retry] = useLoad(() => api.me(), `me ${props.userKey}`);
  if (me.state === 'loading') return <Loading label={s.sidePanel.loading} />;
  if (me.state === 'error') return <ProblemBar error={me.error} onRetry={retry} />;
  const first = me.data.networks[0];
  if (!first) return <Notice intent="info">{s.channel.noNetworks}</Notice>;
  return <CurrentMeeting api={api} networkId={first.id} userKey={props.userKey} />;
}

function CurrentMeeting(props: { api: Api; networkId: string; userKey: string }): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const sp = s.sidePanel;
  const styles = useStyles();
  const [loaded, retry] = useLoad(() => api.currentMeeting(networkId), `current ${networkId} ${props.userKey}`);
  if (loaded.state === 'loading') return <Loading label={sp.loading} />;
  if (loaded.state === 'error') return <ProblemBar error={loaded.error} onRetry={retry} />;
  const { meeting, today } = loaded.data;
  if (!meeting) return <Notice intent="info">{sp.none}</Notice>;
  return (
    <>
      <div className={styles.section} data-side-meeting={meeting.id}>
        <Caption1 as="p" className={`${styles.p} ${styles.muted}`}>
          {today ? sp.today : sp.next}
        </Caption1>
        <Subtitle1 as="p" className={styles.p} data-side-meeting-heading>
          {meetingLine(meeting, s)}
        </Subtitle1>
        <Caption1 as="p" className={styles.p}>
          {meeting.networkName} · {s.mode[meeting.mode]}
        </Caption1>
        <div>
          <Link href={minutesHref(networkId, meeting.id)} data-side-minutes>
            {s.minutes.openFromPanel}
          </Link>
        </div>
      </div>
      <SideAgenda api={api} meeting={meeting} />
      <LiveAttendance api={api} meetingId={meeting.id} />
    </>
  );
}

/** The meeting's minutes in the channel tab's page, which takes the network from the URL in a meeting. */
function minutesHref(networkId: string, meetingId: string): string {
  return channelTabPath({ meetingId, view: 'minutes' }, networkId);
}

function SideAgenda(props: { api: Api; meeting: MeetingSummary }): ReactNode {
  const s = useStrings();
  const { api, meeting } = props;
  const sp = s.sidePanel;
  const styles = useStyles();
  const agenda = usePolled(() => api.agenda(meeting.id), `agenda ${meeting.id}`, SIDE_PANEL_REFRESH_MS);
  return (
    <section className={styles.section} aria-labelledby="side-agenda" data-side-agenda>
      <Subtitle2 as="h2" id="side-agenda" className={styles.h2}>
        {sp.agenda}
      </Subtitle2>
      {!agenda.data && !agenda.error && <Loading label={s.agenda.loading} />}
      {!agenda.data && agenda.error !== null && <ProblemBar error={agenda.error} onRetry={agenda.refresh} />}
      {agenda.data && agenda.data.items.length === 0 && <Body1 as="p">{sp.noItems}</Body1>}
      {agenda.data && agenda.data.items.length > 0 && (
        <ol className={styles.list} aria-labelledby="side-agenda">
          {agenda.data.items.map((item) => {
            const who = presenterName(item.presenter);
            return (
              <li key={item.id} className={styles.item} data-side-item={item.title}>
                <Text className={styles.time}>
                  <time dateTime={`${meeting.date}T${item.start}`}>{item.start}</time>–<time dateTime={`${meeting.date}T${item.end}`}>{item.end}</time>
                </Text>
                <Text weight="semibold">
                  {item.number}. {item.title}
                </Text>
                {who && <Caption1>{s.agenda.presenter(who)}</Caption1>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function LiveAttendance(props: { api: Api; meetingId: string }): ReactNode {
  const s = useStrings();
  const { api, meetingId } = props;
  const sp = s.sidePanel;
  const styles = useStyles();
  const live = usePolled(() => api.attendance(meetingId), `attendance ${meetingId}`, SIDE_PANEL_REFRESH_MS);
  const a = live.data;
  return (
    <section className={styles.section} aria-labelledby="side-attendance" data-side-attendance>
      <div className={styles.head}>
        <Subtitle2 as="h2" id="side-attendance" className={styles.h2}>
          {sp.attendance}
        </Subtitle2>
        {live.updatedAt && (
          <Caption1 className={styles.muted} data-side-updated>
            {sp.updated(live.updatedAt)}
          </Caption1>
        )}
      </div>
      {!a && !live.error && <Loading label={sp.loading} />}
      {!a && live.error !== null && <ProblemBar error={live.error} onRetry={live.refresh} />}
      {a && live.error !== null && <Notice intent="warning">{sp.stale}</Notice>}
      {a && <AttendanceView attendance={a} />}
      {a && (
        <div>
          <Button size="small" onClick={live.refresh}>
            {sp.refresh}
          </Button>
        </div>
      )}
    </section>
  );
}

function AttendanceView(props: { attendance: AttendanceResponse }): ReactNode {
  const s = useStrings();
  const { attendance: a } = props;
  const sp = s.sidePanel;
  const styles = useStyles();
  const present = a.groups.length + a.guests.length > 0;
  return (
    <>
      {/* Only the counts are announced as they change; the lists below are read on demand. */}
      <Body1 as="p" className={styles.p} aria-live="polite" data-side-counts>
        {s.counts(a.counts)}
      </Body1>
      {a.attendanceClosed && <Caption1>{s.attendanceClosed}</Caption1>}
      {!present && <Body1 as="p" className={styles.p}>{sp.nobody}</Body1>}
      {a.groups.map((g) => (
        <div key={g.municipality} className={styles.section} data-side-group={g.municipality}>
          <Text as="h3" weight="semibold" className={styles.h3}>
            {g.municipality} ({g.people.length})
          </Text>
          <People people={g.people} />
        </div>
      ))}
      {a.guests.length > 0 && (
        <div className={styles.section} data-side-group={sp.guests}>
          <Text as="h3" weight="semibold" className={styles.h3}>
            {sp.guests} ({a.guests.length})
          </Text>
          <People people={a.guests} />
        </div>
      )}
      <div className={styles.section} data-side-apologies>
        <Text as="h3" weight="semibold" className={styles.h3}>
          {sp.apologies} ({a.apologies.length})
        </Text>
        {a.apologies.length === 0 ? (
          <Caption1>{sp.noApologies}</Caption1>
        ) : (
          <ul className={styles.people}>
            {a.apologies.map((p) => (
              <li key={`${p.name} ${p.municipality}`}>
                {p.name}, {p.municipality}
              </li>
            ))}
          </ul>
        )}
      </div>
      {a.missingMunicipalities.length > 0 && (
        <div className={styles.section} data-side-missing>
          <Text as="h3" weight="semibold" className={styles.h3}>
            {sp.missing} ({a.missingMunicipalities.length})
          </Text>
          <Caption1>{a.missingMunicipalities.join(', ')}</Caption1>
        </div>
      )}
    </>
  );
}

function People(props: { people: readonly { name: string; status: 'onsite' | 'online' }[] }): ReactNode {
  const s = useStrings();
  const styles = useStyles();
  return (
    <ul className={styles.people}>
      {props.people.map((p, n) => (
        <li key={`${n} ${p.name}`} className={styles.person}>
          <span>{p.name}</span>
          <Badge appearance="tint" size="small" color={p.status === 'onsite' ? 'success' : 'brand'}>
            {s.status[p.status]}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
