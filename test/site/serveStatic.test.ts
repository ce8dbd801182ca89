import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, serveStatic } from '../../pipelines/site/serveStatic.ts';

/** Raw GET with the path sent as is (fetch would normalise ../ away before it reaches the server). */
function get(base: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveStatic', () => {
  let dir: string;
  let root: string;
  let close: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xw-serve-'));
    root = join(dir, 'site');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!DOCTYPE html><title>湖州</title>');
    writeFileSync(join(root, 'assets', 'site.js'), 'void 0;');
    writeFileSync(join(root, 'assets', 'a.woff2'), 'x');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const s = await serveStatic(root, 0);
    base = s.url;
    close = () => new Promise((done) => s.server.close(() => done()));
  });

  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves index.html for / and files with their content types', async () => {
    const index = await get(base, '/');
    expect(index.status).toBe(200);
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('湖州');
    expect((await get(base, '/assets/site.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(base, '/assets/a.woff2')).type).toBe('font/woff2');
    expect((await get(base, '/nope.html')).status).toBe(404);
  });

  it('refuses paths that leave the site directory, plain or percent-encoded', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
    ]) {
      const r = await get(base, p);
      expect(r.status, p).toBe(403);
      expect(r.body).not.toContain('secret');
    }
  });

  it('resolveRequestPath keeps paths inside the root and rejects the rest', () => {
    expect(resolveRequestPath('/srv/site', '/a/b.html?x=1')).toBe('/srv/site/a/b.html');
    expect(resolveRequestPath('/srv/site', '/a/../b.html')).toBe('/srv/site/b.html');
    expect(resolveRequestPath('/srv/site', '/../site2/x')).toBeNull();
    expect(resolveRequestPath('/srv/site', '/%E0%A4%A')).toBeNull();
  });
});
