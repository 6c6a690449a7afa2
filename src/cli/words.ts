import type { Refusal } from '../study/index.js';

/** What a refusal of the engine says in the terminal, with the flags a person can use here. */
export function refusalText(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'not-found':
      return `That ${refusal.subject === 'daily-post' ? 'daily question' : refusal.subject} no longer exists.`;
    case 'not-owner':
      return `That ${refusal.subject} belongs to someone else (see --user).`;
    case 'stale':
      return 'That question was already answered.';
    case 'unfinished':
      return `You have an unfinished quiz at question ${refusal.step + 1} of ${refusal.total}. Run \`tutor quiz\` alone to resume it, or add --new to start the one you asked for.`;
    case 'nothing-missed':
      return 'Nothing to replay: every question you got wrong has since been answered right.';
    case 'no-questions':
      return 'No questions match that choice.';
    case 'unknown':
      return refusal.subject === 'time-zone'
        ? `"${refusal.value}" is not an IANA time zone such as Europe/Berlin.`
        : `Unknown ${refusal.subject} "${refusal.value}".${refusal.valid.length > 0 ? ` Choose one of: ${refusal.valid.join(', ')}.` : ''}`;
    case 'not-a-choice':
      return `${refusal.letter} is not one of the choices.`;
    case 'closed':
      return `That daily question is closed: the answer was ${refusal.answer}.`;
    case 'not-submitted':
      return 'That exam is not submitted yet.';
    case 'submitted':
      return refusal.byDeadline ? 'Time is up: your exam was submitted.' : 'That exam is already submitted.';
  }
}
