import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import { Badge, Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { AgendaTemplateResponse } from '../../../http/api-contract';
import {
  addTemplateItem,
  canMoveTemplateItem,
  moveTemplateItem,
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
import { SaveProblemBars, saveProblemOf, type SaveProblem } from '../../shared/save-problem';
import { Section } from '../../shared/section';
import { Loading, Notice, ProblemBar } from '../../shared/status';
import { useSharedStyles } from '../../shared/styles';

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
});

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; template: AgendaTemplateResponse };

/** "Dagordningsmall": the items every new agenda of the network starts with; read by members, edited by the chair group. */
export function AgendaTemplateSection(props: { api: Api; networkId: string }): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const t = s.agendaTemplate;
  const a = s.agenda;
  const styles = useStyles();
  const shared = useSharedStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<TemplateDraft>({ opening: [], closing: [] });
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [part, setPart] = useState<TemplatePart>('opening');

  const take = useCallback((next: AgendaTemplateResponse): void => {
    setLoad({ state: 'ok', template: next });
    setDraft(templateDraftFrom(next));
    setEditing(null);
  }, []);
  const fetchTemplate = useCallback(async (): Promise<void> => {
    try {
      take(await api.agendaTemplate(networkId));
    } catch (error) {
      setLoad({ state: 'error', error });
    }
  }, [api, networkId, take]);
  useEffect(() => {
    void fetchTemplate();
  }, [fetchTemplate]);

  if (load.state === 'loading') return <Loading label={t.loading} />;
  if (load.state === 'error') return <ProblemBar error={load.error} onRetry={() => void fetchTemplate()} />;
  const template = load.template;
  const canEdit = template.capabilities.editAgendaTemplate;
  const base = templateDraftFrom(template);
  const dirty = !sameTemplate(draft, base);

  const edit = (next: TemplateDraft): void => {
    setDraft(next);
    setDone(null);
  };
  const save = async (): Promise<void> => {
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      take(await api.saveAgendaTemplate(networkId, templateSaveRequest(draft), template.etag));
      setDone(t.saved);
    } catch (error) {
      setProblem(saveProblemOf(error, t.conflict));
    } finally {
      setBusy(false);
    }
  };

  const errorsAt = new Map<string, string[]>();
  const unplaced: string[] = [];
  if (problem?.kind === 'invalid') {
    for (const e of problem.errors) {
      if (e.itemId) errorsAt.set(e.itemId, [...(errorsAt.get(e.itemId) ?? []), e.detail]);
      else unplaced.push(e.detail);
    }
  }

  const row = (item: TemplateDraftItem, p: TemplatePart, n: number): ReactNode => (
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
      {canEdit && editing === item.key && (
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
      {canEdit && editing !== item.key && (
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

  const list = (p: TemplatePart): ReactNode => (
    <>
      <Subtitle2 as="h3" id={`template-${p}`} className={styles.h3}>
        {p === 'opening' ? t.opening : t.closing}
      </Subtitle2>
      <ol className={styles.list} aria-labelledby={`template-${p}`} data-template-part={p}>
        {draft[p].map((item, n) => row(item, p, n))}
      </ol>
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
        kept={false}
        texts={{ ...a, problemsTitle: t.problemsTitle }}
        conflictAction={{
          label: t.reload,
          onClick: () => {
            setProblem(null);
            void fetchTemplate();
          },
        }}
      />
      {list('opening')}
      <Text className={styles.topics}>{t.topics}</Text>
      {list('closing')}
      {canEdit && (
        <>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!dirty || busy} onClick={() => void save()}>
              {busy ? t.saving : t.save}
            </Button>
            {dirty && (
              <Button
                appearance="subtle"
                onClick={() => {
                  setDraft(base);
                  setProblem(null);
                }}
              >
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
