// Runs an entry point of the repo (the tutor or the bot) as a real process, the way a person or a
// tool would: `node --import tsx <script> ...args` in the repo root (plain `node` for the bundle in
// dist/), with a clean environment.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STACK_LINE = /^\s+at /m;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment minus everything that would choose a database, content or token for the child. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['KNOWLEDGE_DIR', 'DATABASE_PATH', 'DISCORD_TOKEN', 'TEST_CLOCK_FILE', 'DEFAULT_TIMEZONE', 'DEFAULT_EXAM'])
    delete env[name];
  return { ...env, ...extra };
}

export function spawnEntry(script: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv()): ChildProcessWithoutNullStreams {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, script, ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdin.on('error', () => undefined); // It may exit before reading everything.
  return child;
}

/** The terminal's line-mode answer prompt (stdin is not a terminal): one letter, or N letters. */
const PROMPT = /Your (?:answer|\d+ letters): /g;

/** A reply to one answer prompt: a literal line, or a line computed from what the tutor printed so far. */
export type PromptReply = string | ((stdout: string) => string);

/**
 * Runs to the end. With `stdin`, writes it in one go and ends stdin. With `replies`, answers each answer
 * prompt with the next reply (ending stdin when they run out), like a person typing line by line.
 */
export function runEntry(
  script: string,
  args: string[],
  options: { stdin?: string; replies?: readonly PromptReply[]; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnEntry(script, args, options.env);
    let stdout = '';
    let stderr = '';
    let prompts = 0;
    const replies = options.replies ? [...options.replies] : undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not exit in time\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!replies) return;
      const seen = stdout.match(PROMPT)?.length ?? 0;
      while (prompts < seen) {
        prompts++;
        const reply = replies.shift();
        if (reply === undefined) child.stdin.end();
        else child.stdin.write(`${typeof reply === 'string' ? reply : reply(stdout)}\n`);
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (!replies) child.stdin.end(options.stdin ?? '');
  });
}

export const tutor = (args: string[], options: { stdin?: string; replies?: readonly PromptReply[]; env?: NodeJS.ProcessEnv } = {}) =>
  runEntry('src/cli/main.ts', args, options);
