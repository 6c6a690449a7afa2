import { answerQuiz, quizProgress, startQuiz, type QuizMode } from '../quiz/quiz-session.js';
import { parseChoice } from '../quiz/grading.js';
import type { StreakView } from '../progress/streak.js';
import { answerInput } from './answer-input.js';
import { openEngine } from './engine.js';
import { bold, dim, err, out, UsageError, yellow } from './io.js';
import { positiveInt, type CliContext } from './main.js';
import { printFeedback, printQuestion, printRereadList } from './render.js';

/** `tutor quiz`: a personal quiz over the same engine as /quiz; every answer is saved as it is given. */
export async function quizCommand(ctx: CliContext): Promise<number> {
  const mode = ctx.values.mode ?? 'adaptive';
  if (mode !== 'adaptive' && mode !== 'missed') throw new UsageError(`--mode is "missed" or left out, not "${mode}"`);
  const count = positiveInt(ctx.values.count, 'count', 10, 25);
  const engine = openEngine(ctx);
  const input = answerInput();
  try {
    const started = startQuiz(engine, {
      personId: ctx.user,
      guildId: null,
      domain: ctx.values.domain,
      section: ctx.values.section,
      count,
      mode: ctx.values.mode === undefined ? undefined : (mode as QuizMode),
      fresh: ctx.values.new,
    });
    if (!started.ok) {
      err(started.reason === 'unfinished' ? `${started.message.replace('the new option', '--new')} (or run \`tutor quiz\` alone to resume it)` : started.message);
      return started.reason === 'empty' ? 0 : 1;
    }
    let step = started.step;
    let streak: StreakView | null = null;
    if (started.resumed) out(yellow(`Resuming your unfinished quiz at question ${step.step + 1}/${step.total} (start over with --new).`));
    for (;;) {
      const { question } = step;
      printQuestion(`Question ${step.step + 1}/${step.total}`, question, !process.stdin.isTTY);
      if (question.answer.length > 1) out(dim(`Choose ${question.answer.length}.`));
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
      const parsed = reply.kind === 'letters' ? parseChoice(reply.letters, question, { exactCount: process.stdin.isTTY === true }) : { ok: false as const, error: `"${reply.word}" is not an answer` };
      if (!parsed.ok) {
        err(`${parsed.error}; try again.`);
        continue;
      }
      const feedback = answerQuiz(engine, { sessionId: step.session.id, personId: ctx.user, step: step.step, chosen: parsed.chosen, durationMs: Date.now() - shownAt });
      if (!feedback.ok) {
        err(feedback.message);
        return 1;
      }
      if (feedback.duplicate) out(yellow(`Question ${step.step + 1} was already answered in another window (${feedback.grade.chosen}); going on from there.`));
      else printFeedback(engine.content, feedback);
      streak = feedback.streak ?? streak;
      // Read back where the quiz stands: another window may have moved it on, or finished it.
      const progress = quizProgress(engine, step.session.id, ctx.user);
      if (!progress.ok) {
        err(progress.message);
        return 1;
      }
      if (!progress.next) {
        const summary = progress.summary!;
        out();
        out(bold(`Done: ${summary.correct}/${summary.total} right.`) + (streak ? dim(`  Streak: ${streak.current} day${streak.current === 1 ? '' : 's'} (best ${streak.best}).`) : ''));
        printRereadList(engine.content, summary.reread);
        return 0;
      }
      step = progress.next;
    }
  } finally {
    input.close();
    engine.close();
  }
}
