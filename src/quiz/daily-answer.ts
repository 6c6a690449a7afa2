import { getDailyPost } from '../db/daily-posts.js';
import { refuse, type Engine, type Refusal } from '../engine.js';
import { recordAnswer } from '../progress/record-answer.js';
import { fastThresholdMs, grade, type Grade } from './grading.js';
import type { Question } from './question.js';

export interface DailyAnswer {
  ok: true;
  question: Question;
  grade: Grade;
  /** The member had already answered this post: their first answer stands. */
  duplicate: boolean;
}

/**
 * One member's answer to a daily post. Each member answers once: a second click, even on another
 * letter, returns the first answer and changes nothing.
 */
export function answerDaily(
  engine: Engine,
  input: { postId: number; guildId: string; personId: string; letter: string; guildTimeZone?: string | undefined },
): DailyAnswer | Refusal {
  const post = getDailyPost(engine.store, input.postId);
  if (!post || post.guildId !== input.guildId) return refuse('not-found', 'This daily question does not exist here.');
  const question = engine.content.pool.byId.get(post.questionId);
  if (!question) return refuse('not-found', 'This daily question was retired from the pool.');
  if (post.revealedAt) return refuse('finished', `This daily question is closed: the answer was ${question.answer.join('')}. Try today's!`);
  if (!'ABCDEFGH'.slice(0, question.choices.length).includes(input.letter)) return refuse('invalid', 'That is not one of the choices.');
  const result = grade(question, input.letter);
  const recorded = recordAnswer(
    engine.store,
    {
      personId: input.personId,
      guildId: input.guildId,
      guildTimeZone: input.guildTimeZone,
      questionId: question.id,
      sectionId: question.section,
      domain: question.domain,
      chosen: result.chosen,
      correct: result.correct,
      source: 'daily',
      sourceRef: String(post.id),
      step: 0,
      durationMs: null,
      fastThresholdMs: fastThresholdMs(question),
    },
    engine.clock,
  );
  return { ok: true, question, grade: recorded.duplicate ? grade(question, recorded.attempt.chosen) : result, duplicate: recorded.duplicate };
}
