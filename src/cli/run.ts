import { ConfigError, loadConfig, loadDotEnv } from '../config.js';
import { ContentError, loadContent, loadContentCached, StoreError, type Content } from '../study/index.js';
import { parse, personId, positiveInt } from './args.js';
import { backupCommand } from './backup.js';
import type { CliContext } from './context.js';
import { examCommand } from './exam.js';
import { err, out, UsageError } from './io.js';
import { coverageCommand, examsCommand, questionsCommand, sectionsCommand } from './listings.js';
import { lookupCommand } from './lookup.js';
import { quizCommand } from './quiz.js';
import { statsCommand, weakCommand } from './stats.js';
import { validateCommand } from './validate.js';

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

const commands: Record<string, Command> = {
  lookup: (ctx) =>
    lookupCommand(ctx, ctx.args.length > 0 ? ctx.args.join(' ') : undefined, {
      json: ctx.values.json,
      limit: positiveInt(ctx.values.limit, 'limit', 5, 50),
    }),
  sections: sectionsCommand,
  questions: questionsCommand,
  exams: examsCommand,
  coverage: coverageCommand,
  validate: validateCommand,
  quiz: quizCommand,
  stats: statsCommand,
  weak: weakCommand,
  backup: backupCommand,
  exam: examCommand,
};

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
      exam: values.exam,
      defaults: { timeZone: config.DEFAULT_TIMEZONE, exam: config.DEFAULT_EXAM },
      // validate always reads and checks the folder itself; the rest may use the checked, saved copy.
      content: () => (content ??= name === 'validate' ? loadContent(knowledgeDir) : loadContentCached(knowledgeDir)),
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
