import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from '../config.js';
import { StoreError } from '../db/connection.js';
import { loadContent, type Content } from '../content.js';
import { ContentError } from '../knowledge/problems.js';
import { err, out, UsageError } from './io.js';
import { lookupCommand } from './lookup.js';
import { questionsCommand, sectionsCommand } from './listings.js';
import { validateSummary } from './validate.js';
import { quizCommand } from './quiz.js';
import { statsCommand, weakCommand } from './stats.js';
import { backupCommand } from './backup.js';
import { examCommand } from './exam.js';

const USAGE = `Usage: tutor <command> [options]

Study:
  quiz [--domain D] [--section S] [--count N] [--mode missed] [--new]
                                                     a personal quiz; resumes an unfinished one
  exam [--length N]                                  a timed mock exam, scored 100-1000
  stats [--json] [--timezone ZONE]                   streak, accuracy and mastery per domain (and set your zone)
  weak                                               your weakest domains and sections to reread
  lookup [--json] [--limit K] ["query"]              find the note section (no query: one per stdin line)

Content and data:
  sections --json                                    every note section, one JSON line each
  questions [--json]                                 the question pool (summary, or one JSON line each)
  validate                                           check a content folder; file:line for each problem
  backup FILE                                        online copy of the database, safe while the bot runs

Options for every command:
  --knowledge DIR    content folder (default: KNOWLEDGE_DIR or the shipped knowledge/)
  --db FILE          database file (default: DATABASE_PATH or data/tutor.db)
  --user ID          who is studying (default: local)`;

export interface CliContext {
  args: string[];
  values: ReturnType<typeof parse>['values'];
  knowledgeDir: string;
  dbPath: string;
  user: string;
  content(): Content;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      knowledge: { type: 'string' },
      db: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      domain: { type: 'string' },
      section: { type: 'string' },
      count: { type: 'string' },
      mode: { type: 'string' },
      length: { type: 'string' },
      new: { type: 'boolean', default: false },
      timezone: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** A terminal user id is stored and shown as is: printable, no control characters, not empty. */
function personId(value: string | undefined): string {
  if (value === undefined) return 'local';
  // eslint-disable-next-line no-control-regex
  if (value.trim() === '' || value.length > 64 || /[\u0000-\u001f\u007f-\u009f]/.test(value))
    throw new UsageError('--user must be 1 to 64 printable characters (no control characters or line breaks)');
  return value;
}

export function positiveInt(value: string | undefined, name: string, fallback: number, max = 1000): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

type Command = (ctx: CliContext) => number | Promise<number>;

const commands: Record<string, Command> = {
  lookup: (ctx) =>
    lookupCommand(ctx.content(), ctx.args.length > 0 ? ctx.args.join(' ') : undefined, {
      json: ctx.values.json,
      limit: positiveInt(ctx.values.limit, 'limit', 5, 50),
    }),
  sections: (ctx) => sectionsCommand(ctx.content(), ctx.values.json),
  questions: (ctx) => questionsCommand(ctx.content(), ctx.values.json),
  validate: (ctx) => validateSummary(ctx.content()),
  quiz: quizCommand,
  stats: statsCommand,
  weak: weakCommand,
  backup: backupCommand,
  exam: examCommand,
};


export async function runCli(argv: string[]): Promise<number> {
  try {
    loadDotEnv();
    const { values, positionals } = parse(argv);
    const [name, ...args] = positionals;
    if (values.help || !name || name === 'help') {
      out(USAGE);
      return name || values.help ? 0 : 2;
    }
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command "${name}"; run \`tutor help\` for the list`);
    const config = loadConfig();
    let content: Content | undefined;
    const knowledgeDir = values.knowledge ?? config.KNOWLEDGE_DIR;
    return await command({
      args,
      values,
      knowledgeDir,
      dbPath: values.db ?? config.DATABASE_PATH,
      user: personId(values.user),
      content: () => (content ??= loadContent(knowledgeDir)),
    });
  } catch (error) {
    if (error instanceof StoreError) {
      err(`tutor: ${error.message}`);
      return 1;
    }
    if (error instanceof ContentError || error instanceof ConfigError) {
      for (const line of error.message.split('\n')) err(line);
      return 1;
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`tutor: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

// `tutor questions --json | head -1`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runCli(process.argv.slice(2));
