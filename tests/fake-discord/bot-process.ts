// Spawns the real bot (src/main.ts under tsx, or the bundle in dist/) for end-to-end tests, collects its pino JSON logs,
// and makes sure no bot process outlives the test run, whatever happens to the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from './types.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;

export interface LogLine {
  stream: 'stdout' | 'stderr';
  raw: string;
  /** The parsed pino record, when the line is JSON. */
  json: JsonObject | null;
  at: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  logs(): LogLine[];
  /** Resolves with the first log line (existing or future) that matches. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. */
  stop(): Promise<ExitInfo>;
  kill9(): Promise<ExitInfo>;
}

export interface StartBotOptions {
  env: Record<string, string>;
  cwd?: string;
  /** Extra node flags, e.g. ['--cpu-prof'] to profile the bot. */
  nodeArgs?: string[];
  /** The entry point: the source under tsx (default), or the bundle `npm ci` builds (`dist/main.js`). */
  entry?: 'src/main.ts' | 'dist/main.js';
  readyTimeoutMs?: number;
}

// Shared across re-imports of this module (vitest isolates test files in one worker), so the
// exit hook is installed once and sees every bot.
const shared = globalThis as typeof globalThis & { __fakeDiscordBots?: Set<ChildProcess> };
const firstLoad = shared.__fakeDiscordBots === undefined;
const running = (shared.__fakeDiscordBots ??= new Set<ChildProcess>());

function killAllSync(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

// Last resort: the worker is exiting (normally or after a failure) with bots still up.
if (firstLoad) process.on('exit', killAllSync);

/** Stops every bot this module started; registered as an afterAll hook under vitest. */
export async function stopAllBots(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

if (process.env.VITEST) {
  const { afterAll } = await import('vitest');
  afterAll(stopAllBots);
}

function exitPromise(child: ChildProcess): Promise<ExitInfo> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function stopChild(child: ChildProcess): Promise<ExitInfo> {
  const exited = exitPromise(child);
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

export async function startBot(options: StartBotOptions): Promise<BotProcess> {
  const entry = options.entry ?? 'src/main.ts';
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, entry], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: LogLine[] = [];
  const listeners = new Set<(line: LogLine) => void>();
  const exited = exitPromise(child).then((info) => {
    running.delete(child);
    return info;
  });

  const collect = (stream: 'stdout' | 'stderr') => {
    let partial = '';
    return (chunk: Buffer): void => {
      partial += chunk.toString('utf8');
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const raw of parts) {
        if (raw.trim() === '') continue;
        let json: JsonObject | null = null;
        try {
          const parsed: unknown = JSON.parse(raw);
          if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) json = parsed as JsonObject;
        } catch {
          // Not a pino line (e.g. a Node warning); kept raw.
        }
        const line: LogLine = { stream, raw, json, at: Date.now() };
        lines.push(line);
        for (const fn of [...listeners]) fn(line);
      }
    };
  };
  child.stdout?.on('data', collect('stdout'));
  child.stderr?.on('data', collect('stderr'));

  const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> => {
    const hit = lines.find(predicate);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const done = (): void => {
        listeners.delete(listener);
        clearTimeout(timer);
      };
      const listener = (line: LogLine): void => {
        if (predicate(line)) {
          done();
          resolve(line);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`bot: no matching log line within ${timeoutMs} ms\n${dump(lines)}`));
      }, timeoutMs);
      listeners.add(listener);
      void exited.then((info) => {
        if (!listeners.has(listener)) return;
        done();
        reject(
          new Error(`bot exited (code ${String(info.code)}, signal ${String(info.signal)}) before a matching log line\n${dump(lines)}`),
        );
      });
    });
  };

  const bot: BotProcess = {
    pid: child.pid ?? -1,
    exited,
    logs: () => [...lines],
    waitForLog,
    stop: () => stopChild(child),
    kill9: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };

  try {
    await waitForLog((l) => l.json?.msg === 'ready', options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`bot did not log "ready": ${(err as Error).message}`, { cause: err });
  }
  return bot;
}

function dump(lines: LogLine[]): string {
  const tail = lines.slice(-200).map((l) => `[${l.stream}] ${l.raw}`);
  return tail.length ? `--- bot output ---\n${tail.join('\n')}` : '--- bot printed nothing ---';
}
