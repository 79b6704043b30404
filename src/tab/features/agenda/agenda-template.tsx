import { useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { AgendaTemplateResponse } from '../../../http/api-contract';
import {
  addTemplateItem,
  canMoveTemplateItem,
  moveTemplateItem,
  reapplyTemplate,
  removeTemplateItem,
  sameTemplate,
  templateDraftFrom,
  templateSaveRequest,
  updateTemplateItem,
  type TemplateDraft,
  type TemplateDraftItem,
  type TemplatePart,
} from './agenda-template-draft';
import type { Api } from '../../api';
import { longDate } from '../../strings';
import { AgendaItemForm } from './agenda-item-form';
import { RecoveryColumns, SaveProblemBars } from '../../shared/save-problem';
import { Section } from '../../shared/section';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { useSharedStyles } from '../../shared/styles';
import { useVersionedDraft } from '../../shared/use-versioned-draft';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: '0',
  },
  topics: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  h3: { margin: '0' },
  h4: { margin: '0', overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1, margin: '0' },
  p: { margin: '0' },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: '0' },
});

/** "Dagordningsmall": the items every new agenda of the network starts with; read by members, edited by the chair group. */
export function AgendaTemplateSection(props: { api: Api; networkId: string }): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const t = s.agendaTemplate;
  const a = s.agenda;
  const styles = useStyles();
  const shared = useSharedStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const [part, setPart] = useState<TemplatePart>('opening');
  const doc = useVersionedDraft<AgendaTemplateResponse, TemplateDraft>(
    {
      load: () => api.agendaTemplate(networkId),
      save: (draft, template) => api.saveAgendaTemplate(networkId, templateSaveRequest(draft), template.etag),
      draftOf: templateDraftFrom,
      same: sameTemplate,
      merge: reapplyTemplate,
      conflictFallback: t.conflict,
    },
    networkId,
  );
  const { server: template, busy, problem, recovery, note: done, dirty, edit } = doc;
  const draft = doc.draft ?? { opening: [], closing: [] };
  const texts = { ...a, conflictTitle: t.conflictTitle, problemsTitle: t.problemsTitle, yourEditsIntro: t.yourEditsIntro };

  if (doc.load.state === 'loading') return <Loading label={t.loading} />;
  if (doc.load.state === 'error' || !template) return <ProblemBar error={doc.load.state === 'error' ? doc.load.error : null} onRetry={() => void doc.refetch()} />;
  const canEdit = template.capabilities.editAgendaTemplate;

  const save = async (): Promise<void> => {
    setEditing(null);
    if (await doc.save()) doc.setNote(t.saved);
  };

  const errorsAt = new Map<string, string[]>();
  const unplaced: string[] = [];
  if (problem?.kind === 'invalid') {
    for (const e of problem.errors) {
      if (e.itemId) errorsAt.set(e.itemId, [...(errorsAt.get(e.itemId) ?? []), e.detail]);
      else unplaced.push(e.detail);
    }
  }

  const row = (item: TemplateDraftItem, p: TemplatePart, n: number, editable: boolean): ReactNode => (
    <li key={item.key} className={styles.item} data-template-item={item.title}>
      <Subtitle2 as="h4" className={styles.h4}>
        {item.title}
      </Subtitle2>
      <div className={styles.meta}>
        <Badge appearance="tint" color={item.kind === 'beslut' ? 'important' : item.kind === 'diskussion' ? 'brand' : 'informative'}>
          {a.kind[item.kind]}
        </Badge>
        <Caption1>{a.minutes(item.durationMin)}</Caption1>
        {item.standard && <Caption1>{a.standard}</Caption1>}
      </div>
      {item.description && <Body1 as="p" className={styles.p}>{item.description}</Body1>}
      {((item.id && errorsAt.get(item.id)) || []).map((e) => (
        <Body1 as="p" key={e} className={styles.error} role="alert">
          {e}
        </Body1>
      ))}
      {editable && editing === item.key && (
        <AgendaItemForm
          label={a.editTitle(item.title)}
          initial={{ title: item.title, kind: item.kind, durationMin: item.durationMin, description: item.description }}
          noPresenter
          submitLabel={a.update}
          onSubmit={(f) => {
            edit(updateTemplateItem(draft, item.key, f));
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
          {!item.standard && (
            <>
              <Button size="small" disabled={!canMoveTemplateItem(draft, p, n, -1)} onClick={() => edit(moveTemplateItem(draft, p, n, -1))}>
                {a.moveUp}
                <span className={shared.visuallyHidden}>: {item.title}</span>
              </Button>
              <Button size="small" disabled={!canMoveTemplateItem(draft, p, n, 1)} onClick={() => edit(moveTemplateItem(draft, p, n, 1))}>
                {a.moveDown}
                <span className={shared.visuallyHidden}>: {item.title}</span>
              </Button>
              <Button size="small" onClick={() => edit(removeTemplateItem(draft, item.key))}>
                {a.remove}
                <span className={shared.visuallyHidden}>: {item.title}</span>
              </Button>
            </>
          )}
        </div>
      )}
    </li>
  );

  /** One part of a template: the draft on the page (editable), or my kept edits beside it after a conflict (`mine`, read only). */
  const list = (d: TemplateDraft, p: TemplatePart, mine: boolean): ReactNode => {
    const id = mine ? `template-mine-${p}` : `template-${p}`;
    return (
      <>
        <Subtitle2 as="h3" id={id} className={styles.h3}>
          {p === 'opening' ? t.opening : t.closing}
        </Subtitle2>
        <ol className={styles.list} aria-labelledby={id} {...(mine ? { 'data-template-mine-part': p } : { 'data-template-part': p })}>
          {d[p].map((item, n) => row(item, p, n, canEdit && !mine))}
        </ol>
      </>
    );
  };
  const parts = (d: TemplateDraft, mine: boolean): ReactNode => (
    <>
      {list(d, 'opening', mine)}
      <Text className={styles.topics}>{t.topics}</Text>
      {list(d, 'closing', mine)}
    </>
  );

  return (
    <Section id="agenda-template" title={t.title} intro={t.intro} data-agenda-template>
      <Caption1>{template.isDefault ? t.isDefault : template.updatedBy && template.updatedAt ? t.updated(template.updatedBy, longDate(template.updatedAt.slice(0, 10), s)) : ''}</Caption1>
      {!canEdit && <Notice intent="info">{t.readOnly}</Notice>}
      {done && (
        <MessageBar intent="success" data-template-done>
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <SaveProblemBars
        problem={problem}
        unplaced={unplaced}
        scope="template"
        texts={texts}
        conflictAction={{ label: t.reload, onClick: () => void doc.takeLatest(null) }}
      />
      {recovery ? (
        <RecoveryColumns latest={<div className={styles.part}>{parts(draft, false)}</div>} scope="template" texts={texts} onReapply={() => doc.reapply(a.reapplied)} onDrop={doc.drop}>
          {parts(recovery.mine, true)}
        </RecoveryColumns>
      ) : (
        parts(draft, false)
      )}
      {canEdit && (
        <>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!dirty || busy !== null} onClick={() => void save()}>
              {busy === 'save' ? t.saving : t.save}
            </Button>
            {dirty && (
              <Button appearance="subtle" onClick={doc.discard}>
                {t.discard}
              </Button>
            )}
          </div>
          <Subtitle2 as="h3" className={styles.h3}>
            {t.addTitle}
          </Subtitle2>
          <AgendaItemForm
            label={t.addTitle}
            submitLabel={t.add}
            noPresenter
            extra={
              <Field label={t.part}>
                <Select value={part} onChange={(_e, d) => setPart(d.value === 'closing' ? 'closing' : 'opening')}>
                  <option value="opening">{t.opening}</option>
                  <option value="closing">{t.closing}</option>
                </Select>
              </Field>
            }
            onSubmit={(f) => edit(addTemplateItem(draft, part, f))}
          />
        </>
      )}
    </Section>
  );
}
