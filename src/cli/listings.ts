import { coverage, COVERAGE_MINIMUMS, examSummaries, questionRecord, type Exam } from '../study/index.js';
import { UsageError, bold, dim, jsonLine, out, red, yellow } from './io.js';
import type { CliContext } from './context.js';

/** The exam of --exam, else the default one (these listings read the content only, no database). */
function examOf(ctx: CliContext): Exam {
  const content = ctx.content();
  const code = ctx.exam ?? ctx.defaults.exam;
  const exam = content.exams.get(code);
  if (!exam) throw new UsageError(`--exam "${code}" is not an exam here; choose one of: ${[...content.exams.keys()].join(', ')}`);
  return exam;
}

/** `tutor sections --json`: one line per section, for tools. */
export function sectionsCommand(ctx: CliContext): number {
  const content = ctx.content();
  for (const s of content.sections) {
    if (ctx.values.json)
      jsonLine({
        id: s.id,
        title: s.title,
        domain: s.domain,
        text: s.text,
        source: s.source,
        origin: s.origin,
        exams: content.sectionExams.get(s.id) ?? [],
      });
    else out(`${s.id}  ${s.title}`);
  }
  return 0;
}

/** `tutor questions [--json]`: every question as loaded, or a summary of the pool's mix for an exam. */
export function questionsCommand(ctx: CliContext): number {
  const content = ctx.content();
  const { questions } = content.pool;
  if (ctx.values.json) {
    for (const q of questions) jsonLine(questionRecord(q, ctx.defaults.exam));
    return 0;
  }
  const exam = examOf(ctx);
  const serving = questions.filter((q) => q.exams[exam.code] !== undefined);
  const pct = (n: number) => `${((100 * n) / Math.max(1, serving.length)).toFixed(1)}%`;
  out(bold(`${questions.length} questions; ${serving.length} serve ${exam.short}`));
  out(bold(`By domain of ${exam.short}`) + ' (weight in brackets)');
  for (const d of exam.domains) {
    const n = serving.filter((q) => q.exams[exam.code]!.domain === d.id).length;
    out(`  ${d.id.padEnd(26)} ${String(n).padStart(4)}  ${pct(n).padStart(6)}  [${d.weight}%]`);
  }
  out(bold('By difficulty'));
  for (const level of [1, 2, 3]) {
    const n = serving.filter((q) => q.difficulty === level).length;
    out(`  ${String(level).padEnd(26)} ${String(n).padStart(4)}  ${pct(n).padStart(6)}`);
  }
  out(bold('By type'));
  const multi = serving.filter((q) => q.answer.length > 1).length;
  out(`  ${'single answer'.padEnd(26)} ${String(serving.length - multi).padStart(4)}  ${pct(serving.length - multi).padStart(6)}`);
  out(`  ${'multiple response'.padEnd(26)} ${String(multi).padStart(4)}  ${pct(multi).padStart(6)}`);
  return 0;
}

/** `tutor exams [--json]`: the exams of the content folder. */
export function examsCommand(ctx: CliContext): number {
  for (const e of examSummaries(ctx.content())) {
    if (ctx.values.json) {
      jsonLine({
        code: e.code,
        name: e.name,
        status: e.status,
        domains: e.domains,
        tasks: e.tasks,
        questions: e.questions,
        short: e.short,
        bullets: e.bullets,
        retired_on: e.retiredOn,
        successor: e.successor,
      });
      continue;
    }
    const status =
      e.status === 'retired'
        ? red(`retired ${e.retiredOn ?? ''}${e.successor ? `, succeeded by ${e.successor}` : ''}`)
        : e.status === 'beta'
          ? yellow('beta: the outline may still change')
          : 'current';
    out(`${bold(e.code.padEnd(9))} ${e.name} ${dim(`(${status})`)}`);
    out(`  ${e.domains.map((d) => `${d.name} ${d.weight}%`).join(' · ')}`);
    out(dim(`  ${e.tasks} tasks, ${e.bullets} bullets, ${e.questions} questions`));
  }
  return 0;
}

/** `tutor coverage [--exam CODE] [--json]`: the author's view, one row per bullet of the exam guide. */
export function coverageCommand(ctx: CliContext): number {
  const exam = examOf(ctx);
  const rows = coverage(ctx.content(), exam);
  if (ctx.values.json) {
    for (const r of rows) jsonLine(r);
    return 0;
  }
  const total = rows.reduce((n, r) => n + r.questions, 0);
  out(
    bold(`${exam.short}: ${total} questions over ${rows.length} bullets`) +
      dim(`  (minimums: ${COVERAGE_MINIMUMS.bulletQuestions} per bullet, ${COVERAGE_MINIMUMS.taskQuestions} per task, a section each)`),
  );
  for (const d of exam.domains) {
    const inDomain = rows.filter((r) => r.domain === d.id).reduce((n, r) => n + r.questions, 0);
    out();
    out(bold(`${d.name}`) + dim(`  ${inDomain} questions, ${((100 * inDomain) / Math.max(1, total)).toFixed(1)}% (weight ${d.weight}%)`));
    for (const t of d.tasks) {
      const bullets = rows.filter((r) => r.task === t.id);
      const n = bullets.reduce((s, r) => s + r.questions, 0);
      const low = n < COVERAGE_MINIMUMS.taskQuestions;
      out(`  ${bold(t.id)} ${t.name} ${low ? red(`${n} questions, below ${COVERAGE_MINIMUMS.taskQuestions}`) : dim(`${n} questions`)}`);
      for (const b of bullets) {
        const short = b.questions < COVERAGE_MINIMUMS.bulletQuestions || b.sections.length < COVERAGE_MINIMUMS.bulletSections;
        const mark = short ? red('✗') : '✓';
        out(
          `    ${mark} ${b.bullet.padEnd(5)} ${String(b.questions).padStart(3)} q · ${String(b.sections.length).padStart(2)} sections  ${dim(b.text)}`,
        );
      }
    }
  }
  return 0;
}
