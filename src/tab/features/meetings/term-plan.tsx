import { useState, type FormEvent, type ReactNode } from 'react';
import { useStrings } from '../../shared/strings-context';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { TermPlanResponse } from '../../../http/api-contract';
import { TERM_PLAN_TEXT_MAX } from '../../../contract/routes';
import type { Api } from '../../api';
import { capitalise, longDate } from '../../strings';
import { ProblemBar } from '../../shared/status';
import { Section } from '../../shared/section';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '44em', alignItems: 'flex-start' },
  field: { width: '100%' },
  list: { margin: '0', paddingInlineStart: tokens.spacingHorizontalXL },
});

/** A plan id for one submission: a retry of the same text creates nothing new. */
function newPlanId(): string {
  return `tab-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * "Planera terminen", for editors: the term's meetings from the planning text as the networks
 * write it; the created meetings, and what could not be read, in the user's language.
 */
export function TermPlanSection(props: { api: Api; networkId: string; onCreated: () => void }): ReactNode {
  const s = useStrings();
  const { api, networkId } = props;
  const t = s.termPlan;
  const styles = useStyles();
  const [text, setText] = useState('');
  const [planId, setPlanId] = useState(newPlanId);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TermPlanResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTried(true);
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await api.planTerm(networkId, planId, text.trim());
      setResult(answer);
      setPlanId(newPlanId()); // the next text is another plan; a failed call keeps its id for the retry
      if (answer.created.length > 0) {
        setText('');
        setTried(false);
        props.onCreated();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="term-plan" title={t.title} intro={t.intro} data-term-plan>
      <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="term-plan" noValidate>
        <Field className={styles.field} label={t.label} hint={t.hint} required validationMessage={tried && !text.trim() ? t.required : undefined}>
          <Textarea value={text} maxLength={TERM_PLAN_TEXT_MAX} resize="vertical" rows={3} onChange={(_e, d) => setText(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t.submitting : t.submit}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {result && (result.created.length > 0 || result.alreadyPlanned.length === 0) && (
          <MessageBar intent={result.created.length > 0 ? 'success' : 'warning'} layout="multiline" data-term-plan-created>
            <MessageBarBody>
              {result.created.length > 0 ? t.created(result.created.length) : t.createdNone}
              {result.created.length > 0 && <PlannedList label={t.createdLabel} meetings={result.created} />}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.alreadyPlanned.length > 0 && (
          <MessageBar intent="info" layout="multiline" data-term-plan-already>
            <MessageBarBody>
              {t.alreadyPlanned(result.alreadyPlanned.length)}
              <PlannedList label={t.alreadyPlannedLabel} meetings={result.alreadyPlanned} />
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result && <TermPlanProblems title={t.problemsTitle} intent="error" problems={result.problems.filter((p) => p.severity === 'error')} />}
      {result && <TermPlanProblems title={t.warningsTitle} intent="warning" problems={result.problems.filter((p) => p.severity === 'warning')} />}
      {error !== null && <ProblemBar error={error} />}
    </Section>
  );
}

function PlannedList(props: { label: string; meetings: TermPlanResponse['created'] }): ReactNode {
  const s = useStrings();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.meetings.map((m) => (
        <li key={m.id}>
          {[capitalise(longDate(m.date, s)), `${m.start}–${m.end}`, m.place].filter(Boolean).join(', ')}
        </li>
      ))}
    </ul>
  );
}

function TermPlanProblems(props: { title: string; intent: 'error' | 'warning'; problems: TermPlanResponse['problems'] }): ReactNode {
  const styles = useStyles();
  if (props.problems.length === 0) return null;
  return (
    <MessageBar intent={props.intent} layout="multiline" data-term-plan-problems={props.intent}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <ul className={styles.list}>
          {props.problems.map((p, n) => (
            <li key={n}>{p.detail}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
