import type { TerminalConfig } from '../config.js';
import { ConfigError, loadDotEnv, setsTerminalVariable, TERMINAL_DEFAULTS } from '../env.js';
import { loadContentChecked, loadContentQuickly, type Content } from '../study/content.js';
import { ContentError, StoreError } from '../study/errors.js';
import { parse, personId, positiveInt } from './args.js';
import type { CliContext } from './context.js';
import { err, out, UsageError } from './io.js';

const USAGE = `Usage: tutor <command> [options]

Study:
  quiz [--domain D] [--task T] [--section S] [--count N] [--mode missed] [--new]
                                                     a personal quiz; resumes an unfinished one
  exam [--length N]                                  a timed mock exam, scored like the real one
  stats [--json] [--timezone ZONE] [--png FILE]      streak, accuracy, mastery and readiness
  weak                                               your weakest tasks and what to reread
  lookup [--json] [--limit K] ["query"]              find the note section (no query: one per stdin line)

Content and data:
  exams [--json]                                     the exams this tutor knows
  coverage [--json]                                  questions and sections per bullet of the exam guide
  sections --json                                    every note section, one JSON line each
  questions [--json]                                 the question pool (summary, or one JSON line each)
  validate                                           check a content folder; file:line for each problem
  backup FILE                                        online copy of the database, safe while the bot runs

Options for every command:
  --exam CODE        the exam to study (remembered for you); default: your last choice or DEFAULT_EXAM
  --knowledge DIR    content folder (default: KNOWLEDGE_DIR or the shipped knowledge/)
  --db FILE          database file (default: DATABASE_PATH or data/tutor.db)
  --user ID          who is studying (default: local)`;

type Command = (ctx: CliContext) => number | Promise<number>;

// Each command's module is loaded only when it runs: `tutor lookup` never loads the database code.
const commands: Record<string, () => Promise<Command>> = {
  lookup: async () => {
    const { lookupCommand } = await import('./lookup.js');
    return (ctx) =>
      lookupCommand(ctx, ctx.args.length > 0 ? ctx.args.join(' ') : undefined, {
        json: ctx.values.json,
        limit: positiveInt(ctx.values.limit, 'limit', 5, 50),
      });
  },
  sections: async () => (await import('./listings.js')).sectionsCommand,
  questions: async () => (await import('./listings.js')).questionsCommand,
  exams: async () => (await import('./listings.js')).examsCommand,
  coverage: async () => (await import('./listings.js')).coverageCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  quiz: async () => (await import('./quiz.js')).quizCommand,
  stats: async () => (await import('./stats.js')).statsCommand,
  weak: async () => (await import('./stats.js')).weakCommand,
  backup: async () => (await import('./backup.js')).backupCommand,
  exam: async () => (await import('./exam.js')).examCommand,
};

/** Commands that never read the content folder. */
const WITHOUT_CONTENT = new Set(['backup']);

/**
 * The variables the terminal reads, checked. With none of them set there is nothing to check, and the
 * checking code (zod) is not even loaded, which saves a lookup about 20 ms of its start-up.
 */
async function terminalConfig(): Promise<TerminalConfig> {
  if (!setsTerminalVariable()) return TERMINAL_DEFAULTS;
  return (await import('../config.js')).loadTerminalConfig();
}

/** Runs one terminal command; returns the exit code. Expected failures print one line each, no stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    loadDotEnv();
    const { values, positionals } = parse(argv);
    const [name, ...args] = positionals;
    if (values.help || !name || name === 'help') {
      out(USAGE);
      return name || values.help ? 0 : 2;
    }
    const load = commands[name];
    if (!load) throw new UsageError(`unknown command "${name}"; run \`tutor help\` for the list`);
    const config = await terminalConfig();
    const knowledgeDir = values.knowledge ?? config.KNOWLEDGE_DIR;
    const command = await load();
    // validate always reads and checks the folder itself; the rest may use the checked, saved copy.
    const content: Content | undefined = WITHOUT_CONTENT.has(name)
      ? undefined
      : name === 'validate'
        ? await loadContentChecked(knowledgeDir)
        : await loadContentQuickly(knowledgeDir);
    if (content && !content.exams.has(config.DEFAULT_EXAM))
      throw new ConfigError([
        `DEFAULT_EXAM: "${config.DEFAULT_EXAM}" is not an exam in ${knowledgeDir} (${[...content.exams.keys()].join(', ')})`,
      ]);
    return await command({
      args,
      values,
      knowledgeDir,
      dbPath: values.db ?? config.DATABASE_PATH,
      user: personId(values.user),
      exam: values.exam,
      defaults: { timeZone: config.DEFAULT_TIMEZONE, exam: config.DEFAULT_EXAM },
      content: () => {
        if (!content) throw new Error(`${name} does not read the content`);
        return content;
      },
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
