/**
 * bench:justering — rendering the longest real protocol, and the time from the last
 * justerare's Justera (the card action invoke over HTTP) to both documents and their metadata
 * in SharePoint (the Graph emulator), through the real service with ARCHIVE=sharepoint.
 *   npm run bench:justering -- [--runs 7] [--renders 9]
 * Prints figures; the last line is one JSON object.
 */
import fs from 'node:fs';
import { canonicalJson, protocolTitle, type MinutesContent } from '../src/domain/minutes';
import { PdfKitProtocolRenderer } from '../src/render/protocol-renderer';
import { approvedVersion, FIXTURE_PROTOCOLS } from '../test/fixtures/minutes';
import { GraphEmulator, fixedTokenCredential, type EmulatedDocument } from '../test/harness/graph-emulator';
import { Journey, texts, withJusterareAttending } from '../test/harness/journey';
import { eventually } from '../test/harness/service';
import { arg, round } from './figures';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

/** Median of `n` renders after the first; the first is reported on its own. */
async function renderFigures(n: number, render: () => Promise<Uint8Array>): Promise<{ firstMs: number; medianMs: number; bytes: number }> {
  const first = await timed(render);
  const warm: number[] = [];
  for (let i = 0; i < n; i++) warm.push((await timed(render)).ms);
  return { firstMs: first.ms, medianMs: median(warm), bytes: first.value.byteLength };
}

/** When `check` first holds, looked at every millisecond (the harness's `eventually` looks every 25 ms). */
async function firstTime(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return performance.now();
}

/** How many documents the emulator holds per version and format ("…v3.pdf", and any "…v3 1.pdf" a rename would make). */
function documentsPerVersion(documents: EmulatedDocument[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of documents) {
    const m = /^(.* v\d+)(?: \d+)?\.(pdf|docx)$/.exec(d.name);
    const key = m ? `${m[1]}.${m[2]}` : d.name;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function main(): Promise<void> {
  const runs = arg('runs', 7);
  const renders = arg('renders', 9);

  // Rendering: the longest of the real protocols, as an approved version.
  const longest = [...FIXTURE_PROTOCOLS].sort((a, b) => canonicalJson(b.content).length - canonicalJson(a.content).length)[0];
  if (!longest) throw new Error('no fixture protocols');
  const fonts = await timed(async () => new PdfKitProtocolRenderer());
  const renderer = fonts.value;
  const version = approvedVersion(longest.content, longest.approvedAt);
  const pdf = await renderFigures(renders, () => renderer.pdf(version, 'sv'));
  const docx = await renderFigures(renders, () => renderer.docx(version, 'sv'));
  process.stdout.write(
    `render ${longest.source}: PDF first ${round(pdf.firstMs)} ms, median ${round(pdf.medianMs)} ms (${pdf.bytes} bytes); ` +
      `DOCX first ${round(docx.firstMs)} ms, median ${round(docx.medianMs)} ms (${docx.bytes} bytes); fonts ${round(fonts.ms)} ms\n`,
  );

  // Justering through the real service, archiving to SharePoint in the Graph emulator.
  const graph = new GraphEmulator();
  let j: Journey | undefined;
  try {
    await graph.start();
    j = await new Journey().start({
      members: 6,
      env: { ARCHIVE: 'sharepoint', SHAREPOINT_DRIVE_ID: graph.driveId, GRAPH_BASE_URL: graph.baseUrl },
      overrides: { graphCredential: fixedTokenCredential() },
    });
    const journey = j;
    const [SECRETARY, J1, J2] = [1, 2, 3];
    const userAt = (i: number) => {
      const m = journey.members[i];
      if (!m) throw new Error(`no member ${i}`);
      return m;
    };
    const member = (i: number) => ({ kind: 'member' as const, memberId: userAt(i).aadObjectId, name: userAt(i).name });
    await journey.install();
    const { meetingId } = await journey.createMeeting({ date: '2030-02-04' });
    await journey.assignRole(0, 0, 'ordforande');
    await journey.assignRole(0, SECRETARY, 'sekreterare');
    if ((await journey.publishAgenda(0, meetingId)).status !== 200) throw new Error('the agenda was not published');
    const minutesApi = (method: string, p: string, opts: { body?: unknown; ifMatch?: string } = {}) => journey.api(method, `/meetings/${meetingId}/minutes${p}`, SECRETARY, opts);
    const approveAs = async (who: number, number: number): Promise<string> =>
      texts((await journey.click(userAt(who), 'personal-card', { action: 'approveMinutes', meetingId, version: String(number) })).body);

    /** Writes the longest protocol as this meeting's minutes (run `i` marked in the first item), sends it, and returns the new version. */
    const sendVersion = async (i: number): Promise<{ number: number; hash: string; content: MinutesContent }> => {
      const draft = await minutesApi('GET', '');
      const base = draft.body.content as MinutesContent;
      const content: MinutesContent = withJusterareAttending({
        ...base,
        secretary: member(SECRETARY),
        justerare: [member(J1), member(J2)],
        attendees: longest.content.attendees,
        items: longest.content.items.map((item, k) => (k === 0 ? { ...item, notes: `${item.notes}\n(Körning ${i})` } : item)),
        nextMeetings: longest.content.nextMeetings,
        ...(longest.content.nextMeetingNote ? { nextMeetingNote: longest.content.nextMeetingNote } : {}),
      });
      const saved = await minutesApi('PUT', '', { body: { content }, ifMatch: draft.etag });
      if (saved.status !== 200) throw new Error(`minutes not saved: ${saved.status} ${JSON.stringify(saved.body)}`);
      const sent = await minutesApi('POST', '/send', { ifMatch: saved.etag });
      const status = sent.body.status as { kind: string; version: number };
      const hash = (sent.body.versions as { number: number; hash: string }[]).find((v) => v.number === status.version)?.hash;
      if (sent.status !== 200 || status.kind !== 'pending' || !hash) throw new Error(`not sent: ${sent.status} ${JSON.stringify(sent.body.status)}`);
      return { number: status.version, hash, content };
    };

    /** Both documents of the version in the drive, each with its metadata (the hash is the last thing set, with the rest). */
    const archived = (v: { number: number; hash: string; content: MinutesContent }): boolean => {
      const names = ['pdf', 'docx'].map((ext) => `${protocolTitle(v.content)} v${v.number}.${ext}`);
      return names.every((name) => graph.documents().some((d) => d.name === name && d.fields.Innehallshash === v.hash && d.fields.Protokollversion === v.number));
    };

    const approveToArchived: number[] = [];
    const invokeMs: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const v = await sendVersion(i);
      if (!(await approveAs(J1, v.number)).includes('Du har justerat')) throw new Error('the first justerare could not approve');
      const t0 = performance.now();
      // Watched from the click on: the archive worker starts on the approval, not on the invoke's answer.
      const archivedAt = firstTime(() => archived(v), 30_000, `version ${v.number} archived`);
      const reply = await approveAs(J2, v.number);
      const invoked = performance.now() - t0;
      if (!reply.includes('Justerat av')) throw new Error(`the last approval was not acknowledged: ${reply.slice(0, 300)}`);
      const ms = (await archivedAt) - t0;
      // Run 0 warms the service up and is left out.
      if (i > 0) {
        approveToArchived.push(ms);
        invokeMs.push(invoked);
      }
      process.stdout.write(`run ${i}${i === 0 ? ' (warm-up)' : ''}: version ${v.number}, invoke answered in ${round(invoked)} ms, archived with metadata after ${round(ms)} ms\n`);
    }
    // Let the worker finish the last version (minutes card) before counting.
    await eventually(async () => ((await minutesApi('GET', `/versions/${runs + 1}`)).body.archive === 'done' ? true : undefined), 30_000, 'the last version done');

    const counts = documentsPerVersion(graph.documents());
    const perVersion = [...counts.values()];
    const result = {
      fixture: longest.source,
      render_pdf_ms: round(pdf.medianMs),
      render_pdf_first_ms: round(pdf.firstMs),
      render_docx_ms: round(docx.medianMs),
      render_docx_first_ms: round(docx.firstMs),
      renders_per_format: renders,
      pdf_bytes: pdf.bytes,
      docx_bytes: docx.bytes,
      approve_to_archived_ms: round(median(approveToArchived)),
      approve_to_archived_max_ms: round(Math.max(...approveToArchived)),
      approve_invoke_ms: round(median(invokeMs)),
      runs,
      versions_archived: counts.size / 2,
      documents_per_version: Math.max(...perVersion),
      documents_per_version_min: Math.min(...perVersion),
      graph_calls: graph.calls.length,
    };
    process.stdout.write(
      `approve → archived: median ${result.approve_to_archived_ms} ms, max ${result.approve_to_archived_max_ms} ms over ${runs} runs; ` +
        `documents per version and format: ${result.documents_per_version_min}–${result.documents_per_version}\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await j?.stop();
    await graph.stop();
    if (j?.service) fs.rmSync(j.service.dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:justering failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
