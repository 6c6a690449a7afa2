import { answerQuiz, parseChoice, QUIZ_DEFAULT_COUNT, QUIZ_MAX_COUNT, quizProgress, startQuiz, type StreakView } from '../study/index.js';
import { answerInput } from './answer-input.js';
import { positiveInt } from './args.js';
import type { CliContext } from './context.js';
import { cliEngine, rememberExam } from './engine.js';
import { bold, dim, err, out, UsageError, yellow } from './io.js';
import { printFeedback, printQuestion, printRereadList } from './render.js';
import { refusalText } from './words.js';

/** `tutor quiz`: a personal quiz over the same engine as /quiz; every answer is saved as it is given. */
export async function quizCommand(ctx: CliContext): Promise<number> {
  const mode = ctx.values.mode ?? 'adaptive';
  if (mode !== 'adaptive' && mode !== 'missed') throw new UsageError(`--mode is "missed" or left out, not "${mode}"`);
  const count = positiveInt(ctx.values.count, 'count', QUIZ_DEFAULT_COUNT, QUIZ_MAX_COUNT);
  const engine = cliEngine(ctx);
  const input = answerInput();
  try {
    rememberExam(ctx, engine);
    const started = startQuiz(engine, {
      personId: ctx.user,
      guildId: null,
      domain: ctx.values.domain,
      task: ctx.values.task,
      section: ctx.values.section,
      count,
      mode: ctx.values.mode === undefined ? undefined : mode,
      fresh: ctx.values.new,
    });
    if (!started.ok) {
      err(refusalText(started));
      return started.reason === 'nothing-missed' || started.reason === 'no-questions' ? 0 : 1;
    }
    let step = started.step;
    let streak: StreakView | null = null;
    if (started.resumed) out(yellow(`Resuming your unfinished quiz at question ${step.step + 1}/${step.total} (start over with --new).`));
    for (;;) {
      const { question } = step;
      printQuestion(`Question ${step.step + 1}/${step.total}`, question, step.exam, !process.stdin.isTTY);
      const shownAt = Date.now();
      const reply = await input.read(question.choices, question.answer.length);
      if (reply.kind === 'end') {
        const progress = quizProgress(engine, step.session.id, ctx.user);
        const answered = progress.ok && progress.next ? progress.next.step : step.step;
        out();
        out(`Saved ${answered} answer${answered === 1 ? '' : 's'}. Run \`tutor quiz\` to pick up at question ${answered + 1}.`);
        return reply.interrupted ? 130 : 0;
      }
      // At a keyboard a wrong number of letters is asked again; piped, each line is one answer.
      const parsed =
        reply.kind === 'letters'
          ? parseChoice(reply.letters, question, { exactCount: process.stdin.isTTY === true })
          : { ok: false as const, error: `"${reply.word}" is not an answer` };
      if (!parsed.ok) {
        err(`${parsed.error}; try again.`);
        continue;
      }
      const feedback = answerQuiz(engine, {
        sessionId: step.session.id,
        personId: ctx.user,
        step: step.step,
        chosen: parsed.chosen,
        durationMs: Date.now() - shownAt,
      });
      if (!feedback.ok) {
        err(refusalText(feedback));
        return 1;
      }
      if (feedback.duplicate)
        out(yellow(`Question ${step.step + 1} was already answered in another window (${feedback.grade.chosen}); going on from there.`));
      else printFeedback(engine, feedback);
      streak = feedback.streak ?? streak;
      // Read back where the quiz stands: another window may have moved it on, or finished it.
      const progress = quizProgress(engine, step.session.id, ctx.user);
      if (!progress.ok) {
        err(refusalText(progress));
        return 1;
      }
      if (!progress.next) {
        const summary = progress.summary!;
        out();
        out(
          bold(`Done: ${summary.correct}/${summary.total} right.`) +
            (streak ? dim(`  Streak: ${streak.current} day${streak.current === 1 ? '' : 's'} (best ${streak.best}).`) : ''),
        );
        printRereadList(engine, summary.reread);
        return 0;
      }
      step = progress.next;
    }
  } finally {
    input.close();
    engine.close();
  }
}
