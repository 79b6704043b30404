/** A file the tab got from the service: its bytes and its name. */
export interface Download {
  blob: Blob;
  name: string;
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
