import type { Content, EngineDefaults } from '../study/index.js';
import type { ParsedArgs } from './args.js';

/** What every terminal command gets: its arguments, the chosen folders, and the content (loaded on first use). */
export interface CliContext {
  args: string[];
  values: ParsedArgs['values'];
  knowledgeDir: string;
  dbPath: string;
  user: string;
  /** The exam asked for with --exam, if any (checked against the content by the command). */
  exam: string | undefined;
  defaults: EngineDefaults;
  content(): Content;
}
