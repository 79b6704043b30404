import { pathOf, ROUTES as R } from '../../../contract/routes';
import { fetchFile, type ApiCore } from '../../shared/api';
import type { Download } from '../../shared/download';


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
    const { blob, res } = await fetchFile(path, await headers());
    return { blob, name: dispositionName(res.headers.get('content-disposition'), fallback) };
  };
  return {
    exportProtocol: (meetingId, version) => download(pathOf(R.minutesDocument, { meetingId, version, kind: 'json' }), 'protokoll.json'),
    exportArchive: (networkId) => download(pathOf(R.exportArchive, { networkId }), 'arkiv.zip'),
  };
}
