import type { ReactNode } from 'react';
import { useStrings } from './strings-context';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { ApiError } from './api';
import type { TabStrings } from '../strings';

/** A polite live region with a spinner while something loads. */
export function Loading(props: { label: string }): ReactNode {
  return (
    <div role="status" aria-live="polite">
      <Spinner size="small" labelPosition="after" label={props.label} />
    </div>
  );
}

function describe(error: unknown, s: TabStrings): { title: string; body: string } {
  if (!(error instanceof ApiError)) return { title: s.errors.title, body: s.errors.unexpected(0) };
  if (error.status === 0) return { title: s.errors.title, body: s.errors.offline };
  if (error.status === 401) return { title: s.errors.unauthenticatedTitle, body: s.errors.unauthenticated };
  const body = error.problem?.detail || s.errors.unexpected(error.status);
  return { title: error.status === 403 ? s.errors.forbiddenTitle : s.errors.title, body };
}

/** An API error in a Fluent MessageBar: the problem's detail, or a clear message for 401 and unreachable. */
export function ProblemBar(props: { error: unknown; onRetry?: () => void }): ReactNode {
  const s = useStrings();
  const { title, body } = describe(props.error, s);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {body}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{s.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** A notice that is not an error (warning or information). */
export function Notice(props: { intent: 'info' | 'warning'; title?: string; children: ReactNode }): ReactNode {
  return (
    <MessageBar intent={props.intent} layout="multiline">
      <MessageBarBody>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>} {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}
