/** What `downloadText` saves. */
export type DownloadTextParameters = {
  readonly text: string;
  /** The file name the browser suggests. */
  readonly filename: string;
  /** The MIME type, with its charset. */
  readonly type: string;
};

/**
 * Saves `text` as a file through a Blob URL and a temporary link: nothing leaves the device. The
 * URL is revoked once the browser has started the download.
 */
export function downloadText({ text, filename, type }: DownloadTextParameters): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking in the same task can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
