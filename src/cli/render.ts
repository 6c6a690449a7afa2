import type { Feedback } from '../quiz/quiz-session.js';
import { LETTERS, type Question } from '../quiz/question.js';
import type { Content } from '../content.js';
import { bold, cyan, dim, green, out, red } from './io.js';

/** Prints a question as the terminal shows it: header, prompt, lettered choices (for line input). */
export function printQuestion(header: string, question: Question, withChoices: boolean): void {
  out();
  out(bold(header) + dim(`  ${question.domain} · difficulty ${question.difficulty} · ${question.id}`));
  out(question.prompt);
  if (withChoices) question.choices.forEach((c, i) => out(`  ${bold(LETTERS[i]!)}. ${c}`));
}

export function printFeedback(content: Content, feedback: Feedback): void {
  const { grade, question } = feedback;
  const section = content.search.section(question.section);
  out(grade.correct ? green(bold('✔ Right.')) : red(bold(`✘ Not quite: the answer is ${grade.expected.split('').join(' and ')}.`)) + (grade.correct ? '' : dim(` You chose ${grade.chosen}.`)));
  out(question.explanation);
  if (section) out(dim(`Read: ${section.title} (${section.id}) · tutor lookup "${section.title}"`));
}

export function printRereadList(content: Content, sectionIds: readonly string[]): void {
  if (sectionIds.length === 0) return;
  out(bold('Reread:'));
  for (const id of sectionIds) out(`  ${cyan(content.search.section(id)?.title ?? id)} ${dim(`(${id})`)}`);
}
