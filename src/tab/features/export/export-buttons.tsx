import { useId, useState, type ReactNode } from 'react';
import { Button, Caption1, Spinner } from '@fluentui/react-components';
import { ApiError } from '../../shared/api';
import { useStrings } from '../../shared/strings-context';
import { Section } from '../../shared/section';
import { Notice } from '../../shared/status';
import type { TabStrings } from '../../strings';
import { saveDownload, type Download } from '../../shared/download';
import type { ExportApi } from './api';
import { exportStrings } from './strings';

/** Why a download failed, as a person reads it. */
function problemText(e: unknown, s: TabStrings): string {
  if (e instanceof ApiError) return e.problem?.detail ?? (e.status === 0 ? s.errors.offline : s.errors.unexpected(e.status));
  return s.errors.unexpected(0);
}

/** Runs a download and saves it; says what went wrong. */
function useDownload(): { busy: boolean; problem: string | null; done: string | null; run: (get: () => Promise<Download>) => void } {
  const s = useStrings();
  const t = exportStrings[s.lang];
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = (get: () => Promise<Download>): void => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    get()
      .then((d) => {
        saveDownload(d);
        setDone(d.name);
      })
      .catch((e: unknown) => setProblem(t.failed(problemText(e, s))))
      .finally(() => setBusy(false));
  };
  return { busy, problem, done, run };
}

/** "Exportera" beside a justerat or imported protocol (`version`; nothing without one): its justera-protokoll/1 JSON, downloaded. */
export function ExportProtocolButton(props: { api: ExportApi; meetingId: string; version: number | undefined; title: string }): ReactNode {
  const s = useStrings();
  const t = exportStrings[s.lang];
  const { busy, problem, run } = useDownload();
  const { version } = props;
  if (version === undefined) return null;
  return (
    <span>
      <Button size="small" appearance="subtle" disabled={busy} aria-label={t.protocolFor(props.title)} data-export-protocol={props.meetingId} onClick={() => run(() => props.api.exportProtocol(props.meetingId, version))}>
        {t.protocol}
      </Button>
      {problem && <Caption1 role="alert"> {problem}</Caption1>}
    </span>
  );
}

/** "Exportera arkivet", for the chair group and admins: the network's whole archive as one zip. */
export function ExportArchive(props: { api: ExportApi; networkId: string }): ReactNode {
  const s = useStrings();
  const t = exportStrings[s.lang];
  const id = useId();
  const { busy, problem, done, run } = useDownload();
  return (
    <Section id={`export-${id}`} title={t.archive.title} intro={t.archive.intro} data-export-archive>
      <div>
        <Button appearance="secondary" disabled={busy} onClick={() => run(() => props.api.exportArchive(props.networkId))}>
          {t.archive.button}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t.archive.working} />}
      <div role="status">{done && <Notice intent="info">{t.archive.done(done)}</Notice>}</div>
      {problem && <Caption1 role="alert">{problem}</Caption1>}
    </Section>
  );
}
