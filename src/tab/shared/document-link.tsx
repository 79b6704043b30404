import { useState, type ReactNode } from 'react';
import { useStrings } from './strings-context';
import { Caption1, Link } from '@fluentui/react-components';
import { ApiError } from './api';
import type { ApiMinutesVersion } from '../../http/api-contract';
import { isSafeLink, NewWindowLink } from './new-window-link';
import { saveDownload } from './download';

/**
 * An archived document. SharePoint's open at their https link. The local folder archive's are
 * served by the service to the network's members, which needs the tab's sign-in: a plain link
 * cannot carry it, so the tab fetches the document and opens it from a blob URL.
 */
export function DocumentLink(props: { doc: ApiMinutesVersion['documents'][number]; open?: () => Promise<Blob> }): ReactNode {
  const s = useStrings();
  const { doc, open } = props;
  const [problem, setProblem] = useState<string | null>(null);
  if (isSafeLink(doc.webUrl)) {
    return (
      <NewWindowLink href={doc.webUrl}>
        {doc.name}
      </NewWindowLink>
    );
  }
  if (!open) return <>{doc.name}</>;
  const onClick = (): void => {
    setProblem(null);
    open()
      .then((blob) => openBlob(blob, doc.name))
      .catch((e: unknown) =>
        setProblem(e instanceof ApiError ? (e.problem?.detail ?? (e.status === 0 ? s.errors.offline : s.errors.unexpected(e.status))) : s.errors.unexpected(0)),
      );
  };
  return (
    <>
      <Link as="button" onClick={onClick} data-open-document={doc.kind}>
        {doc.name}
      </Link>
      {problem && <Caption1 role="alert"> {problem}</Caption1>}
    </>
  );
}

/** Opens the document in a new window (a PDF shows there); where that is refused, it is downloaded under its name. */
function openBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  if (window.open(url, '_blank')) window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  else {
    URL.revokeObjectURL(url);
    saveDownload({ blob, name });
  }
}
