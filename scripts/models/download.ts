import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * One file of a model download: resumable (an interrupted download leaves `<file>.part`, and the
 * next run asks the server for the rest with an HTTP Range), verified (size, and MD5 when the
 * weight index lists it), and skipped when already complete.
 */

/** A download that failed, in words; `kind` says what to do about it. */
export class DownloadError extends Error {
  readonly kind: 'network' | 'http' | 'interrupted' | 'size' | 'checksum' | 'disk';
  /** The HTTP status, for `http`. */
  readonly status?: number;

  constructor(kind: DownloadError['kind'], message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DownloadError';
    this.kind = kind;
    if (options?.status !== undefined) this.status = options.status;
  }
}

/** Progress of one file. */
export type FileProgress = { readonly file: string; readonly loaded: number; readonly total?: number };

export type DownloadParameters = {
  readonly url: string;
  readonly dest: string;
  /** The size the file must have, when known (from the weight index). */
  readonly size?: number;
  /** The MD5 (hex) the file must have, when the weight index lists it. */
  readonly md5?: string;
  readonly fetcher?: typeof fetch;
  readonly onProgress?: (progress: FileProgress) => void;
};

/** What happened to one file. */
export type DownloadResult = { readonly dest: string; readonly bytes: number; readonly skipped: boolean };

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** MD5 of a file, hex. */
export async function md5File(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A file-system failure in words (a full disk says so). */
export function describeFsError(error: unknown, path: string): DownloadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new DownloadError(
      'disk',
      `The disk is full while writing ${path}: free some space and run again to resume.`,
      {
        cause: error,
      },
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new DownloadError('disk', `Cannot write ${path} (${code}): check the folder's permissions.`, {
      cause: error,
    });
  return new DownloadError(
    'disk',
    `Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
    {
      cause: error,
    },
  );
}

/** A fetch failure in words: which host could not be reached, and why. */
export function describeNetworkError(error: unknown, url: string): DownloadError {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new DownloadError(
    'network',
    `Could not reach ${new URL(url).host} for ${url} (${why}). Is there a network connection?`,
    {
      cause: error,
    },
  );
}

async function request(fetcher: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetcher(url, { redirect: 'follow', ...init });
  } catch (error) {
    throw describeNetworkError(error, url);
  }
}

/** The size the server says the whole file has (HEAD), when it says. */
export async function remoteSize(url: string, fetcher: typeof fetch = fetch): Promise<number | undefined> {
  const response = await request(fetcher, url, { method: 'HEAD' });
  if (!response.ok)
    throw new DownloadError('http', `HTTP ${response.status} for ${url}`, { status: response.status });
  const length = Number(response.headers.get('content-length'));
  return Number.isSafeInteger(length) && length >= 0 && response.headers.has('content-length')
    ? length
    : undefined;
}

/** The whole file's size from a response to a (ranged) GET. */
function totalFrom(response: Response, offset: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  if (range?.[1]) return Number(range[1]);
  const length = response.headers.get('content-length');
  return length === null ? undefined : offset + Number(length);
}

async function verified(path: string, size: number | undefined, md5: string | undefined): Promise<boolean> {
  const actual = await sizeOf(path);
  if (actual === undefined || (size !== undefined && actual !== size)) return false;
  return md5 === undefined || (await md5File(path)) === md5.toLowerCase();
}

/** Downloads one file, resuming a `.part` left by an interrupted run; skips a complete file. */
export async function downloadFile(parameters: DownloadParameters): Promise<DownloadResult> {
  const { url, dest, md5, onProgress } = parameters;
  const fetcher = parameters.fetcher ?? fetch;
  const part = `${dest}.part`;
  const name = dest.split('/').pop() ?? dest;
  let size = parameters.size;

  const existing = await sizeOf(dest);
  if (existing !== undefined) {
    size ??= await remoteSize(url, fetcher);
    if (await verified(dest, size, md5)) {
      onProgress?.({ file: name, loaded: existing, ...(size !== undefined && { total: size }) });
      return { dest, bytes: existing, skipped: true };
    }
    await rm(dest); // stale or damaged: fetched again
  }

  let offset = (await sizeOf(part)) ?? 0;
  if (size !== undefined && offset > size) {
    await rm(part);
    offset = 0;
  }

  let response = await request(fetcher, url, offset > 0 ? { headers: { Range: `bytes=${offset}-` } } : {});
  if (response.status === 416 && offset > 0) {
    // The part already holds every byte the server has.
    await response.body?.cancel();
    response = new Response(null, { status: 206, headers: { 'content-range': `bytes */${offset}` } });
  } else if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError('http', `HTTP ${response.status} for ${url}`, { status: response.status });
  }
  if (response.status !== 206) offset = 0; // the server ignored the Range: start over
  const total = size ?? totalFrom(response, offset);
  if (size !== undefined) {
    const announced = totalFrom(response, offset);
    if (announced !== undefined && announced !== size) {
      await response.body?.cancel();
      await rm(part, { force: true });
      throw new DownloadError(
        'size',
        `Size mismatch for ${name}: the index lists ${size} bytes, the server has ${announced}.`,
      );
    }
  }

  let handle: Awaited<ReturnType<typeof open>>;
  try {
    await mkdir(dirname(dest), { recursive: true });
    handle = await open(part, offset > 0 ? 'a' : 'w');
  } catch (error) {
    throw describeFsError(error, part);
  }
  let loaded = offset;
  onProgress?.({ file: name, loaded, ...(total !== undefined && { total }) });
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw new DownloadError(
            'interrupted',
            `The download of ${name} was interrupted after ${loaded} bytes (${error instanceof Error ? error.message : String(error)}). Run again to resume.`,
            { cause: error },
          );
        }
        if (chunk.done) break;
        try {
          await handle.write(chunk.value);
        } catch (error) {
          throw describeFsError(error, part);
        }
        loaded += chunk.value.byteLength;
        onProgress?.({ file: name, loaded, ...(total !== undefined && { total }) });
      }
    }
  } finally {
    await handle.close();
  }

  if (total !== undefined && loaded < total)
    throw new DownloadError(
      'interrupted',
      `The download of ${name} stopped at ${loaded} of ${total} bytes. Run again to resume.`,
    );
  if (size !== undefined && loaded !== size) {
    await rm(part);
    throw new DownloadError(
      'size',
      `Size mismatch for ${name}: expected ${size} bytes, received ${loaded}. The partial file was removed.`,
    );
  }
  if (md5 !== undefined) {
    const actual = await md5File(part);
    if (actual !== md5.toLowerCase()) {
      await rm(part);
      throw new DownloadError(
        'checksum',
        `Checksum mismatch for ${name}: expected MD5 ${md5}, got ${actual}. The file was removed.`,
      );
    }
  }
  try {
    await rename(part, dest);
  } catch (error) {
    throw describeFsError(error, dest);
  }
  return { dest, bytes: loaded, skipped: false };
}
