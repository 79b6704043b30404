import { pathOf, ROUTES as R } from '../../../contract/routes';
import { ApiError, isProblem, type ApiCore } from '../../shared/api';

/** A downloaded file: its bytes and the name the service gave it. */
export interface Download {
  blob: Blob;
  name: string;
}

export interface ExportApi {
  /** A justerat or imported version as justera-protokoll/1 JSON. */
  exportProtocol(meetingId: string, version: number): Promise<Download>;
  /** The network's whole archive as one zip (`exportArchive`: the chair group and admins). */
  exportArchive(networkId: string): Promise<Download>;
}

/** The file's name from Content-Disposition (`filename*`, UTF-8, else `filename`). */
export function dispositionName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed name: the plain one below.
    }
  }
  return /filename="([^"]*)"/i.exec(header ?? '')?.[1] ?? fallback;
}

export function exportApi({ headers }: ApiCore): ExportApi {
  const download = async (path: string, fallback: string): Promise<Download> => {
    let res: Response;
    try {
      res = await fetch(path, { headers: await headers(), credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ApiError(0, null);
    }
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => null);
      throw new ApiError(res.status, isProblem(body) ? body : null);
    }
    return { blob: await res.blob(), name: dispositionName(res.headers.get('content-disposition'), fallback) };
  };
  return {
    exportProtocol: (meetingId, version) => download(pathOf(R.minutesDocument, { meetingId, version, kind: 'json' }), 'protokoll.json'),
    exportArchive: (networkId) => download(pathOf(R.exportArchive, { networkId }), 'arkiv.zip'),
  };
}

/** Saves a downloaded file under its name (an anchor with `download`; Teams' desktop client hands it to its downloads). */
export function saveDownload({ blob, name }: Download): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
