import type { ReactNode } from 'react';
import { useStrings } from './strings-context';
import { Link } from '@fluentui/react-components';
import { useSharedStyles } from './styles';

/** Only https links are followed: anything else from the server is shown as text, or not at all. */
export function isSafeLink(url: string | undefined): url is string {
  return !!url && url.startsWith('https://');
}

/** A link that opens in a new window, and says so to screen readers. */
export function NewWindowLink(props: { href: string; children: ReactNode }): ReactNode {
  const s = useStrings();
  const shared = useSharedStyles();
  return (
    <Link href={props.href} target="_blank" rel="noopener noreferrer">
      {props.children}
      <span className={shared.visuallyHidden}> {s.opensInNewWindow}</span>
    </Link>
  );
}
