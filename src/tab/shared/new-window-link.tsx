import type { ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import type { TabStrings } from '../strings';
import { useSharedStyles } from './styles';

/** Only https links are followed: anything else from the server is shown as text, or not at all. */
export function isSafeLink(url: string | undefined): url is string {
  return !!url && url.startsWith('https://');
}

/** A link that opens in a new window, and says so to screen readers. */
export function NewWindowLink(props: { href: string; s: TabStrings; children: ReactNode }): ReactNode {
  const shared = useSharedStyles();
  return (
    <Link href={props.href} target="_blank" rel="noopener noreferrer">
      {props.children}
      <span className={shared.visuallyHidden}> {props.s.opensInNewWindow}</span>
    </Link>
  );
}
