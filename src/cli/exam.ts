import { clockTime, percent } from '../format.js';
import {
  chooseExamAnswer,
  EXAM_MAX_LENGTH,
  examFor,
  examProgress,
  LETTERS,
  section,
  showExam,
  startExam,
  submitExam,
  type Engine,
  type Exam,
  type ExamResult,
  type ExamView,
  type Refusal,
} from '../study/index.js';
import { answerInput } from './answer-input.js';
import { positiveInt } from './args.js';
import type { CliContext } from './context.js';
import { cliEngine, rememberExam } from './engine.js';
import { bold, dim, err, green, out, red, yellow } from './io.js';
import { printQuestion } from './render.js';
import { refusalText } from './words.js';

const HELP = 'Letters answer (and go on) · n next · p previous · g N go to question N · s submit · Ctrl-C saves and leaves';

/** `tutor exam [--length N]`: a timed mock exam; no feedback until it is submitted, as on the real one. */
export async function examCommand(ctx: CliContext): Promise<number> {
  const engine = cliEngine(ctx);
  const input = answerInput(['n', 'p', 's']);
  try {
    rememberExam(ctx, engine);
    const exam = examFor(engine, ctx.user, null);
    const length = positiveInt(ctx.values.length, 'length', exam.exam.questions, EXAM_MAX_LENGTH);
    const started = startExam(engine, { personId: ctx.user, guildId: null, length });
    if (!started.ok) {
      err(refusalText(started));
      return 1;
    }
    if (started.previous) {
      out(yellow('Your previous exam ran out of time and was submitted:'));
      printResult(engine, started.previous, exam);
    }
    let view: ExamView = started.view;
    const notice = examNotice(view.exam, engine);
    if (notice) out(yellow(notice));
    out(
      started.resumed
        ? yellow(`Resuming your exam: ${clockTime(view.remainingMs)} left.`)
        : bold(`Mock exam, ${view.exam.short}: ${view.total} questions, ${clockTime(view.remainingMs)}.`),
    );
    out(dim(HELP));
    for (;;) {
      const q = view.question;
      const multi = q.answer.length;
      printQuestion(
        `Question ${view.position + 1}/${view.total} · ${view.answered} answered · ${clockTime(view.remainingMs)} left`,
        q,
        view.exam,
        !process.stdin.isTTY,
      );
      if (view.chosen && !process.stdin.isTTY) out(dim(`Current answer: ${view.chosen}`));
      const reply = await input.read(q.choices, multi, view.chosen);
      if (reply.kind === 'end') {
        out();
        out(`Saved. Run \`tutor exam\` to continue (the clock keeps running: ${clockTime(view.remainingMs)} left).`);
        return reply.interrupted ? 130 : 0;
      }
      let next = view.position;
      if (reply.kind === 'letters') {
        const letters = [...new Set(reply.letters)].filter((l) => LETTERS.indexOf(l) < q.choices.length);
        // Multiple response: the typed letters are the whole selection, so toggle the difference.
        const toggles =
          multi === 1
            ? letters.slice(-1)
            : [...letters.filter((l) => !view.chosen.includes(l)), ...view.chosen.split('').filter((l) => l && !letters.includes(l))];
        let chosen: ReturnType<typeof chooseExamAnswer> | undefined;
        for (const letter of toggles)
          chosen = chooseExamAnswer(engine, { sessionId: view.session.id, personId: ctx.user, position: view.position, letter });
        if (chosen && !chosen.ok) return finish(engine, chosen);
        if (letters.length > 0) next = view.position + 1;
      } else if (reply.word === 'n') next = view.position + 1;
      else if (reply.word === 'p') next = view.position - 1;
      else if (/^g\s*\d+$/.test(reply.word)) next = Number(reply.word.replace(/\D/g, '')) - 1;
      else if (reply.word === 's') {
        const progress = examProgress(engine, { sessionId: view.session.id, personId: ctx.user });
        if (progress.ok && progress.unanswered.length > 0 && process.stdin.isTTY) {
          out(
            yellow(
              `${progress.unanswered.length} of ${progress.total} unanswered (they count as wrong). Type s again to submit, or any other key to go back.`,
            ),
          );
          const sure = await input.read(q.choices, multi, view.chosen);
          if (sure.kind !== 'command' || sure.word !== 's') continue;
        }
        const submitted = submitExam(engine, { sessionId: view.session.id, personId: ctx.user });
        if (!submitted.ok) return finish(engine, submitted);
        printResult(engine, submitted.result, view.exam);
        return 0;
      } else {
        err(`"${reply.word}" is not an answer or command. ${HELP}`);
        continue;
      }
      if (next >= view.total) {
        out(dim(`That was the last question. Type s to submit, or p / g N to review.`));
        next = view.total - 1;
      }
      const shown = showExam(engine, { sessionId: view.session.id, personId: ctx.user, position: Math.max(0, next) });
      if (!shown.ok) return finish(engine, shown);
      view = shown.view;
    }
  } finally {
    input.close();
    engine.close();
  }
}

/** The exam could not go on: time ran out (print the auto-submitted result) or it was refused. */
function finish(engine: Engine, refusal: Refusal): number {
  out(yellow(refusalText(refusal)));
  if (refusal.reason === 'submitted') {
    printResult(engine, refusal.result, refusal.result.exam ? engine.content.exams.get(refusal.result.exam) : undefined);
    return 0;
  }
  return 1;
}

/** A retired exam names its successor; a beta exam warns its outline may change. */
function examNotice(exam: Exam, engine: Engine): string | null {
  if (exam.status === 'retired') {
    const next = exam.successor ? engine.content.exams.get(exam.successor) : undefined;
    return `${exam.short} was retired by AWS${exam.retired_on ? ` on ${exam.retired_on}` : ''}${next ? `; its successor is ${next.short} (tutor exam --exam ${next.code})` : ''}.`;
  }
  return exam.status === 'beta' ? `${exam.short} is in beta: AWS may still change its outline.` : null;
}

export function printResult(engine: Engine, result: ExamResult, exam: Exam | undefined): void {
  out();
  const verdict = result.passed ? green(bold(`PASS: ${result.scaled}`)) : red(bold(`FAIL: ${result.scaled}`));
  out(
    `${verdict} ${dim(`(pass mark ${result.pass}; ${result.correct}/${result.total} right${result.autoSubmitted ? '; submitted at the deadline' : ''}${exam ? `; ${exam.short}` : ''})`)}`,
  );
  out(bold('By domain'));
  for (const d of result.domains)
    out(`  ${d.name.padEnd(56)} ${`${d.correct}/${d.total}`.padStart(6)} ${percent(d.total ? d.correct / d.total : null).padStart(5)}`);
  if (result.tasks.length > 0) {
    out(bold('By task'));
    for (const t of result.tasks)
      out(
        `  ${`${t.task} ${t.name}`.slice(0, 56).padEnd(56)} ${`${t.correct}/${t.total}`.padStart(6)} ${percent(t.total ? t.correct / t.total : null).padStart(5)}`,
      );
  }
  if (result.wrong.length === 0) return;
  out();
  out(bold(`Review: ${result.wrong.length} to learn from`));
  for (const w of result.wrong) {
    const q = engine.content.pool.byId.get(w.questionId);
    if (!q) continue;
    const notes = section(engine, q.section);
    out();
    out(`${bold(`Q${w.position + 1}.`)} ${q.prompt}`);
    out(
      `  ${w.chosen ? red(`You: ${w.chosen}`) : red('Unanswered')} · ${green(`Answer: ${w.expected}`)} (${w.expected
        .split('')
        .map((l) => q.choices[LETTERS.indexOf(l)])
        .join(' / ')})`,
    );
    out(`  ${q.explanation}`);
    if (notes) out(dim(`  Read: ${notes.title}`));
  }
}
