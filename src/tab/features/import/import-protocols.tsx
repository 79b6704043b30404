import { useId, useRef, useState, type ReactNode } from 'react';
import { Badge, Body1, Button, Caption1, Field, Input, Label, makeStyles, Select, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import type { ImportFileReading } from '../../../http/api-contract';
import { INTERCHANGE_ATTENDANCE, type InterchangeAttendee, type InterchangeItem, type ProtokollDocument, type ReviewMark } from '../../../domain/import/protokoll';
import { yearOfPeriod } from '../../../domain/import/dates';
import { IMPORT_FILE_MAX_BYTES } from '../../../contract/routes';
import { useStrings } from '../../shared/strings-context';
import { Section } from '../../shared/section';
import { Notice, ProblemBar } from '../../shared/status';
import { base64Of, type ImportApi, type UploadFile } from './api';
import { fieldLabel, highlightSegments, marksAt, removedAt, reviewedAt, type MarksChange } from './review';
import { importStrings, type ImportTabStrings } from './strings';

type Reading = Extract<ImportFileReading, { ok: true }>;

/** One chosen file on its way: being read, not readable, or read and under review. */
type Entry =
  | { key: string; file: UploadFile; state: 'reading' }
  | { key: string; file: UploadFile | null; name: string; state: 'failed'; message: string }
  | { key: string; file: UploadFile; state: 'review'; reading: Reading; doc: ProtokollDocument; saving: boolean; saved?: 'created' | 'before'; error?: unknown };

const useStyles = makeStyles({
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20em, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  original: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    maxHeight: '40em',
    overflowY: 'auto',
    margin: '0',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: '2fr 2fr 1.5fr 1.5fr auto', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalS, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  marks: { margin: '0', paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  flagged: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

let counter = 0;

/**
 * "Importera protokoll", for the chair group: choose files; each is read on the server and shown
 * with its original text beside what was read, the uncertain parts marked; the secretary corrects
 * the fields and saves it as importerat (`onSaved` then, so the archive list shows it).
 */
export function ImportProtocols(props: { api: ImportApi; networkId: string; onSaved: () => void }): ReactNode {
  const s = useStrings();
  const t = importStrings[s.lang];
  const inputId = useId();
  const styles = useStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const update = (key: string, change: (e: Entry) => Entry): void => setEntries((list) => list.map((e) => (e.key === key ? change(e) : e)));

  const choose = async (files: readonly File[]): Promise<void> => {
    for (const f of files) {
      const key = `f${++counter}`;
      if (f.size > IMPORT_FILE_MAX_BYTES) {
        setEntries((list) => [...list, { key, file: null, name: f.name, state: 'failed', message: t.tooLarge(f.name) }]);
        continue;
      }
      const file = { name: f.name, content: await base64Of(f) };
      setEntries((list) => [...list, { key, file, state: 'reading' }]);
      // One file a request: each answers as soon as it is read, and no request grows past the limit.
      try {
        const [reading] = (await props.api.readImports(props.networkId, [file])).files;
        if (!reading) throw new Error('no answer');
        update(key, () =>
          reading.ok
            ? { key, file, state: 'review', reading, doc: reading.document, saving: false }
            : { key, file, name: file.name, state: 'failed', message: s.lang === 'en' ? reading.error.messageEn : reading.error.message },
        );
      } catch (error) {
        update(key, () => ({ key, file, name: file.name, state: 'failed', message: error instanceof Error ? error.message : String(error) }));
      }
    }
    if (inputRef.current) inputRef.current.value = '';
  };

  const save = async (entry: Extract<Entry, { state: 'review' }>): Promise<void> => {
    update(entry.key, (e) => (e.state === 'review' ? { ...e, saving: true, error: undefined } : e));
    try {
      // A decision left empty in the field is no decision.
      const doc = { ...entry.doc, items: entry.doc.items.map((it) => ({ ...it, decisions: it.decisions.map((d) => d.trim()).filter((d) => d !== '') })) };
      const answer = await props.api.saveImport(props.networkId, doc, entry.file);
      update(entry.key, (e) => (e.state === 'review' ? { ...e, saving: false, saved: answer.created ? 'created' : 'before' } : e));
      props.onSaved();
    } catch (error) {
      update(entry.key, (e) => (e.state === 'review' ? { ...e, saving: false, error } : e));
    }
  };

  return (
    <Section id="import-protocols" title={t.title} intro={t.intro} data-import-protocols>
      <div className={styles.form}>
        <Label htmlFor={inputId} weight="semibold">
          {t.choose}
        </Label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          multiple
          aria-describedby={`${inputId}-hint`}
          accept=".docx,.pdf,.txt,.json,application/pdf,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          data-import-files
          onChange={(e) => void choose(Array.from(e.currentTarget.files ?? []))}
        />
        <Caption1 id={`${inputId}-hint`}>{t.accepted}</Caption1>
      </div>
      {entries.map((entry) => (
        <ImportEntry
          key={entry.key}
          entry={entry}
          t={t}
          onChange={(doc) => update(entry.key, (e) => (e.state === 'review' ? { ...e, doc, saved: undefined } : e))}
          onSave={() => entry.state === 'review' && void save(entry)}
          onRemove={() => setEntries((list) => list.filter((e) => e.key !== entry.key))}
        />
      ))}
    </Section>
  );
}

function ImportEntry(props: { entry: Entry; t: ImportTabStrings; onChange: (doc: ProtokollDocument) => void; onSave: () => void; onRemove: () => void }): ReactNode {
  const { entry, t } = props;
  const styles = useStyles();
  const name = entry.state === 'failed' ? entry.name : entry.file.name;
  return (
    <div className={styles.file} data-import-file={name} data-import-state={entry.state}>
      <Subtitle2 as="h3">{name}</Subtitle2>
      {entry.state === 'reading' && <Body1 role="status">{t.reading(name)}</Body1>}
      {entry.state === 'failed' && (
        <Notice intent="warning" title={t.notRead(name)}>
          <span data-import-error>{entry.message}</span>
        </Notice>
      )}
      {entry.state === 'review' && <Review entry={entry} t={t} onChange={props.onChange} onSave={props.onSave} />}
      <div>
        <Button size="small" onClick={props.onRemove}>
          {t.remove}
        </Button>
      </div>
    </div>
  );
}

function Review(props: { entry: Extract<Entry, { state: 'review' }>; t: ImportTabStrings; onChange: (doc: ProtokollDocument) => void; onSave: () => void }): ReactNode {
  const { entry, t } = props;
  const styles = useStyles();
  const { doc } = entry;
  const marks = doc.review ?? [];
  /** A change of the document; the field changed is reviewed (its marks go, see review.ts). */
  const set = (change: Partial<ProtokollDocument>, reviewed: MarksChange): void => props.onChange({ ...doc, ...change, review: reviewed(marks) });
  const dated = !!doc.date || yearOfPeriod(doc.approximateDate) !== undefined;
  return (
    <>
      <div className={styles.columns}>
        <div>
          <Subtitle2 as="h4">{t.original}</Subtitle2>
          <Caption1 as="p">{t.originalHint}</Caption1>
          <pre className={styles.original} data-import-original tabIndex={0}>
            {highlightSegments(entry.reading.text, entry.reading.document.review ?? []).map((seg, i) =>
              seg.mark ? (
                <mark key={i} className={styles.mark} title={seg.mark.message} data-mark-path={seg.mark.path}>
                  {seg.text}
                </mark>
              ) : (
                <span key={i}>{seg.text}</span>
              ),
            )}
          </pre>
        </div>
        <div className={styles.form}>
          <Subtitle2 as="h4">{t.read}</Subtitle2>
          <ReviewMarks marks={marks} t={t} />
          <Field label={t.fields.title} {...flag(marksAt(marks, '/title'))}>
            <Input value={doc.title} onChange={(_, d) => set({ title: d.value }, reviewedAt('/title'))} data-field="title" />
          </Field>
          <Field label={t.fields.date} {...flag(marksAt(marks, '/date'))}>
            <Input type="date" value={doc.date ?? ''} onChange={(_, d) => set(d.value ? { date: d.value } : { date: undefined }, reviewedAt('/date'))} data-field="date" />
          </Field>
          <Field label={t.fields.approximateDate} hint={t.fields.approximateHint} {...flag(marksAt(marks, '/approximateDate'))}>
            <Input value={doc.approximateDate ?? ''} onChange={(_, d) => set(d.value ? { approximateDate: d.value } : { approximateDate: undefined }, reviewedAt('/approximateDate'))} data-field="approximateDate" />
          </Field>
          <Field label={t.fields.place} {...flag(marksAt(marks, '/place'))}>
            <Input value={doc.place ?? ''} onChange={(_, d) => set(d.value ? { place: d.value } : { place: undefined }, reviewedAt('/place'))} data-field="place" />
          </Field>
          <Attendees attendees={doc.attendees} marks={marks} t={t} onChange={(attendees, reviewed) => set({ attendees }, reviewed)} />
          <Items items={doc.items} marks={marks} t={t} onChange={(items, reviewed) => set({ items }, reviewed)} />
          {!dated && <Notice intent="warning">{t.dateNeeded}</Notice>}
          {entry.error !== undefined && <ProblemBar error={entry.error} />}
          {entry.saved && (
            <Body1 role="status" data-import-saved={entry.saved}>
              {entry.saved === 'created' ? t.saved(entry.file.name) : t.savedBefore(entry.file.name)}
            </Body1>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!dated || entry.saving || !!entry.saved} onClick={props.onSave} data-import-save>
              {entry.saving ? t.saving : t.save}
            </Button>
            <Badge appearance="outline">{t.importedNote}</Badge>
          </div>
        </div>
      </div>
    </>
  );
}

/** A field's review marks, as Fluent's warning message under it. */
function flag(marks: readonly ReviewMark[]): { validationState?: 'warning'; validationMessage?: string } {
  return marks.length > 0 ? { validationState: 'warning', validationMessage: marks.map((m) => m.message).join(' ') } : {};
}

function ReviewMarks(props: { marks: readonly ReviewMark[]; t: ImportTabStrings }): ReactNode {
  const { marks, t } = props;
  const styles = useStyles();
  if (marks.length === 0) return <Caption1 as="p">{t.review.none}</Caption1>;
  return (
    <details open data-review-marks={marks.length}>
      <summary>{t.review.title(marks.length)}</summary>
      <ul className={styles.marks}>
        {marks.map((m, i) => (
          <li key={i} data-review-path={m.path}>
            <Caption1>
              <strong>{t.review.at(fieldLabel(m.path, t))}:</strong> {m.message}
              {m.original ? ` ${t.review.from(m.original)}` : ''}
            </Caption1>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Attendees(props: { attendees: InterchangeAttendee[]; marks: readonly ReviewMark[]; t: ImportTabStrings; onChange: (a: InterchangeAttendee[], reviewed: MarksChange) => void }): ReactNode {
  const { attendees, marks, t } = props;
  const styles = useStyles();
  const setAt = (i: number, change: Partial<InterchangeAttendee>): void =>
    props.onChange(
      attendees.map((a, j) => (j === i ? { ...a, ...change } : a)),
      reviewedAt(`/attendees/${i}/${Object.keys(change)[0] ?? ''}`),
    );
  return (
    <fieldset data-attendees>
      <legend>{t.fields.attendees}</legend>
      {attendees.map((a, i) => {
        const here = marksAt(marks, `/attendees/${i}`);
        return (
          <div key={i} className={styles.row} data-attendee={i}>
            <Field label={t.fields.name} {...flag(marksAt(marks, `/attendees/${i}/name`))}>
              <Input value={a.name} onChange={(_, d) => setAt(i, { name: d.value })} />
            </Field>
            <Field label={t.fields.organisation} {...flag(marksAt(marks, `/attendees/${i}/organisation`))}>
              <Input value={a.organisation ?? ''} onChange={(_, d) => setAt(i, { organisation: d.value })} />
            </Field>
            <Field label={t.fields.role} {...flag(marksAt(marks, `/attendees/${i}/role`))}>
              <Input value={a.role ?? ''} onChange={(_, d) => setAt(i, d.value ? { role: d.value } : { role: undefined })} />
            </Field>
            <Field label={t.fields.attendance}>
              <Select value={a.attendance} onChange={(_, d) => setAt(i, { attendance: d.value as InterchangeAttendee['attendance'] })}>
                {INTERCHANGE_ATTENDANCE.map((v) => (
                  <option key={v} value={v}>
                    {t.attendance[v]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button aria-label={t.fields.remove(a.name)} onClick={() => props.onChange(attendees.filter((_, j) => j !== i), removedAt('/attendees', i))} className={here.length > 0 ? styles.flagged : undefined}>
              ✕
            </Button>
          </div>
        );
      })}
      <Button size="small" onClick={() => props.onChange([...attendees, { name: '', organisation: '', attendance: 'present' }], (m) => [...m])}>
        {t.fields.addAttendee}
      </Button>
    </fieldset>
  );
}

function Items(props: { items: InterchangeItem[]; marks: readonly ReviewMark[]; t: ImportTabStrings; onChange: (items: InterchangeItem[], reviewed: MarksChange) => void }): ReactNode {
  const { items, marks, t } = props;
  const styles = useStyles();
  const setAt = (i: number, change: Partial<InterchangeItem>): void =>
    props.onChange(
      items.map((it, j) => (j === i ? { ...it, ...change } : it)),
      reviewedAt(`/items/${i}/${Object.keys(change)[0] ?? ''}`),
    );
  return (
    <fieldset data-items>
      <legend>{t.fields.items}</legend>
      {items.map((item, i) => {
        const label = item.number ?? String(i + 1);
        return (
          <div key={i} className={styles.item} data-item={i}>
            <Field label={t.fields.itemTitle(label)} {...flag(marksAt(marks, `/items/${i}/title`))}>
              <Input value={item.title} onChange={(_, d) => setAt(i, { title: d.value })} />
            </Field>
            <Field label={t.fields.body} {...flag(marksAt(marks, `/items/${i}/body`))}>
              <Textarea value={item.body} resize="vertical" rows={4} onChange={(_, d) => setAt(i, { body: d.value })} />
            </Field>
            <Field label={t.fields.decisions} hint={t.fields.decisionsHint} {...flag(marksAt(marks, `/items/${i}/decisions`))}>
              <Textarea
                value={item.decisions.join('\n')}
                resize="vertical"
                rows={Math.max(2, item.decisions.length)}
                onChange={(_, d) => setAt(i, { decisions: d.value.split('\n').filter((line, k, all) => line.trim() !== '' || k < all.length - 1) })}
              />
            </Field>
          </div>
        );
      })}
    </fieldset>
  );
}
