import { EmbedBuilder, type APIEmbedField } from 'discord.js';
import { truncate } from '../../format.js';
import { domainName, LETTERS, type Exam, type Question } from '../../study/index.js';
import { COLORS } from '../colors.js';
import { LIMITS } from '../limits.js';

export const field = (name: string, value: string, inline = false): APIEmbedField => ({
  name: truncate(name, LIMITS.fieldName),
  value: truncate(value || '-', LIMITS.fieldValue),
  inline,
});

/** "(Choose two.)" is already in the prompt of a multiple-response question: no second hint. */
export function questionText(question: Question, chosen = ''): string {
  const choices = question.choices.map((c, i) => {
    const letter = LETTERS[i]!;
    return `${chosen.includes(letter) ? '▶ ' : ''}**${letter}.** ${c}`;
  });
  return truncate(`${question.prompt}\n\n${choices.join('\n')}`, LIMITS.embedDescription);
}

/** Where a question sits, in words a learner reads: exam, domain, difficulty. */
export function questionFooter(question: Question, exam: Exam): string {
  const placement = question.exams[exam.code];
  const where = placement ? `${exam.short} · ${domainName(exam, placement.domain)}` : exam.short;
  return `${where} · difficulty ${question.difficulty} of 3`;
}

export function questionEmbed(title: string, question: Question, exam: Exam, chosen = '', fields: APIEmbedField[] = []): EmbedBuilder {
  return new EmbedBuilder({
    color: COLORS.info,
    title: truncate(title, LIMITS.embedTitle),
    description: questionText(question, chosen),
    footer: { text: truncate(questionFooter(question, exam), LIMITS.footer) },
    fields,
  });
}
