import type { Content } from '../content.js';
import { clockTime, percent } from '../format.js';
import { chooseExamAnswer, showExam, startExam, submitExam, type ExamView } from '../quiz/exam-session.js';
import type { ExamResult } from '../quiz/exam-score.js';
import { LETTERS } from '../quiz/question.js';
import { answerInput } from './answer-input.js';
import { openEngine } from './engine.js';
import { bold, dim, err, green, out, red, yellow } from './io.js';
import { positiveInt, type CliContext } from './main.js';
import { printQuestion } from './render.js';

const HELP = 'Letters answer (and go on) · n next · p previous · g N go to question N · s submit · Ctrl-C saves and leaves';

/** `tutor exam [--length N]`: a timed mock exam; no feedback until it is submitted, as on the real one. */
export async function examCommand(ctx: CliContext): Promise<number> {
  const length = positiveInt(ctx.values.length, 'length', ctx.content().blueprint.exam.questions, 500);
  const engine = openEngine(ctx);
  const input = answerInput(['n', 'p', 's']);
  try {
    const started = startExam(engine, { personId: ctx.user, guildId: null, length });
    if (!started.ok) {
      err(started.message);
      return 1;
    }
    if (started.previous) {
      out(yellow('Your previous exam ran out of time and was submitted:'));
      printResult(engine.content, started.previous);
    }
    let view: ExamView = started.view;
    out(started.resumed ? yellow(`Resuming your exam: ${clockTime(view.remainingMs)} left.`) : bold(`Mock exam: ${view.total} questions, ${clockTime(view.remainingMs)}.`));
    out(dim(HELP));
    for (;;) {
      const q = view.question;
      const multi = q.answer.length;
      printQuestion(`Question ${view.position + 1}/${view.total} · ${view.answered} answered · ${clockTime(view.remainingMs)} left`, q, !process.stdin.isTTY);
      if (multi > 1) out(dim(`Choose ${multi}.`));
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
        const toggles = multi === 1 ? letters.slice(-1) : [...letters.filter((l) => !view.chosen.includes(l)), ...view.chosen.split('').filter((l) => l && !letters.includes(l))];
        let chosen: ReturnType<typeof chooseExamAnswer> | undefined;
        for (const letter of toggles) chosen = chooseExamAnswer(engine, { sessionId: view.session.id, personId: ctx.user, position: view.position, letter });
        if (chosen && !chosen.ok) return finish(engine.content, chosen);
        if (letters.length > 0) next = view.position + 1;
      } else if (reply.word === 'n') next = view.position + 1;
      else if (reply.word === 'p') next = view.position - 1;
      else if (/^g\s*\d+$/.test(reply.word)) next = Number(reply.word.replace(/\D/g, '')) - 1;
      else if (reply.word === 's') {
        const submitted = submitExam(engine, view.session.id, ctx.user);
        if (!submitted.ok) return finish(engine.content, submitted);
        printResult(engine.content, submitted.result);
        return 0;
      } else {
        err(`"${reply.word}" is not an answer or command. ${HELP}`);
        continue;
      }
      if (next >= view.total) {
        out(dim(`That was the last question. Type s to submit, or p / g N to review.`));
        next = view.total - 1;
      }
      const shown = showExam(engine, view.session.id, ctx.user, Math.max(0, next));
      if (!shown.ok) return finish(engine.content, shown);
      view = shown.view;
    }
  } finally {
    input.close();
    engine.close();
  }
}

/** The exam could not go on: time ran out (print the auto-submitted result) or it was refused. */
function finish(content: Content, refusal: { message: string; result?: ExamResult }): number {
  out(yellow(refusal.message));
  if (refusal.result) {
    printResult(content, refusal.result);
    return 0;
  }
  return 1;
}

export function printResult(content: Content, result: ExamResult): void {
  out();
  const verdict = result.passed ? green(bold(`PASS: ${result.scaled}`)) : red(bold(`FAIL: ${result.scaled}`));
  out(`${verdict} ${dim(`(pass mark ${result.pass}; ${result.correct}/${result.total} right${result.autoSubmitted ? '; submitted at the deadline' : ''})`)}`);
  out(bold('By domain'));
  for (const d of result.domains) out(`  ${d.name.padEnd(48)} ${`${d.correct}/${d.total}`.padStart(6)} ${percent(d.total ? d.correct / d.total : null).padStart(5)}`);
  if (result.wrong.length === 0) return;
  out();
  out(bold(`Review: ${result.wrong.length} to learn from`));
  for (const w of result.wrong) {
    const q = content.pool.byId.get(w.questionId);
    if (!q) continue;
    const section = content.search.section(q.section);
    out();
    out(`${bold(`Q${w.position + 1}.`)} ${q.prompt}`);
    out(`  ${w.chosen ? red(`You: ${w.chosen}`) : red('Unanswered')} · ${green(`Answer: ${w.expected}`)} (${w.expected.split('').map((l) => q.choices[LETTERS.indexOf(l)]).join(' / ')})`);
    out(`  ${q.explanation}`);
    if (section) out(dim(`  Read: ${section.title} (${section.id})`));
  }
}
