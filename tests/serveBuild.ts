import { access, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Serves the built app (`build/`) on 127.0.0.1 at a free port. `deployNextVersion()` makes the
 * server answer a byte-different service worker from then on, as a new deployment would.
 */
export async function serveBuild(root = 'build') {
  let version = 'first';
  const versionsServed = new Set<string>();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      // Prerendered pages are written as `<route>.html`, served at `/<route>` (as vite preview does).
      const page = !extname(file) && !(await exists(file)) ? `${file}.html` : file;
      let body: Buffer | string = await readFile(page);
      if (path === '/sw.js') {
        body = `${body.toString('utf8')}\n// deployment: ${version}\n`;
        versionsServed.add(version);
      }
      response.writeHead(200, {
        'content-type': types[extname(page)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const missing = code === 'ENOENT' || code === 'EISDIR';
      response.writeHead(missing ? 404 : 500).end(missing ? 'not found' : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    deployNextVersion: () => {
      version = 'next';
    },
    served: () => [...versionsServed],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
