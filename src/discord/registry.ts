import type { Content } from '../study/index.js';
import type { ComponentHandler, SlashCommand } from './command.js';
import { daily, dailyComponents } from './commands/daily.js';
import { exam, examComponents } from './commands/exam.js';
import { group } from './commands/group.js';
import { help } from './commands/help.js';
import { leaderboard } from './commands/leaderboard.js';
import { lookup, lookupComponents } from './commands/lookup.js';
import { quiz, quizComponents } from './commands/quiz.js';
import { settings } from './commands/settings.js';
import { stats, weak } from './commands/stats.js';
import type { CustomIdKind } from './custom-id.js';

const all: readonly SlashCommand[] = [lookup, quiz, exam, stats, weak, leaderboard, daily, group, settings, help];

/** Every slash command by name, with the body Discord registers for it. */
export function commandsByName(content: Content): Map<string, SlashCommand> {
  return new Map(all.map((c) => [c.data(content).name, c]));
}

/** Every component handler, by custom_id kind: a kind without a handler does not compile. */
export const componentHandlers = {
  ...lookupComponents,
  ...quizComponents,
  ...examComponents,
  ...dailyComponents,
} satisfies { [K in CustomIdKind]: ComponentHandler<K> };

/** The JSON bodies Discord registers. */
export function commandBodies(content: Content) {
  return all.map((c) => c.data(content));
}
