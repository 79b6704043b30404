import { useId, useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from '@fluentui/react-components';
import type { MeetingResponse, MeetingSummary } from '../../../http/api-contract';
import type { Api } from '../../api';
import { ProblemBar } from '../../shared/status';
import { capitalise, longDate, type TabStrings } from '../../strings';
import { useLoad } from '../../shared/use-load';
import { MeetingForm } from './meeting-form';
import { meetingLifeTabStrings } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  h: { margin: '0' },
});

/** "Måndag 11 februari 2030 · 10:00–12:00". */
export function meetingWhen(m: { date: string; start: string; end: string }, s: TabStrings): string {
  return `${capitalise(longDate(m.date, s))} · ${m.start}–${m.end}`;
}

/** "Inställd" or "Flyttad" beside a meeting in a list; nothing for a meeting as planned. */
export function MeetingLifeBadge(props: { meeting: Pick<MeetingSummary, 'cancelled' | 'movedFrom'> }): ReactNode {
  const s = useStrings();
  const t = meetingLifeTabStrings(s.lang);
  if (props.meeting.cancelled) return <Badge appearance="filled" color="danger" data-meeting-life="cancelled">{t.cancelled}</Badge>;
  if (props.meeting.movedFrom) return <Badge appearance="tint" color="brand" data-meeting-life="moved">{t.movedBadge}</Badge>;
  return null;
}

/**
 * A meeting's life on its page: "Inställd" or "Flyttad till …" for everyone, and for the chair
 * group "Ändra träff" (the form, filled in) and "Ställ in träffen" (after a confirmation). What
 * the caller may do comes from the server's policy (`capabilities`). `onChanged` lets the page
 * load the meeting lists again.
 */
export function MeetingLifePanel(props: {
  api: Api;
  meetingId: string;
  onChanged: () => void;
  /** The meeting as the page's list shows it (none for a past meeting): its heading, until the meeting itself is loaded. */
  listed: MeetingSummary | undefined;
  heading: (meeting: MeetingSummary) => ReactNode;
}): ReactNode {
  const s = useStrings();
  const { api, meetingId } = props;
  const t = meetingLifeTabStrings(s.lang);
  const styles = useStyles();
  const headingId = useId();
  const [generation, setGeneration] = useState(0);
  const [loaded, retry] = useLoad(() => api.meeting(meetingId), `meeting ${meetingId} ${generation}`);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmCancel'>('view');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const heading = props.listed ? props.heading(loaded.state === 'ok' ? loaded.data.meeting : props.listed) : null;
  if (loaded.state === 'loading') return heading;
  if (loaded.state === 'error') return (
    <>
      {heading}
      <ProblemBar error={loaded.error} onRetry={retry} />
    </>
  );
  const { meeting, capabilities } = loaded.data;
  const changed = (_answer: MeetingResponse, message: string): void => {
    setMode('view');
    setDone(message);
    setError(null);
    setGeneration((n) => n + 1);
    props.onChanged();
  };
  const cancel = async (): Promise<void> => {
    setBusy(true);
    try {
      changed(await api.cancelMeeting(meetingId), t.cancelledDone);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel} data-meeting-life-panel>
      {heading}
      <div role="status" aria-live="polite">
        {done && (
          <MessageBar intent="success" data-meeting-life-done>
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {meeting.cancelled && (
        <MessageBar intent="error" layout="multiline" data-meeting-cancelled>
          <MessageBarBody>
            <MessageBarTitle>{t.cancelled}</MessageBarTitle> {t.cancelledBy('')}
          </MessageBarBody>
        </MessageBar>
      )}
      {!meeting.cancelled && meeting.movedFrom && (
        <MessageBar intent="info" layout="multiline" data-meeting-moved>
          <MessageBarBody>
            <MessageBarTitle>{t.movedTo(meetingWhen(meeting, s))}</MessageBarTitle> {t.movedFrom(meetingWhen(meeting.movedFrom, s))}
          </MessageBarBody>
        </MessageBar>
      )}
      {!meeting.cancelled && mode === 'view' && (capabilities.editMeeting || capabilities.cancelMeeting) && (
        <div className={styles.buttons}>
          {capabilities.editMeeting && <Button onClick={() => { setMode('edit'); setDone(null); }}>{t.edit}</Button>}
          {capabilities.cancelMeeting && <Button onClick={() => { setMode('confirmCancel'); setDone(null); }}>{t.cancel}</Button>}
        </div>
      )}
      {mode === 'edit' && (
        <>
          <Subtitle2 as="h2" id={headingId} className={styles.h}>
            {t.editTitle}
          </Subtitle2>
          <p className={styles.h}>{t.editIntro}</p>
          <MeetingForm
            t={t}
            labelledBy={headingId}
            initial={{ date: meeting.date, start: meeting.start, end: meeting.end, place: meeting.place, mode: meeting.mode, teamsLink: meeting.teamsLink ?? '' }}
            submit={t.save}
            submitting={t.saving}
            onSubmit={async (values) => changed(await api.editMeeting(meetingId, values), t.saved)}
            onError={setError}
            extra={<Button onClick={() => setMode('view')}>{t.close}</Button>}
          />
        </>
      )}
      {mode === 'confirmCancel' && (
        <MessageBar intent="warning" layout="multiline" data-confirm-cancel>
          <MessageBarBody>
            {t.cancelQuestion}
            <div className={styles.buttons}>
              <Button appearance="primary" disabled={busy} onClick={() => void cancel()}>
                {t.confirmCancel}
              </Button>
              <Button onClick={() => setMode('view')}>{t.keep}</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && <ProblemBar error={error} />}
    </div>
  );
}
