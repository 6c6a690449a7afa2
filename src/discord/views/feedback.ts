import { EmbedBuilder } from 'discord.js';
import { truncate } from '../../format.js';
import { LETTERS, type Exam, type Question, type StreakView } from '../../study/index.js';
import { COLORS } from '../colors.js';
import { LIMITS } from '../limits.js';
import { field, questionFooter } from './question.js';

export interface FeedbackInput {
  question: Question;
  exam: Exam;
  /** Letters the person picked ("" for unanswered). */
  chosen: string;
  correct: boolean;
  /** "3/10", "question 14 of the exam", "daily question". */
  where: string;
  /** The answer was given before (a double click): the first one stands. */
  duplicate?: boolean;
  streak?: StreakView | null;
  points?: number;
  sectionTitle?: string | undefined;
}

/** The choices with the answer and the person's pick marked inline, with their text. */
export function markedChoices(question: Question, chosen: string): string {
  return question.choices
    .map((text, i) => {
      const letter = LETTERS[i]!;
      const keyed = question.answer.includes(letter);
      const picked = chosen.includes(letter);
      const mark = keyed ? '✅' : picked ? '❌' : '▫️';
      const note = keyed && picked ? ' · your pick, right' : keyed ? ' · the answer' : picked ? ' · your pick' : '';
      return `${mark} **${letter}.** ${text}${note ? ` *${note.slice(3)}*` : ''}`;
    })
    .join('\n');
}

/** The motivation line after an answer: the streak and the points it earned. */
export function rewardLine(streak: StreakView | null | undefined, points: number | undefined): string | null {
  const parts: string[] = [];
  if (streak && streak.current > 0)
    parts.push(`🔥 ${streak.current}-day streak${streak.current >= streak.best && streak.current > 1 ? ' (your best)' : ''}`);
  if (points) parts.push(`+${points} point${points === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** One layout for every answer shown back: quiz feedback, the daily answer, an exam review page. */
export function feedbackEmbed(input: FeedbackInput): EmbedBuilder {
  const { question, chosen } = input;
  const verdict = chosen === '' ? '⏭️ Not answered' : input.correct ? '✅ Right' : '❌ Not quite';
  const embed = new EmbedBuilder({
    color: input.correct ? COLORS.right : COLORS.wrong,
    title: truncate(`${verdict} · ${input.where}`, LIMITS.embedTitle),
    description: truncate(`${truncate(question.prompt, 1800)}\n\n${markedChoices(question, chosen)}`, LIMITS.embedDescription),
    footer: { text: truncate(questionFooter(question, input.exam), LIMITS.footer) },
  });
  const fields = [field('Why', question.explanation)];
  if (input.duplicate) fields.unshift(field('Already answered', 'Your first answer stands; each question counts once.'));
  const reward = rewardLine(input.streak, input.points);
  if (reward) fields.push(field('Progress', reward));
  return embed.addFields(fields);
}
