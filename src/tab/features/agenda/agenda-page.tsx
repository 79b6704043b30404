import { useEffect, useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Subtitle1, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { AgendaResponse, MeetingSummary } from '../../../http/api-contract';
import {
  addItem,
  canMove,
  draftFrom,
  fieldsOf,
  moveItem,
  presenterName,
  reapply,
  removeItem,
  sameDraft,
  schedule,
  toSaveRequest,
  updateItem,
  type DraftItem,
} from './agenda-draft';
import type { Api } from '../../api';
import { AgendaItemForm } from './agenda-item-form';
import { ProposalsSection } from '../proposals/proposals';
import { RecoveryColumns, SaveProblemBars } from '../../shared/save-problem';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { useSharedStyles } from '../../shared/styles';
import { useMembers } from '../../shared/use-load';
import { useVersionedDraft } from '../../shared/use-versioned-draft';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h2: { margin: '0' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '60em' },
  item: {
    display: 'grid',
    gridTemplateColumns: '8em 1fr',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  time: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: '0' },
  h3: { margin: '0' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  description: { margin: '0', whiteSpace: 'pre-wrap' },
  itemError: { color: tokens.colorPaletteRedForeground1, margin: '0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  p: { margin: '0' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '60em',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  previewList: { margin: '0', paddingInlineStart: '0', listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  previewItem: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** One meeting's agenda: read by members, edited and published by the chair group. */
export function AgendaView(props: { api: Api; meetingId: string; meeting: MeetingSummary | undefined }): ReactNode {
  const s = useStrings();
  const { api, meetingId, meeting } = props;
  const a = s.agenda;
  const styles = useStyles();
  const shared = useSharedStyles();
  const [editing, setEditing] = useState<string | null>(null);
  /** An accepted proposal ("Acceptera och publicera") whose schedule the chair sees before publishing. */
  const [preview, setPreview] = useState<string | null>(null);
  const doc = useVersionedDraft<AgendaResponse, DraftItem[]>(
    {
      load: () => api.agenda(meetingId),
      save: (items, agenda) => api.saveAgenda(meetingId, toSaveRequest(items), agenda.etag),
      draftOf: (agenda) => draftFrom(agenda.items),
      same: sameDraft,
      merge: reapply,
      conflictFallback: a.conflictTitle,
    },
    meetingId,
  );
  const { server: agenda, busy, problem, recovery, note: done, dirty } = doc;
  const draft = doc.draft ?? [];

  /** The network's members, whom the item form offers as presenters. */
  const presenters = useMembers(api, meeting?.networkId);

  // A version from the server closes the item being edited.
  useEffect(() => setEditing(null), [agenda]);

  const save = async (): Promise<void> => {
    if (await doc.save()) doc.setNote(a.saved);
  };

  const publish = async (): Promise<void> => {
    setPreview(null);
    const next = await doc.act('publish', (current) => api.publishAgenda(meetingId, current.etag), { invalidAsError: true });
    if (next) doc.setNote(a.publishedNow(next.version));
  };

  const edit = doc.edit;

  /** The item last moved with its buttons: its button keeps the focus, so the keyboard can move it on. */
  const [moved, setMoved] = useState<{ key: string; delta: -1 | 1 } | null>(null);
  const move = (index: number, key: string, delta: -1 | 1): void => {
    edit(moveItem(draft, index, delta));
    setMoved({ key, delta });
  };
  useEffect(() => {
    if (preview && agenda?.items.some((i) => i.id === preview)) document.getElementById('agenda-preview')?.focus();
  }, [preview, agenda]);
  useEffect(() => {
    if (!moved) return;
    const li = document.querySelector(`li[data-item-key="${CSS.escape(moved.key)}"]`);
    const button = li?.querySelector<HTMLButtonElement>(`button[data-move="${moved.delta}"]:not(:disabled)`) ?? li?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)');
    button?.focus();
    setMoved(null);
  }, [moved]);

  if (doc.load.state === 'loading') return <Loading label={a.loading} />;
  if (doc.load.state === 'error' || !agenda) return <ProblemBar error={doc.load.state === 'error' ? doc.load.error : null} onRetry={() => void doc.refetch()} />;

  const start = agenda.items[0]?.start ?? meeting?.start ?? '';
  const planned = schedule(draft, start, meeting?.end ?? null);
  const overrunMin = dirty && meeting ? planned.overrunMin : agenda.overrunMin;
  const errorsAt = new Map<string, string[]>();
  const topErrors: string[] = [];
  if (problem?.kind === 'invalid') {
    for (const e of problem.errors) {
      if (e.itemId && draft.some((i) => i.id === e.itemId)) errorsAt.set(e.itemId, [...(errorsAt.get(e.itemId) ?? []), e.detail]);
      else topErrors.push(e.detail);
    }
  }

  const items = (list: readonly DraftItem[], editable: boolean, label: string): ReactNode => {
    const times = schedule(list, start, meeting?.end ?? null).times;
    return (
      <ol className={styles.list} aria-label={label}>
        {list.map((item, n) => {
          const t = times[n];
          const who = presenterName(item.presenter);
          const errs = (item.id && errorsAt.get(item.id)) || [];
          return (
            <li key={item.key} className={styles.item} data-agenda-item={item.title} data-item-id={item.id ?? ''} data-item-key={item.key}>
              <Text className={styles.time} data-item-time>
                {t ? `${t.start}–${t.end}` : ''}
              </Text>
              <div className={styles.body}>
                <Subtitle2 as="h3" className={styles.h3}>
                  {n + 1}. {item.title}
                </Subtitle2>
                <div className={styles.meta}>
                  <Badge appearance="tint" color={item.kind === 'beslut' ? 'important' : item.kind === 'diskussion' ? 'brand' : 'informative'}>
                    {a.kind[item.kind]}
                  </Badge>
                  <Caption1>{a.minutes(item.durationMin)}</Caption1>
                  {who && <Caption1>{a.presenter(who)}</Caption1>}
                  {item.standard && <Caption1>{a.standard}</Caption1>}
                  {item.frame && <Caption1>{a.fromTemplate}</Caption1>}
                </div>
                {item.description && (
                  <Body1 as="p" className={styles.description}>
                    {item.description}
                  </Body1>
                )}
                {item.standard === 'previous-minutes' && agenda && agenda.openActions.length > 0 && (
                  <div data-open-actions>
                    <Caption1 as="h4" className={styles.h3}>
                      {a.openActions}
                    </Caption1>
                    <ul className={styles.description}>
                      {agenda.openActions.map((x) => (
                        <li key={x.id}>
                          <Text weight="semibold">{x.text}</Text> — {a.openAction(x.owner, x.due, x.meetingDate)}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {errs.map((e) => (
                  <Body1 as="p" key={e} className={styles.itemError} role="alert">
                    {e}
                  </Body1>
                ))}
                {editable && editing === item.key && (
                  <AgendaItemForm
                    label={a.editTitle(item.title)}
                    initial={fieldsOf(item)}
                    members={presenters}
                    submitLabel={a.update}
                    onSubmit={(f) => {
                      edit(updateItem(draft, item.key, f));
                      setEditing(null);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                )}
                {editable && editing !== item.key && (
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => setEditing(item.key)}>
                      {a.edit}
                      <span className={shared.visuallyHidden}>: {item.title}</span>
                    </Button>
                    {!item.standard && !item.frame && (
                      <>
                        <Button size="small" data-move="-1" disabled={!canMove(draft, n, -1)} onClick={() => move(n, item.key, -1)}>
                          {a.moveUp}
                          <span className={shared.visuallyHidden}>: {item.title}</span>
                        </Button>
                        <Button size="small" data-move="1" disabled={!canMove(draft, n, 1)} onClick={() => move(n, item.key, 1)}>
                          {a.moveDown}
                          <span className={shared.visuallyHidden}>: {item.title}</span>
                        </Button>
                        <Button size="small" onClick={() => edit(removeItem(draft, item.key))}>
                          {a.remove}
                          <span className={shared.visuallyHidden}>: {item.title}</span>
                        </Button>
                      </>
                    )}
                    {item.frame && (
                      <Button size="small" onClick={() => edit(removeItem(draft, item.key))}>
                        {a.remove}
                        <span className={shared.visuallyHidden}>: {item.title}</span>
                      </Button>
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    );
  };

  const agendaSection = (
    <section className={styles.section} aria-labelledby="agenda-items">
      <Subtitle1 as="h2" id="agenda-items" className={styles.h2}>
        {a.itemsLabel}
      </Subtitle1>
      {items(draft, agenda.capabilities.editAgenda, a.itemsLabel)}
    </section>
  );

  return (
    <>
      <Body1 as="p" className={styles.p} data-agenda-status>
        {a.statusLabel}: {a.status(agenda.status, agenda.version)}
        {dirty && ` · ${a.unsaved}`}
      </Body1>
      {!agenda.capabilities.editAgenda && <Notice intent="info">{a.readOnly}</Notice>}
      {overrunMin > 0 && <Notice intent="warning">{a.overrun(overrunMin)}</Notice>}
      {done && (
        <MessageBar intent="success" data-agenda-done>
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {preview && agenda.items.some((i) => i.id === preview) && (
        <section className={styles.preview} aria-labelledby="agenda-preview" data-agenda-preview>
          <Subtitle1 as="h2" id="agenda-preview" className={styles.h2} tabIndex={-1}>
            {a.preview.title}
          </Subtitle1>
          <Body1 as="p" className={styles.p}>
            {a.preview.intro}
          </Body1>
          <ol className={styles.previewList}>
            {agenda.items.map((item) => (
              <li key={item.id} className={styles.previewItem} {...(item.id === preview ? { 'data-new-item': true } : {})}>
                <Text className={styles.time}>{item.start && `${item.start}–${item.end}`}</Text>
                <Text weight={item.id === preview ? 'semibold' : 'regular'}>
                  {item.number}. {item.title}
                </Text>
                {item.id === preview && (
                  <Badge appearance="filled" color="brand">
                    {a.preview.newItem}
                  </Badge>
                )}
              </li>
            ))}
          </ol>
          <div className={styles.toolbar}>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void publish()}>
              {busy === 'publish' ? a.publishing : a.preview.publish}
            </Button>
            <Button onClick={() => setPreview(null)}>{a.preview.later}</Button>
          </div>
        </section>
      )}
      <SaveProblemBars
        problem={problem}
        unplaced={topErrors}
        scope="agenda"
        texts={a}
        conflictAction={{ label: a.reload, onClick: () => void doc.takeLatest(null) }}
      />
      {agenda.capabilities.editAgenda && (
        <div className={styles.toolbar}>
          <Button appearance="primary" disabled={!dirty || busy !== null} onClick={() => void save()}>
            {busy === 'save' ? a.saving : a.save}
          </Button>
          <Button disabled={dirty || busy !== null} onClick={() => void publish()}>
            {busy === 'publish' ? a.publishing : a.publish}
          </Button>
          {dirty && (
            <Button appearance="subtle" onClick={doc.discard}>
              {a.discard}
            </Button>
          )}
          {dirty && <Caption1>{a.publishNeedsSave}</Caption1>}
        </div>
      )}
      {recovery ? (
        <RecoveryColumns
          latest={agendaSection}
          scope="agenda"
          texts={a}
          onReapply={() => doc.reapply(a.reapplied)}
          onDrop={doc.drop}
        >
          {items(recovery.mine, false, a.yourEditsTitle)}
        </RecoveryColumns>
      ) : (
        agendaSection
      )}
      {agenda.capabilities.editAgenda && (
        <section className={styles.section} aria-labelledby="agenda-add">
          <Subtitle1 as="h2" id="agenda-add" className={styles.h2}>
            {a.addTitle}
          </Subtitle1>
          <AgendaItemForm label={a.addTitle} submitLabel={a.add} members={presenters} onSubmit={(f) => edit(addItem(draft, f))} />
        </section>
      )}
      <ProposalsSection
        api={api}
        meetingId={meetingId}
        canDecide={agenda.capabilities.decideProposal}
        onAccepted={(proposalId, andPublish) => {
          void doc.takeLatest(dirty ? a.proposals.editsKept : a.proposals.acceptedNow);
          setPreview(andPublish ? proposalId : null);
        }}
      />
    </>
  );
}
