// What a person does in a scenario (commands, presses, menu picks), and the question a session
// shows read from the bot's database, so a step can answer right or wrong on purpose.
import type { APIMessage } from 'discord.js';
import type { Question } from '../../src/study/index.js';
import { G, shippedContent, type Harness } from '../../tests/e2e/harness.js';
import type { Interaction, SlashOptions } from '../../tests/fake-discord/server.js';

/** Every custom_id on a message (buttons and menus), in order. */
export function customIds(message: APIMessage | undefined): string[] {
  return (message?.components ?? []).flatMap((row) =>
    ('components' in row ? row.components : []).map((c) => ('custom_id' in c ? String(c.custom_id) : '')),
  );
}

/** The custom_id that starts with `prefix` (and ends with `suffix`); throws with the ids there are when none does. */
export function findId(message: APIMessage, prefix: string, suffix = ''): string {
  const id = customIds(message).find((c) => c.startsWith(prefix) && c.endsWith(suffix));
  if (!id) throw new Error(`no ${prefix}…${suffix} component on the message (it has: ${customIds(message).join(', ') || 'none'})`);
  return id;
}

/** The session id a quiz or exam button carries: v1:<kind>:<session>:… */
export function sessionOf(message: APIMessage, prefix: string): string {
  return findId(message, prefix).split(':')[2]!;
}

/** The questions of a quiz or exam session, in order, from the bot's database. */
export function sessionQuestions(h: Harness, sessionId: string): Question[] {
  const row = h.withDb((db) => db.sqlite.prepare('SELECT question_ids FROM sessions WHERE id = ?').get(sessionId)) as
    { question_ids: string } | undefined;
  if (!row) throw new Error(`no session ${sessionId} in the database`);
  const pool = shippedContent().pool.byId;
  return (JSON.parse(row.question_ids) as string[]).map((id) => {
    const q = pool.get(id);
    if (!q) throw new Error(`question ${id} is not in the shipped content`);
    return q;
  });
}

/** The question of a daily post, from the bot's database. */
export function dailyQuestion(h: Harness, messageId: string): Question {
  const row = h.withDb((db) => db.sqlite.prepare('SELECT question_id FROM daily_posts WHERE message_id = ?').get(messageId)) as
    { question_id: string } | undefined;
  if (!row) throw new Error(`no daily post for message ${messageId}`);
  return shippedContent().pool.byId.get(row.question_id)!;
}

const LETTERS = 'ABCDEFGH';

/** Letters that answer a question right, or wrong (for several answers: one right letter swapped for a wrong one). */
export function lettersFor(question: Question, right: boolean): string[] {
  if (right) return [...question.answer];
  const wrong = LETTERS.slice(0, question.choices.length)
    .split('')
    .filter((l) => !question.answer.includes(l));
  return question.answer.length === 1 ? [wrong[0]!] : [...question.answer.slice(1), wrong[0]!].sort();
}

/** A person's hands on the fake Discord, remembering which slash command made which message. */
export class Hands {
  /** Slash command as typed, by interaction id. */
  readonly commands = new Map<string, string>();

  constructor(
    private readonly h: () => Harness,
    private readonly names: Record<string, string>,
  ) {}

  private name(id: string): string {
    return this.names[id] ?? id;
  }

  /** `/name sub option: value`, as Discord shows the command above its reply. */
  private typed(name: string, options: SlashOptions, subcommand?: string): string {
    const opts = Object.entries(options).map(([k, v]) => `${k}: ${typeof v === 'string' && this.names[v] ? this.names[v] : String(v)}`);
    return ['/' + name, ...(subcommand ? [subcommand] : []), ...opts].join(' ');
  }

  async slash(user: string, channel: string, name: string, options: SlashOptions = {}, subcommand?: string): Promise<Interaction> {
    const r = await this.h().fake.slash(user, G, channel, name, options, subcommand);
    this.commands.set(r.id, this.typed(name, options, subcommand));
    return r;
  }

  /** The message the person ends up seeing after a slash command. */
  async run(user: string, channel: string, name: string, options: SlashOptions = {}, subcommand?: string): Promise<APIMessage> {
    return (await this.slash(user, channel, name, options, subcommand)).final();
  }

  async press(user: string, message: APIMessage, customId: string): Promise<APIMessage> {
    return (await this.h().fake.click(user, message, customId)).final();
  }

  async pick(user: string, message: APIMessage, customId: string, values: string[]): Promise<APIMessage> {
    return (await this.h().fake.select(user, message, customId, values)).final();
  }

  async forge(user: string, message: APIMessage, customId: string): Promise<APIMessage> {
    return (await this.h().fake.forge(user, message, customId)).final();
  }

  /** "alice types /quiz count: 5" */
  says(user: string, name: string, options: SlashOptions = {}, subcommand?: string): string {
    return `${this.name(user)} types ${this.typed(name, options, subcommand)}`;
  }

  /** Answers a quiz message's question (single or several answers) right or wrong; returns the feedback. */
  async answerQuiz(user: string, message: APIMessage, question: Question, right: boolean): Promise<APIMessage> {
    const letters = lettersFor(question, right);
    if (question.answer.length === 1) return this.press(user, message, findId(message, 'v1:qa:', `:${letters[0]}`));
    let current = message;
    for (const l of letters) current = await this.press(user, current, findId(current, 'v1:qt:', `:${l}`));
    return this.press(user, current, findId(current, 'v1:qs:'));
  }

  /** A whole quiz answered without recording: right except at the steps in `wrongAt`. */
  async quietQuiz(
    user: string,
    channel: string,
    count: number,
    wrongAt: readonly number[] = [],
    extra: SlashOptions = {},
  ): Promise<APIMessage> {
    let message = await this.run(user, channel, 'quiz', { count, new: true, ...extra });
    const questions = sessionQuestions(this.h(), sessionOfQuiz(message));
    for (let step = 0; step < questions.length; step++) {
      message = await this.answerQuiz(user, message, questions[step]!, !wrongAt.includes(step));
      if (step < questions.length - 1) message = await this.press(user, message, findId(message, 'v1:qn:'));
    }
    return message;
  }
}

/** The session id of a quiz question message (single: qa, several: qt). */
export function sessionOfQuiz(message: APIMessage): string {
  const id = customIds(message).find((c) => c.startsWith('v1:qa:') || c.startsWith('v1:qt:'));
  if (!id) throw new Error(`not a quiz question: ${customIds(message).join(', ')}`);
  return id.split(':')[2]!;
}
