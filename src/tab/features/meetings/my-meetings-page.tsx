import { useId, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Body1 } from '@fluentui/react-components';
import type { Api } from '../../api';
import { Layout } from '../../shared/layout';
import { MeetingTable } from './meeting-table';
import { MyActionsSection } from '../actions/my-actions';
import { SearchSection } from '../search/search-section';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { useSharedStyles } from '../../shared/styles';
import { useLoad } from '../../shared/use-load';

/** The personal tab "Mina möten": my upcoming meetings across my networks, and "Mina uppdrag". */
export function MyMeetingsPage(props: { api: Api; banner?: ReactNode; userKey: string }): ReactNode {
  const s = useStrings();
  const { api } = props;
  const shared = useSharedStyles();
  const introId = useId();
  const [meetings, retry] = useLoad(() => api.myMeetings(), `my-meetings ${props.userKey}`);
  const [me] = useLoad(() => api.me(), `me ${props.userKey}`);
  return (
    <Layout title={s.myMeetings.title} banner={props.banner}>
      <Body1 as="p" id={introId} className={shared.intro}>
        {s.myMeetings.intro}
      </Body1>
      {meetings.state === 'loading' && <Loading label={s.myMeetings.loading} />}
      {meetings.state === 'error' && <ProblemBar error={meetings.error} onRetry={retry} />}
      {meetings.state === 'ok' &&
        (meetings.data.meetings.length === 0 ? (
          <Notice intent="info" title={s.myMeetings.empty}>
            {s.myMeetings.emptyHint}
          </Notice>
        ) : (
          <MeetingTable meetings={meetings.data.meetings} showNetwork labelledBy={introId} />
        ))}
      <MyActionsSection api={api} userKey={props.userKey} />
      <SearchSection api={api} networks={me.state === 'ok' ? me.data.networks : []} />
    </Layout>
  );
}
