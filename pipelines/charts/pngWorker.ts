import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

// The worker's code is plain CommonJS handed to the Worker as text: it then runs the same way from the compiled CLI,
// through tsx and under vitest, none of which could load a TypeScript worker file the same way.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { renderAsync } = require(workerData.resvg);
parentPort.on('message', async ({ id, svg, options }) => {
  try {
    const image = await renderAsync(svg, options);
    parentPort.postMessage({ id, png: image.asPng() });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});`;

interface Reply {
  id: number;
  png?: Uint8Array;
  error?: string;
}

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
  worker = undefined;
}

function start(): Worker {
  const w = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { resvg: createRequire(import.meta.url).resolve('@resvg/resvg-js') },
  });
  w.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.png) p.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
    else p.reject(new Error(`PNG rendering failed: ${reply.error ?? 'no image'}`));
  });
  w.on('error', (err) => failAll(err));
  w.on('exit', (code) => {
    if (worker === w) failAll(new Error(`PNG worker exited with code ${code}`));
  });
  w.unref();
  return w;
}

/**
 * Rasterises an SVG with resvg off the main thread: drawn on libuv's thread pool (several at once, as resvg's
 * renderAsync does) and PNG-encoded on a worker thread, where renderAsync alone would encode on the main thread
 * (≈ 25 ms a chart). One worker per process, started on first use; it keeps the process alive only while an
 * image is being drawn.
 */
export function renderPngOnWorker(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    if (pending.size === 0) w.ref();
    pending.set(id, { resolve, reject });
    w.postMessage({ id, svg, options });
  });
}
