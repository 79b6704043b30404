import type { ReactNode } from 'react';
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle1, Body1, tokens } from '@fluentui/react-components';
import type { SaveProblem } from './versioned-draft';
import { ApiError } from './api';
import type { TabStrings } from '../strings';
import { ProblemBar } from './status';

export type { SaveProblem };

/** 412 → conflict, 400 with a problem → invalid (each problem at its field or item), else an error. */
export function saveProblemOf(error: unknown, conflictFallback: string): SaveProblem {
  if (error instanceof ApiError && error.status === 412) return { kind: 'conflict', detail: error.problem?.detail ?? conflictFallback };
  if (error instanceof ApiError && error.status === 400 && error.problem) return { kind: 'invalid', detail: error.problem.detail, errors: error.problem.errors ?? [] };
  return { kind: 'error', error };
}

/** What a page with saves under If-Match says about them (the agenda's and the minutes' strings both have these). */
export type SaveTexts = Pick<TabStrings['agenda'], 'conflictTitle' | 'conflictKept' | 'problemsTitle' | 'yourEditsTitle' | 'yourEditsIntro' | 'reapply' | 'dropMine'>;

/**
 * The page-level bars of a failed save: the conflict (with what happens to my edits, and an
 * optional action), the problems no field shows, or the error. `scope` names the data
 * attributes (`data-<scope>-conflict`, `data-<scope>-invalid`) the tests find them by.
 */
export function SaveProblemBars(props: {
  problem: SaveProblem | null;
  /** For an invalid save: the problems not shown at a field. */
  unplaced: readonly string[];
  texts: SaveTexts;
  scope: string;
  /** Whether to say that my edits are kept (they are, when there were any). */
  kept?: boolean;
  conflictAction?: { label: string; onClick: () => void };
}): ReactNode {
  const { problem, scope, texts } = props;
  if (!problem) return null;
  if (problem.kind === 'conflict') {
    return (
      <MessageBar intent="error" layout="multiline" {...{ [`data-${scope}-conflict`]: true }}>
        <MessageBarBody>
          <MessageBarTitle>{texts.conflictTitle}</MessageBarTitle> {problem.detail} {props.kept === false ? '' : texts.conflictKept}
        </MessageBarBody>
        {props.conflictAction && (
          <MessageBarActions>
            <Button onClick={props.conflictAction.onClick}>{props.conflictAction.label}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  if (problem.kind === 'invalid') {
    const shown = problem.errors.length === 0 ? [problem.detail] : props.unplaced;
    if (shown.length === 0) return null;
    return (
      <MessageBar intent="error" layout="multiline" {...{ [`data-${scope}-invalid`]: true }}>
        <MessageBarBody>
          <MessageBarTitle>{texts.problemsTitle}</MessageBarTitle>
          {shown.map((e) => (
            <span key={e}> {e}</span>
          ))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <ProblemBar error={problem.error} />;
}

const useStyles = makeStyles({
  columns: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  column: { flex: '1 1 28em', minWidth: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  recovery: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorPaletteMarigoldBorder2}`,
  },
  h2: { margin: '0' },
  p: { margin: '0' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * After a conflict: the latest version (`latest`, editable) beside my unsaved edits (`children`,
 * read only), with the choice to put mine into the latest or to discard them. Nothing is merged
 * until I say so.
 */
export function RecoveryColumns(props: {
  latest: ReactNode;
  scope: string;
  texts: SaveTexts;
  onReapply: () => void;
  onDrop: () => void;
  children: ReactNode;
}): ReactNode {
  const styles = useStyles();
  const headingId = `${props.scope}-mine`;
  return (
    <div className={styles.columns}>
      <div className={styles.column}>{props.latest}</div>
      <section className={`${styles.column} ${styles.recovery}`} aria-labelledby={headingId} {...{ [`data-${props.scope}-recovery`]: true }}>
        <Subtitle1 as="h2" id={headingId} className={styles.h2}>
          {props.texts.yourEditsTitle}
        </Subtitle1>
        <Body1 as="p" className={styles.p}>
          {props.texts.yourEditsIntro}
        </Body1>
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={props.onReapply}>
            {props.texts.reapply}
          </Button>
          <Button onClick={props.onDrop}>{props.texts.dropMine}</Button>
        </div>
        {props.children}
      </section>
    </div>
  );
}
