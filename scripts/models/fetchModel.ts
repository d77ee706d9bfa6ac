import { createHash } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findModel, type Manifest, withResolve } from '../../src/lib/verifier/manifest';
import { DownloadError, downloadFile, type FileProgress } from './download';

/**
 * Downloads one MLC build for self-hosting: the repository's files into
 * `<outDir>/<id>/resolve/main/` (the Hugging Face layout web-llm asks for) and the model library
 * into `<outDir>/<id>/<modelLib>`, exactly where Vigil's manifest resolver looks.
 */

/** The build cannot be fetched as asked (not a download failure: nothing to retry). */
export class FetchModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchModelError';
  }
}

export type FetchModelParameters = {
  readonly id: string;
  readonly manifest: Manifest;
  /** The folder served as `/models/` (static/models). */
  readonly outDir: string;
  /** The repository to fetch from instead of the record's public build (`…/resolve/main/` is added). */
  readonly base?: string;
  /** The model library URL instead of the record's. */
  readonly lib?: string;
  readonly fetcher?: typeof fetch;
  /** Per-file progress, with the files done so far. */
  readonly onProgress?: (
    progress: FileProgress & { readonly index: number; readonly count?: number },
  ) => void;
  readonly log?: (line: string) => void;
};

/** One fetched file. */
export type FetchedFile = { readonly path: string; readonly bytes: number; readonly skipped: boolean };

export type FetchModelResult = {
  readonly dir: string;
  readonly files: readonly FetchedFile[];
  readonly totalBytes: number;
  /** SRI hashes (sha256) for the manifest record's `integrity`. */
  readonly integrity: {
    readonly config: string;
    readonly modelLib: string;
    readonly tokenizer: Record<string, string>;
  };
};

/** One weight shard as the index lists it. */
type Shard = { readonly dataPath: string; readonly nbytes: number; readonly md5sum?: string };

const safePath = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

function checkPath(path: unknown, where: string): string {
  if (typeof path !== 'string' || !safePath.test(path) || path.split('/').includes('..'))
    throw new FetchModelError(`${where}: ${JSON.stringify(path)} is not a plain relative file path.`);
  return path;
}

/** The shards a weight index (`tensor-cache.json` / `ndarray-cache.json`) lists. */
export function readIndex(text: string, name: string): Shard[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FetchModelError(
      `${name} is not JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const records = (value as { records?: unknown } | null)?.records;
  if (!Array.isArray(records) || records.length === 0) throw new FetchModelError(`${name} lists no records.`);
  return records.map((r: unknown, i) => {
    const record = (r ?? {}) as Record<string, unknown>;
    const dataPath = checkPath(record.dataPath, `${name} records[${i}].dataPath`);
    if (!Number.isSafeInteger(record.nbytes) || (record.nbytes as number) < 0)
      throw new FetchModelError(`${name} records[${i}].nbytes is not a size.`);
    const md5 = record.md5sum;
    if (md5 !== undefined && (typeof md5 !== 'string' || !/^[0-9a-f]{32}$/i.test(md5)))
      throw new FetchModelError(`${name} records[${i}].md5sum is not an MD5 hex digest.`);
    return { dataPath, nbytes: record.nbytes as number, ...(md5 !== undefined && { md5sum: md5 as string }) };
  });
}

/** The tokenizer files `mlc-chat-config.json` names. */
export function readTokenizerFiles(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FetchModelError(
      `mlc-chat-config.json is not JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const files = (value as { tokenizer_files?: unknown } | null)?.tokenizer_files;
  if (!Array.isArray(files)) throw new FetchModelError('mlc-chat-config.json lists no tokenizer_files.');
  return files.map((f, i) => checkPath(f, `mlc-chat-config.json tokenizer_files[${i}]`));
}

async function sri(path: string): Promise<string> {
  return `sha256-${createHash('sha256')
    .update(await readFile(path))
    .digest('base64')}`;
}

/** Downloads a build's files; resumable and verified file by file (see `downloadFile`). */
export async function fetchModel(parameters: FetchModelParameters): Promise<FetchModelResult> {
  const { id, manifest, outDir, fetcher, onProgress } = parameters;
  const log = parameters.log ?? (() => {});
  const model = findModel(manifest, id);
  if (!model)
    throw new FetchModelError(
      `No model ${id} in the manifest. Known: ${manifest.models.map((m) => m.id).join(', ')}. Add a record first (static/models/README.md).`,
    );
  const repoUrl = parameters.base ?? model.public?.model;
  const libUrl = parameters.lib ?? model.public?.modelLib;
  if (!repoUrl || !libUrl)
    throw new FetchModelError(
      `${id} has no public build in the manifest: pass --base <repository URL> and --lib <library URL>.`,
    );
  const repo = withResolve(repoUrl);
  const dir = join(outDir, id);
  const repoDir = join(dir, 'resolve', 'main');
  const files: FetchedFile[] = [];
  let index = 0;
  let count: number | undefined;

  const get = async (url: string, dest: string, size?: number, md5?: string): Promise<FetchedFile> => {
    index++;
    const result = await downloadFile({
      url,
      dest,
      ...(size !== undefined && { size }),
      ...(md5 !== undefined && { md5 }),
      ...(fetcher && { fetcher }),
      onProgress: (p) => onProgress?.({ ...p, index, ...(count !== undefined && { count }) }),
    });
    const file = { path: result.dest, bytes: result.bytes, skipped: result.skipped };
    files.push(file);
    return file;
  };

  log(`Fetching ${id} from ${repo} into ${dir}`);
  const config = await get(`${repo}mlc-chat-config.json`, join(repoDir, 'mlc-chat-config.json'));
  const tokenizerFiles = readTokenizerFiles(await readFile(config.path, 'utf8'));

  // web-llm 0.2.86 reads tensor-cache.json; builds made before MLC renamed it ship ndarray-cache.json.
  let indexFile: FetchedFile;
  try {
    indexFile = await get(`${repo}tensor-cache.json`, join(repoDir, 'tensor-cache.json'));
  } catch (error) {
    if (!(error instanceof DownloadError && error.status === 404)) throw error;
    log(
      'No tensor-cache.json: using ndarray-cache.json (an older MLC build), copied as tensor-cache.json for web-llm.',
    );
    indexFile = await get(`${repo}ndarray-cache.json`, join(repoDir, 'ndarray-cache.json'));
    await copyFile(indexFile.path, join(repoDir, 'tensor-cache.json'));
  }
  const shards = readIndex(
    await readFile(indexFile.path, 'utf8'),
    indexFile.path.split('/').pop() ?? 'index',
  );
  count = 2 + shards.length + tokenizerFiles.length + 1;

  for (const shard of shards)
    await get(`${repo}${shard.dataPath}`, join(repoDir, shard.dataPath), shard.nbytes, shard.md5sum);
  const tokenizer: Record<string, string> = {};
  for (const file of tokenizerFiles) {
    const fetched = await get(`${repo}${file}`, join(repoDir, file));
    tokenizer[file] = await sri(fetched.path);
  }
  const lib = await get(libUrl, join(dir, model.modelLib));

  return {
    dir,
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    integrity: { config: await sri(config.path), modelLib: await sri(lib.path), tokenizer },
  };
}
