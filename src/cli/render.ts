import { LETTERS, section, type Engine, type Exam, type Feedback, type Question } from '../study/index.js';
import { bold, cyan, dim, green, out, red } from './io.js';

/** Prints a question as the terminal shows it: header, prompt, lettered choices (for line input). */
export function printQuestion(header: string, question: Question, exam: Exam, withChoices: boolean): void {
  const placement = question.exams[exam.code];
  out();
  out(bold(header) + dim(`  ${placement?.domain ?? exam.code} · difficulty ${question.difficulty} · ${question.id}`));
  out(question.prompt);
  if (withChoices) question.choices.forEach((c, i) => out(`  ${bold(LETTERS[i]!)}. ${c}`));
}

export function printFeedback(engine: Engine, feedback: Feedback): void {
  const { grade, question } = feedback;
  const notes = section(engine, question.section);
  const answer = grade.expected
    .split('')
    .map((l) => `${l}. ${question.choices[LETTERS.indexOf(l)]}`)
    .join('; ');
  out(
    grade.correct
      ? green(bold('✔ Right.'))
      : red(bold(`✘ Not quite: the answer is ${answer}`)) + (grade.correct ? '' : dim(` (you chose ${grade.chosen})`)),
  );
  out(question.explanation);
  const reward = [
    feedback.streak && feedback.streak.current > 0 ? `🔥 ${feedback.streak.current}-day streak` : '',
    feedback.points ? `+${feedback.points} points` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  if (reward) out(dim(reward));
  if (notes) out(dim(`Read: ${notes.title} · tutor lookup "${notes.title}"`));
}

export function printRereadList(engine: Engine, sectionIds: readonly string[]): void {
  if (sectionIds.length === 0) return;
  out(bold('Reread:'));
  for (const id of sectionIds) out(`  ${cyan(section(engine, id)?.title ?? id)} ${dim(`(${id})`)}`);
}
