import type { Exam } from '../../study/index.js';

/** A retired exam names its successor; a beta exam warns its outline may change. Current exams say nothing. */
export function examNotice(exam: Exam, successorName?: string): string | null {
  if (exam.status === 'retired')
    return `${exam.short} was retired by AWS${exam.retired_on ? ` on ${exam.retired_on}` : ''}${successorName ? `; its successor is ${successorName}` : ''}.`;
  if (exam.status === 'beta') return `${exam.short} is in beta: AWS may still change its outline.`;
  return null;
}

export function examStatusLine(exam: Exam, text: string): string {
  const notice = examNotice(exam);
  return notice ? `${notice} ${text}` : text;
}
