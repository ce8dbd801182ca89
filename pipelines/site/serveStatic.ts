import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { isInternalPath } from '../candidates/internalOutput.ts';
import { UserError } from '../messages/catalogue.ts';

/** Content types by extension: data, not a switch. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.otf': 'font/otf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a request path to a file below `root`, or null when it would leave `root` (.., encoded %2e%2e,
 * backslashes, NUL). Directories map to their index.html.
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(join(base, decoded));
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

/**
 * A read-only static server for the dashboard, bound to 127.0.0.1 only. Port 0 = any free port. Internal output
 * (enterprise lists marked 内部资料) is never served: an internal root is refused, and a request below the root that
 * reaches an internal folder gets 403.
 */
export function serveStatic(root: string, port: number): Promise<{ server: Server; url: string }> {
  if (isInternalPath(root)) return Promise.reject(new UserError('serve.internal_dir', { dir: root }));
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolveRequestPath(root, req.url ?? '/');
    if (file === null) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('403 forbidden\n');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (isInternalPath(dirname(file), root)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('403 forbidden\n');
        return;
      }
      const stat = statSync(file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 not found\n');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      done({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}
