import { choosePersonExam, findExam, openEngine, type Engine, type Exam } from '../study/index.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';

/**
 * The terminal's engine: the shared content, the database of --db, real time. Commands that only read
 * open the file read-only, so they work on a database they may not write and never change it.
 */
export function cliEngine(ctx: CliContext, options: { readonly?: boolean } = {}): Engine & { close(): void } {
  return openEngine(ctx.content(), ctx.dbPath, ctx.defaults, options);
}

/** The exam of --exam, checked; an unknown code is a usage mistake that lists the known ones. */
export function askedExam(ctx: CliContext, engine: Engine): Exam | undefined {
  if (ctx.exam === undefined) return undefined;
  const exam = findExam(engine, ctx.exam);
  if ('ok' in exam) throw new UsageError(`--exam "${ctx.exam}" is not an exam here; choose one of: ${exam.valid.join(', ')}`);
  return exam;
}

/** --exam on a command that writes is remembered: the person studies that exam from now on. */
export function rememberExam(ctx: CliContext, engine: Engine): void {
  const exam = askedExam(ctx, engine);
  if (exam) choosePersonExam(engine, ctx.user, exam.code);
}
