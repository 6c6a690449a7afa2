import type { Refusal } from '../study/index.js';
import { userText } from './safe-text.js';

/** What a refusal of the engine says in Discord, with the commands a member can use here. */
export function refusalText(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'not-found':
      return {
        quiz: 'This quiz no longer exists. Start a new one with `/quiz`.',
        exam: 'This exam no longer exists. Start one with `/exam`.',
        'daily-post': 'This daily question does not exist here any more.',
        question: 'That question was retired from the pool.',
      }[refusal.subject];
    case 'not-owner':
      return refusal.subject === 'quiz'
        ? 'This quiz belongs to someone else. Start your own with `/quiz`.'
        : 'This exam belongs to someone else. Start your own with `/exam`.';
    case 'stale':
      return 'That question was already answered. Use the latest message of your quiz.';
    case 'unfinished':
      return `You have an unfinished quiz at question ${refusal.step + 1} of ${refusal.total}. Run \`/quiz\` alone to resume it, or add \`new:True\` to start the one you asked for.`;
    case 'nothing-missed':
      return 'Nothing to replay: every question you got wrong has since been answered right.';
    case 'no-questions':
      return 'No questions match that choice yet.';
    case 'unknown':
      return refusal.subject === 'time-zone'
        ? `“${userText(refusal.value, 64)}” is not a time zone; pick one from the list (for example Europe/Berlin).`
        : `There is no ${refusal.subject} “${userText(refusal.value, 64)}”; pick one from the list.`;
    case 'not-a-choice':
      return 'That is not one of the choices.';
    case 'closed':
      return `This daily question is closed: the answer was **${refusal.answer}**. Try today's!`;
    case 'not-submitted':
      return 'This exam is not submitted yet.';
    case 'submitted':
      return refusal.byDeadline ? 'Time is up: your exam was submitted.' : 'This exam is already submitted.';
  }
}
