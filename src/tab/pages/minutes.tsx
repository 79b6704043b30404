import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Subtitle1, Textarea, tokens } from '@fluentui/react-components';
import type { ApiCapabilities, ApiMinutesContent, ApiMinutesContentInput, ApiMinutesVersion, MinutesResponse } from '../../http/api-contract';
import type { Api } from '../api';
import { MINUTES_LIMITS } from '../../domain/minutes-limits';
import { MinutesEditor } from '../components/minutes-editor';
import { MinutesRead, statusText, VersionsList } from '../components/minutes-read';
import { RecoveryColumns, SaveProblemBars, saveProblemOf, type SaveProblem } from '../components/save-problem';
import { Loading, Notice, ProblemBar } from '../components/status';
import { canonical, problemsByField, reapplyMinutes, sameContent, shownFields } from '../minutes-draft';
import { meetingLine, type TabStrings } from '../strings';
import { useLoad, useMembers } from '../use-load';

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

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok' };

/** An invalid save: the problems, and the content the server judged (to find each field by id). */
interface Invalid {
  problem: Extract<SaveProblem, { kind: 'invalid' }>;
  sent: ApiMinutesContent;
  /** A refused save is over once the page holds the server's content again; a refused send is not. */
  from: 'save' | 'send';
}

/**
 * One meeting's minutes: written by the secretary and the chair group with autosave under
 * If-Match, sent for justering, answered by the justerare; read by every member.
 */
export function MinutesView(props: { api: Api; s: TabStrings; meetingId: string; /** The meeting's date and place, when the page does not show them already. */ showMeeting?: boolean }): ReactNode {
  const { api, s, meetingId } = props;
  const m = s.minutes;
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [server, setServer] = useState<MinutesResponse | null>(null);
  const [draft, setDraft] = useState<ApiMinutesContent | null>(null);
  const [saving, setSaving] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [invalid, setInvalid] = useState<Invalid | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** My unsaved edits, kept when someone else saved first: nothing is lost or merged silently. */
  const [recovery, setRecovery] = useState<{ base: ApiMinutesContent; mine: ApiMinutesContent } | null>(null);

  // The autosave reads the latest of these outside React's render.
  const serverRef = useRef(server);
  const draftRef = useRef(draft);
  const inFlight = useRef(false);
  /** The content the server refused (400): not sent again until it changes. */
  const rejected = useRef<string | null>(null);
  serverRef.current = server;
  draftRef.current = draft;

  const [me] = useLoad(() => api.me(), 'me');
  const myId = me.state === 'ok' ? me.data.user.id : null;
  const members = useMembers(api, server?.networkId);

  const take = useCallback((next: MinutesResponse): void => {
    serverRef.current = next;
    draftRef.current = next.content;
    setServer(next);
    setDraft(next.content);
  }, []);

  const fetchMinutes = useCallback(async (): Promise<MinutesResponse | null> => {
    try {
      const next = await api.minutes(meetingId);
      take(next);
      setLoad({ state: 'ok' });
      return next;
    } catch (error) {
      setLoad({ state: 'error', error });
      return null;
    }
  }, [api, meetingId, take]);

  useEffect(() => {
    setLoad({ state: 'loading' });
    void fetchMinutes();
  }, [fetchMinutes]);

  /** Someone else saved first: the latest version comes in, my edits are kept beside it. */
  const onConflict = useCallback(
    async (p: SaveProblem, base: ApiMinutesContent): Promise<void> => {
      const mine = draftRef.current;
      setProblem(p);
      setInvalid(null);
      const latest = await fetchMinutes();
      if (latest && mine && !sameContent(mine, base)) setRecovery({ base, mine });
    },
    [fetchMinutes],
  );

  const failed = useCallback(
    async (error: unknown, sent: ApiMinutesContent, base: ApiMinutesContent, from: Invalid['from']): Promise<void> => {
      const p = saveProblemOf(error, m.conflictTitle);
      if (p.kind === 'conflict') return onConflict(p, base);
      setProblem(p);
      if (p.kind === 'invalid') {
        if (from === 'save') rejected.current = canonical(sent);
        setInvalid({ problem: p, sent, from });
      }
    },
    [m.conflictTitle, onConflict],
  );

  /** Saves the draft when it differs from the server's, one save at a time. */
  const save = useCallback(async (): Promise<void> => {
    const current = serverRef.current;
    const sent = draftRef.current;
    if (!current?.capabilities.editMinutes || !sent || inFlight.current) return;
    if (sameContent(sent, current.content) || rejected.current === canonical(sent)) return;
    inFlight.current = true;
    setSaving(true);
    try {
      const next = await api.saveMinutes(meetingId, changedSections(sent, current.content), current.etag);
      serverRef.current = next;
      setServer(next);
      // Typed on while it saved: the newer text stays and is saved next; else the server's copy.
      if (draftRef.current && sameContent(draftRef.current, sent)) {
        draftRef.current = next.content;
        setDraft(next.content);
      }
      setProblem(null);
      setInvalid(null);
    } catch (error) {
      await failed(error, sent, current.content, 'save');
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }, [api, meetingId, failed]);

  const dirty = !!server && !!draft && !sameContent(draft, server.content);

  // Autosave: shortly after typing stops (each edit restarts the wait), and after a save that
  // was overtaken by more typing.
  useEffect(() => {
    if (!dirty || saving) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, saving, save]);

  // Back to what the server holds after a refused save: nothing is left unsaved, nor refused.
  useEffect(() => {
    if (dirty || invalid?.from !== 'save') return;
    setInvalid(null);
    setProblem(null);
  }, [dirty, invalid]);

  // Leaving the page with edits not yet saved: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const edit = (next: ApiMinutesContent): void => {
    draftRef.current = next;
    setDraft(next);
    setDone(null);
  };

  const send = async (): Promise<void> => {
    if (!server) return;
    setSending(true);
    setDone(null);
    setProblem(null);
    try {
      const next = await api.sendMinutes(meetingId, server.etag);
      take(next);
      const latest = next.versions.at(-1);
      if (latest) setDone(m.sentNow(latest.number));
    } catch (error) {
      await failed(error, server.content, server.content, 'send');
    } finally {
      setSending(false);
    }
  };

  const errors = useMemo(() => (invalid ? problemsByField(invalid.problem.errors, invalid.sent) : new Map<string, string[]>()), [invalid]);
  const errorAt = (key: string): string | undefined => errors.get(key)?.join(' ');

  if (load.state === 'loading') return <Loading label={m.loading} />;
  if (load.state === 'error' || !server || !draft) return <ProblemBar error={load.state === 'error' ? load.error : null} s={s} onRetry={() => void fetchMinutes()} />;

  const saveState = saving ? m.save.saving : problem && problem.kind !== 'conflict' ? m.save.failed : dirty ? m.save.pending : m.save.saved;
  const pending = server.status.kind === 'pending' ? server.versions.find((v) => v.number === (server.status as { version: number }).version) : undefined;

  const editor = server.capabilities.editMinutes ? (
    // Leaving a field saves at once.
    <div className={styles.editor} onBlur={() => void save()} data-minutes-editor>
      <MinutesEditor s={s} content={draft} onChange={edit} members={members} errorAt={errorAt} />
    </div>
  ) : (
    <MinutesRead s={s} content={server.content} idPrefix="minutes" />
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
        s={s}
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
      {pending && myId && <JusteringPanel api={api} s={s} meetingId={meetingId} version={pending} myId={myId} may={server.capabilities} onAnswered={(note) => void fetchMinutes().then(() => setDone(note))} />}
      {recovery ? (
        <RecoveryColumns
          latest={editor}
          scope="minutes"
          texts={m}
          onReapply={() => {
            edit(reapplyMinutes(recovery.base, recovery.mine, draft));
            setRecovery(null);
            setProblem(null);
            setDone(m.reapplied);
          }}
          onDrop={() => {
            setRecovery(null);
            setProblem(null);
          }}
        >
          <MinutesRead s={s} content={recovery.mine} headingLevel={3} idPrefix="mine" />
        </RecoveryColumns>
      ) : (
        editor
      )}
      <VersionsList
        s={s}
        versions={server.versions}
        openDocument={(n, kind) => api.document(meetingId, n, kind)}
        {...(server.capabilities.retryArchive
          ? {
              onRetryArchive: (n: number) =>
                void (async () => {
                  setDone(m.versions.archiveRetried);
                  await api.retryArchive(meetingId, n);
                  // Archiving runs on the server: wait (a while) until it has ended, then show the result.
                  for (let i = 0; i < ARCHIVE_POLLS && (await api.minutesVersion(meetingId, n)).archive === 'pending'; i++) {
                    await new Promise((resolve) => window.setTimeout(resolve, ARCHIVE_POLL_MS));
                  }
                  await fetchMinutes();
                })().catch((e: unknown) => setProblem(saveProblemOf(e, m.conflictTitle))),
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
function JusteringPanel(props: { api: Api; s: TabStrings; meetingId: string; version: ApiMinutesVersion; myId: string; may: ApiCapabilities; onAnswered: (note: string) => void }): ReactNode {
  const { api, s, version } = props;
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
          {error !== null && <ProblemBar error={error} s={s} />}
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
