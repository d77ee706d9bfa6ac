/**
 * `npm run models:fetch -- <id>`: downloads an MLC build listed in static/models/manifest.json
 * into static/models/<id>/ so Vigil serves it itself (tried before the public build).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readManifest } from '../../src/lib/verifier/manifest';
import { DownloadError } from './download';
import { FetchModelError, fetchModel } from './fetchModel';

export const usage = `Usage: npm run models:fetch -- <model id> [options]

Downloads an MLC model build for self-hosting: the repository's files into
static/models/<id>/resolve/main/ and the model library into static/models/<id>/.
Vigil then loads it from /models/<id>/ before trying the public build.

Resumable: an interrupted run leaves <file>.part files; run the same command again
to continue (HTTP Range). Complete files are verified and skipped. Sizes (and MD5
sums, when the weight index lists them) are checked.

Options:
  --manifest <path>  the manifest to read (default static/models/manifest.json)
  --out <dir>        the folder served as /models/ (default static/models)
  --base <url>       fetch the repository from here instead of the record's public build
  --lib <url>        fetch the model library from here instead of the record's
  -h, --help         show this help

At the end it prints the total size and SRI hashes to add to the manifest record
("downloadBytes" and "integrity").`;

const MB = 1_000_000;
const mb = (n: number): string => `${(n / MB).toFixed(1)} MB`;

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        manifest: { type: 'string', default: 'static/models/manifest.json' },
        out: { type: 'string', default: 'static/models' },
        base: { type: 'string' },
        lib: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [id, ...extra] = positionals;
  if (!id || extra.length) {
    console.error(`Give exactly one model id.\n\n${usage}`);
    return 2;
  }
  const manifestPath = String(values.manifest);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    console.error(
      `Cannot read the manifest ${manifestPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  try {
    const result = await fetchModel({
      id,
      manifest: readManifest(text),
      outDir: String(values.out),
      ...(typeof values.base === 'string' && { base: values.base }),
      ...(typeof values.lib === 'string' && { lib: values.lib }),
      log: (line) => console.error(line),
      onProgress: ({ file, loaded, total, index, count }) => {
        const now = Date.now();
        const done = total !== undefined && loaded >= total;
        if (!done && now - lastLine < (tty ? 200 : 5000)) return;
        lastLine = now;
        const of =
          total === undefined
            ? mb(loaded)
            : `${mb(loaded)} / ${mb(total)} (${Math.floor((loaded / Math.max(total, 1)) * 100)}%)`;
        const line = `[${index}/${count ?? '?'}] ${file}  ${of}`;
        if (tty) process.stderr.write(`\r\x1b[2K${line}${done ? '\n' : ''}`);
        else console.error(line);
      },
    });
    const fetched = result.files.filter((f) => !f.skipped).length;
    console.error(
      `\nDone: ${result.files.length} files in ${result.dir} (${mb(result.totalBytes)}; ${fetched} downloaded, ${result.files.length - fetched} already complete).`,
    );
    console.log(JSON.stringify({ downloadBytes: result.totalBytes, integrity: result.integrity }, null, 2));
    return 0;
  } catch (error) {
    if (tty) process.stderr.write('\n');
    if (
      error instanceof DownloadError ||
      error instanceof FetchModelError ||
      (error instanceof Error && error.name === 'ManifestError')
    ) {
      console.error(`models:fetch: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
