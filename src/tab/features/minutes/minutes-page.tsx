import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Subtitle1, Textarea, tokens } from '@fluentui/react-components';
import type { ApiCapabilities, ApiMinutesContent, ApiMinutesContentInput, ApiMinutesVersion, MinutesResponse } from '../../../http/api-contract';
import type { Api } from '../../api';
import { MINUTES_LIMITS } from '../../../domain/minutes-limits';
import { MinutesEditor } from './minutes-editor';
import { MinutesRead, statusText, VersionsList } from './minutes-read';
import { RecoveryColumns, SaveProblemBars, saveProblemOf } from '../../shared/save-problem';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { canonical, problemsByField, reapplyMinutes, sameContent, shownFields } from './minutes-draft';
import { useVersionedDraft } from '../../shared/use-versioned-draft';
import { meetingLine } from '../../strings';
import { useLoad, useMembers } from '../../shared/use-load';
import { ExportProtocolButton } from '../export/export-buttons';

/** How long after the last keystroke the minutes are saved. */
const AUTOSAVE_MS = 1500;

const useStyles = makeStyles({
  p: { margin: '0' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  h2: { margin: '0' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40em' },
});

/**
 * One meeting's minutes: written by the secretary and the chair group with autosave under
 * If-Match, sent for justering, answered by the justerare; read by every member.
 */
export function MinutesView(props: { api: Api; meetingId: string; /** The meeting's date and place, when the page does not show them already. */ showMeeting?: boolean }): ReactNode {
  const s = useStrings();
  const { api, meetingId } = props;
  const m = s.minutes;
  const styles = useStyles();
  const doc = useVersionedDraft<MinutesResponse, ApiMinutesContent>(
    {
      load: () => api.minutes(meetingId),
      save: (content, current) => api.saveMinutes(meetingId, changedSections(content, current.content), current.etag),
      draftOf: (r) => r.content,
      same: sameContent,
      merge: reapplyMinutes,
      conflictFallback: m.conflictTitle,
      autosaveMs: AUTOSAVE_MS,
      reloadOnConflict: true,
    },
    meetingId,
  );
  const { server, draft, problem, recovery, note: done, dirty, edit } = doc;
  const saving = doc.busy === 'save';
  const sending = doc.busy === 'send';

  const [me] = useLoad(() => api.me(), 'me');
  const myId = me.state === 'ok' ? me.data.user.id : null;
  const members = useMembers(api, server?.networkId);

  const send = async (): Promise<void> => {
    const next = await doc.act('send', (current) => api.sendMinutes(meetingId, current.etag));
    const latest = next?.versions.at(-1);
    if (latest) doc.setNote(m.sentNow(latest.number));
  };

  const judged = doc.judged;
  const errors = useMemo(() => (problem?.kind === 'invalid' && judged ? problemsByField(problem.errors, judged.sent) : new Map<string, string[]>()), [problem, judged]);
  const errorAt = (key: string): string | undefined => errors.get(key)?.join(' ');

  if (doc.load.state === 'loading') return <Loading label={m.loading} />;
  if (doc.load.state === 'error' || !server || !draft) return <ProblemBar error={doc.load.state === 'error' ? doc.load.error : null} onRetry={() => void doc.refetch()} />;

  const saveState = saving ? m.save.saving : problem && problem.kind !== 'conflict' ? m.save.failed : dirty ? m.save.pending : m.save.saved;
  const pending = server.status.kind === 'pending' ? server.versions.find((v) => v.number === (server.status as { version: number }).version) : undefined;

  const editor = server.capabilities.editMinutes ? (
    // Leaving a field saves at once.
    <div className={styles.editor} onBlur={() => void doc.save()} data-minutes-editor>
      <MinutesEditor content={draft} onChange={edit} members={members} errorAt={errorAt} />
    </div>
  ) : (
    <MinutesRead content={server.content} idPrefix="minutes" />
  );
  // The problems no field on the page shows go in the bar.
  const shown = server.capabilities.editMinutes ? shownFields(draft) : new Set<string>();
  const unplaced = [...errors.entries()].filter(([k]) => !shown.has(k)).flatMap(([, v]) => v);

  return (
    <>
      {props.showMeeting && (
        <Subtitle1 as="p" className={styles.p} data-meeting-heading>
          {meetingLine(server.content.meeting, s)}
        </Subtitle1>
      )}
      <Body1 as="p" className={styles.p} data-minutes-status>
        {m.statusLabel}: {statusText(server.status, server.versions, s)}
      </Body1>
      {!server.capabilities.editMinutes && <Notice intent="info">{m.readOnly}</Notice>}
      {done && (
        <MessageBar intent="success" data-minutes-done>
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <SaveProblemBars
        problem={problem}
        unplaced={unplaced}
        scope="minutes"
        texts={m}
        kept={!!recovery}
      />
      {server.capabilities.editMinutes && (
        <div className={styles.toolbar}>
          <Caption1 role="status" aria-live="polite" data-save-state>
            {saveState}
          </Caption1>
          <Button appearance="primary" disabled={dirty || saving || sending} onClick={() => void send()}>
            {sending ? m.sending : m.send}
          </Button>
          {(dirty || saving) && <Caption1>{m.sendNeedsSave}</Caption1>}
        </div>
      )}
      {pending && myId && <JusteringPanel api={api} meetingId={meetingId} version={pending} myId={myId} may={server.capabilities} onAnswered={(note) => void doc.refetch().then(() => doc.setNote(note))} />}
      {recovery ? (
        <RecoveryColumns
          latest={editor}
          scope="minutes"
          texts={m}
          onReapply={() => doc.reapply(m.reapplied)}
          onDrop={doc.drop}
        >
          <MinutesRead content={recovery.mine} headingLevel={3} idPrefix="mine" />
        </RecoveryColumns>
      ) : (
        editor
      )}
      <VersionsList
        versions={server.versions}
        openDocument={(n, kind) => api.document(meetingId, n, kind)}
        exportVersion={(n) => <ExportProtocolButton api={api} meetingId={meetingId} version={n} title={s.minutes.versions.version(n)} />}
        {...(server.capabilities.retryArchive
          ? {
              onRetryArchive: (n: number) =>
                void (async () => {
                  doc.setNote(m.versions.archiveRetried);
                  await api.retryArchive(meetingId, n);
                  // Archiving runs on the server: wait (a while) until it has ended, then show the result.
                  for (let i = 0; i < ARCHIVE_POLLS && (await api.minutesVersion(meetingId, n)).archive === 'pending'; i++) {
                    await new Promise((resolve) => window.setTimeout(resolve, ARCHIVE_POLL_MS));
                  }
                  await doc.refetch();
                })().catch((e: unknown) => doc.setProblem(saveProblemOf(e, m.conflictTitle))),
            }
          : {})}
      />
    </>
  );
}

/**
 * The content to send: the attendance and the items only when I changed them from what the
 * server gave me, so a page loaded before the latest check-in does not freeze the attendance.
 */
function changedSections(mine: ApiMinutesContent, loaded: ApiMinutesContent): ApiMinutesContentInput {
  const { attendees, items, ...rest } = mine;
  return {
    ...rest,
    ...(canonical(attendees) !== canonical(loaded.attendees) ? { attendees } : {}),
    ...(canonical(items) !== canonical(loaded.items) ? { items } : {}),
  };
}

const ARCHIVE_POLLS = 30;
const ARCHIVE_POLL_MS = 1000;

/** For a justerare of the version that waits: Justera, or Begär ändring with a comment. */
function JusteringPanel(props: { api: Api; meetingId: string; version: ApiMinutesVersion; myId: string; may: ApiCapabilities; onAnswered: (note: string) => void }): ReactNode {
  const s = useStrings();
  const { api, version } = props;
  const j = s.minutes.justering;
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The server says who answers this version (a justerare in the team now, never its secretary).
  if (!props.may.approve && !props.may.requestChange) return null;
  const approved = version.approvals.some((a) => a.memberId === props.myId);

  const answer = async (body: { approve: true } | { comment: string }, note: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.answerMinutes(props.meetingId, version.number, body);
      props.onAnswered(note);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const request = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (!comment.trim()) return;
    void answer({ comment: comment.trim() }, j.requestedNow);
  };

  return (
    <section className={styles.section} aria-labelledby="minutes-justering" data-minutes-justering>
      <Subtitle1 as="h2" id="minutes-justering" className={styles.h2}>
        {j.title}
      </Subtitle1>
      {approved ? (
        <Body1 as="p" className={styles.p}>
          {j.youApproved}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.p}>
            {j.intro(version.number)}
          </Body1>
          {error !== null && <ProblemBar error={error} />}
          {asking ? (
            <form className={styles.form} onSubmit={request} aria-label={j.requestChange} noValidate>
              <Field label={j.comment} required validationMessage={tried && !comment.trim() ? j.commentRequired : undefined}>
                <Textarea value={comment} maxLength={MINUTES_LIMITS.comment} resize="vertical" onChange={(_e, d) => setComment(d.value)} />
              </Field>
              <div className={styles.toolbar}>
                <Button type="submit" appearance="primary" disabled={busy}>
                  {j.sendRequest}
                </Button>
                <Button type="button" onClick={() => setAsking(false)}>
                  {j.cancel}
                </Button>
              </div>
            </form>
          ) : (
            <div className={styles.toolbar}>
              <Button appearance="primary" disabled={busy} onClick={() => void answer({ approve: true }, j.approvedNow(version.number))}>
                {busy ? j.approving : j.approve}
              </Button>
              <Button disabled={busy} onClick={() => setAsking(true)}>
                {j.requestChange}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
