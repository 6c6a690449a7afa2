import { EmbedBuilder, type APIEmbedField } from 'discord.js';
import type { Content } from '../content.js';
import { bar, clockTime, percent, truncate } from '../format.js';
import type { Section } from '../knowledge/section.js';
import type { ExamResult } from '../quiz/exam-score.js';
import type { ExamView } from '../quiz/exam-session.js';
import type { Feedback, QuizSummary } from '../quiz/quiz-session.js';
import { LETTERS, type Question } from '../quiz/question.js';
import type { PersonStats } from '../progress/stats.js';
import { LIMITS } from './limits.js';

export const COLORS = { info: 0x5865f2, right: 0x57f287, wrong: 0xed4245, warn: 0xfee75c, neutral: 0x99aab5 } as const;

const field = (name: string, value: string, inline = false): APIEmbedField => ({
  name: truncate(name, LIMITS.fieldName),
  value: truncate(value || '-', LIMITS.fieldValue),
  inline,
});

function domainName(content: Content, id: string): string {
  return content.blueprint.domains.find((d) => d.id === id)?.name ?? id;
}

export function sectionEmbed(content: Content, section: Section): EmbedBuilder {
  // Built from data rather than setters: the setters re-validate every field on every call, and these
  // renderers are already held to Discord's limits by their tests.
  return new EmbedBuilder({
    color: COLORS.info,
    title: truncate(section.title, LIMITS.embedTitle),
    description: truncate(section.text, LIMITS.embedDescription),
    footer: { text: truncate(`${domainName(content, section.domain)} · ${section.id} · ${section.source}`, LIMITS.footer) },
  });
}

/** The prompt and its lettered choices; the same layout for quizzes, exams and the daily question. */
export function questionText(question: Question, chosen = ''): string {
  const choices = question.choices.map((c, i) => {
    const letter = LETTERS[i]!;
    return `${chosen.includes(letter) ? '▶ ' : ''}**${letter}.** ${c}`;
  });
  const howMany = question.answer.length > 1 ? `\n*Choose ${question.answer.length}.*` : '';
  return truncate(`${question.prompt}${howMany}\n\n${choices.join('\n')}`, LIMITS.embedDescription);
}

export function questionEmbed(content: Content, title: string, question: Question, chosen = '', fields: APIEmbedField[] = []): EmbedBuilder {
  return new EmbedBuilder({
    color: COLORS.info,
    title: truncate(title, LIMITS.embedTitle),
    description: questionText(question, chosen),
    footer: { text: `${domainName(content, question.domain)} · difficulty ${question.difficulty} · ${question.id}` },
    fields,
  });
}

export function feedbackEmbed(content: Content, feedback: Pick<Feedback, 'grade' | 'question' | 'step' | 'total'>): EmbedBuilder {
  const { grade, question } = feedback;
  const section = content.search.section(question.section);
  const keyed = grade.expected
    .split('')
    .map((l) => `**${l}.** ${question.choices[LETTERS.indexOf(l)]}`)
    .join('\n');
  return new EmbedBuilder({
    color: grade.correct ? COLORS.right : COLORS.wrong,
    title: truncate(`${grade.correct ? '✅ Right' : `❌ Not quite: you chose ${grade.chosen}`} · ${feedback.step + 1}/${feedback.total}`, LIMITS.embedTitle),
    description: truncate(question.prompt, 1500),
    fields: [field('Answer', keyed), field('Why', question.explanation), field('From the notes', section ? `${section.title} (\`${section.id}\`)` : question.section)],
  });
}

export function summaryEmbed(content: Content, summary: QuizSummary): EmbedBuilder {
  const reread = summary.reread.map((id) => `• ${content.search.section(id)?.title ?? id}`).join('\n');
  return new EmbedBuilder()
    .setColor(summary.correct === summary.total ? COLORS.right : COLORS.info)
    .setTitle(`Quiz done: ${summary.correct}/${summary.total} right`)
    .setDescription(reread ? `Worth a reread:\n${truncate(reread, 3500)}` : 'Nothing to reread. Well done.');
}

export function statsEmbed(stats: PersonStats, who: string): EmbedBuilder {
  const domains = stats.domains.map((d) => `\`${bar(d.mastery)}\` ${percent(d.mastery).padStart(4)} · ${d.name} (${d.attempts})`).join('\n');
  const embed = new EmbedBuilder()
    .setColor(COLORS.info)
    .setTitle(truncate(`Progress of ${who}`, LIMITS.embedTitle))
    .addFields(
      field('Streak', `🔥 ${stats.streak.current} day${stats.streak.current === 1 ? '' : 's'} (best ${stats.streak.best})`, true),
      field('Answers', `${stats.attempts} · ${percent(stats.accuracy)} right`, true),
      field('Mastery by domain', domains),
    );
  if (stats.weak.length > 0) embed.addFields(field('Reread first', stats.weak.map((w) => `• ${w.title} (${w.correct}/${w.attempts})`).join('\n')));
  return embed;
}

export function examEmbed(content: Content, view: ExamView): EmbedBuilder {
  const deadline = Math.floor((view.session.deadline?.getTime() ?? 0) / 1000);
  return questionEmbed(content, `Mock exam · question ${view.position + 1}/${view.total}`, view.question, view.chosen, [
    field('Progress', `${view.answered}/${view.total} answered`, true),
    // Discord renders <t:…:R> as a live countdown on the reader's screen.
    field('Time left', `${clockTime(view.remainingMs)} (ends <t:${deadline}:R>)`, true),
  ]);
}

export function examResultEmbed(result: ExamResult): EmbedBuilder {
  return new EmbedBuilder()
    .setColor(result.passed ? COLORS.right : COLORS.wrong)
    .setTitle(`${result.passed ? '✅ Pass' : '❌ Not yet'}: ${result.scaled} (pass mark ${result.pass})`)
    .setDescription(`${result.correct}/${result.total} right${result.autoSubmitted ? ', submitted when time ran out' : ''}.`)
    .addFields(
      ...result.domains.map((d) => field(d.name, `\`${bar(d.total ? d.correct / d.total : 0)}\` ${d.correct}/${d.total}`)),
      ...(result.wrong.length > 0 ? [field('Review', `${result.wrong.length} answer${result.wrong.length === 1 ? '' : 's'} to learn from: use the Review buttons.`)] : []),
    );
}

/** One wrong exam answer with the key, the explanation and the section to reread. */
export function reviewEmbed(content: Content, result: ExamResult, index: number): EmbedBuilder {
  const wrong = result.wrong[index]!;
  const question = content.pool.byId.get(wrong.questionId);
  const section = question ? content.search.section(question.section) : undefined;
  const embed = new EmbedBuilder().setColor(COLORS.wrong).setTitle(`Review ${index + 1}/${result.wrong.length} · question ${wrong.position + 1}`);
  if (!question) return embed.setDescription('This question has been retired from the pool.');
  return embed
    .setDescription(questionText(question))
    .addFields(
      field('You', wrong.chosen ?? 'unanswered', true),
      field('Answer', wrong.expected, true),
      field('Why', question.explanation),
      field('From the notes', section ? `${section.title} (\`${section.id}\`)` : question.section),
    );
}

/** Total text of an embed, which Discord caps at 6000 characters per message. */
export function embedLength(embed: EmbedBuilder): number {
  const d = embed.data;
  return (d.title?.length ?? 0) + (d.description?.length ?? 0) + (d.footer?.text.length ?? 0) + (d.author?.name.length ?? 0) + (d.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}
