import { ActionRowBuilder, ButtonBuilder, ButtonStyle, StringSelectMenuBuilder, type MessageActionRowComponentBuilder } from 'discord.js';
import { truncate } from '../format.js';
import { LETTERS, sectionRef, type Question } from '../study/index.js';
import { encodeCustomId } from './custom-id.js';
import { LIMITS } from './limits.js';

type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;
export const row = (...components: MessageActionRowComponentBuilder[]): Row =>
  new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(...components);
export const button = (customId: string, label: string, style = ButtonStyle.Secondary, disabled = false) =>
  new ButtonBuilder().setCustomId(customId).setLabel(truncate(label, LIMITS.buttonLabel)).setStyle(style).setDisabled(disabled);

/**
 * Letter buttons, five to a row (Discord's maximum), for up to eight choices. The same look everywhere:
 * blue to pick, green with a tick once picked (multiple response, the exam).
 */
function letterRows(question: Question, make: (letter: string) => ButtonBuilder): Row[] {
  const letters = LETTERS.slice(0, question.choices.length).split('');
  const rows: Row[] = [];
  for (let i = 0; i < letters.length; i += 5) rows.push(row(...letters.slice(i, i + 5).map(make)));
  return rows;
}

const letterButton = (customId: string, letter: string, picked: boolean) =>
  button(customId, picked ? `✓ ${letter}` : letter, picked ? ButtonStyle.Success : ButtonStyle.Primary);

/**
 * A quiz question's buttons. Multiple response: letters toggle, and the current selection travels in
 * every button's id, so no state is kept between clicks; Submit unlocks at the asked-for count.
 */
export function quizButtons(sessionId: string, step: number, question: Question, selected = ''): Row[] {
  if (question.answer.length === 1) return letterRows(question, (l) => letterButton(encodeCustomId('qa', sessionId, step, l), l, false));
  const rows = letterRows(question, (l) => letterButton(encodeCustomId('qt', sessionId, step, selected, l), l, selected.includes(l)));
  const want = question.answer.length;
  const ready = selected.length === want;
  const label = ready ? `Submit ${selected.split('').join(' + ')}` : `Pick ${want - selected.length} more`;
  // Grey until it can be pressed, so a disabled button never looks like the action.
  rows.push(
    row(button(encodeCustomId('qs', sessionId, step, selected), label, ready ? ButtonStyle.Success : ButtonStyle.Secondary, !ready)),
  );
  return rows;
}

export function readButton(sectionId: string, title: string): ButtonBuilder {
  return button(encodeCustomId('rn', sectionRef(sectionId)), `📖 ${title}`);
}

export function feedbackButtons(sessionId: string, nextStep: number | null, section: { id: string; title: string } | undefined): Row[] {
  const buttons: ButtonBuilder[] = [];
  if (nextStep !== null) buttons.push(button(encodeCustomId('qn', sessionId, nextStep), 'Next ▶', ButtonStyle.Primary));
  if (section) buttons.push(readButton(section.id, section.title));
  return buttons.length ? [row(...buttons)] : [];
}

/** After the last answer: a button per section to reread, then "Replay missed" and "New quiz". */
export function summaryButtons(sessionId: string, reread: ReadonlyArray<{ id: string; title: string }>, missed: number): Row[] {
  const rows: Row[] = [];
  if (reread.length > 0) rows.push(row(...reread.slice(0, 5).map((s) => readButton(s.id, s.title))));
  const next = [button(encodeCustomId('qw'), 'New quiz', ButtonStyle.Primary)];
  if (missed > 0) next.unshift(button(encodeCustomId('qr', sessionId), `Replay ${missed} missed`, ButtonStyle.Success));
  rows.push(row(...next));
  return rows;
}

export function examButtons(sessionId: string, position: number, total: number, question: Question, chosen: string): Row[] {
  const rows = letterRows(question, (l) => letterButton(encodeCustomId('ea', sessionId, position, l), l, chosen.includes(l)));
  // Discord rejects two components with one custom_id, so a button that would go nowhere is left out.
  const nav: ButtonBuilder[] = [];
  if (position > 0) nav.push(button(encodeCustomId('en', sessionId, position - 1), '◀ Previous'));
  if (position < total - 1) nav.push(button(encodeCustomId('en', sessionId, position + 1), 'Next ▶'));
  if (nav.length > 0) rows.push(row(...nav));
  // On its own row, and only a request: submitting asks for confirmation first (one mis-tap on a phone).
  rows.push(row(button(encodeCustomId('es', sessionId, position), 'Finish exam…', ButtonStyle.Danger)));
  return rows;
}

export function submitConfirmButtons(sessionId: string, position: number): Row[] {
  return [
    row(
      button(encodeCustomId('ey', sessionId), 'Submit now', ButtonStyle.Danger),
      button(encodeCustomId('en', sessionId, position), 'Back to the exam', ButtonStyle.Secondary),
    ),
  ];
}

/** Review pages of a result: back to the result, previous, next, and the notes of this page's question. */
export function reviewButtons(sessionId: string, index: number, total: number, section?: { id: string; title: string }): Row[] {
  if (total === 0) return [];
  if (index < 0)
    return [row(button(encodeCustomId('er', sessionId, 0), `Review ${total} wrong answer${total === 1 ? '' : 's'}`, ButtonStyle.Primary))];
  const nav: ButtonBuilder[] = [button(encodeCustomId('er', sessionId, -1), '↩ Result')];
  if (index > 0) nav.push(button(encodeCustomId('er', sessionId, index - 1), '◀ Previous'));
  if (index < total - 1) nav.push(button(encodeCustomId('er', sessionId, index + 1), 'Next ▶', ButtonStyle.Primary));
  const rows = [row(...nav)];
  if (section) rows.push(row(readButton(section.id, section.title)));
  return rows;
}

export function dailyButtons(postId: number, question: Question): Row[] {
  return letterRows(question, (l) => letterButton(encodeCustomId('da', postId, l), l, false));
}

/** The other lookup hits as a menu (labels and descriptions within Discord's 100 characters). */
export function lookupMenu(
  hits: ReadonlyArray<{ id: string; title: string; snippet: string }>,
  share: boolean,
  placeholder?: string,
): Row[] {
  if (hits.length === 0) return [];
  const menu = new StringSelectMenuBuilder()
    .setCustomId(encodeCustomId('ls', share ? '1' : '0'))
    .setPlaceholder(placeholder ?? `${hits.length} other matching section${hits.length === 1 ? '' : 's'}`)
    .addOptions(
      hits.slice(0, LIMITS.selectOptions).map((h) => ({
        label: truncate(h.title, LIMITS.selectLabel),
        value: sectionRef(h.id),
        ...(h.snippet ? { description: truncate(h.snippet, LIMITS.selectDescription) } : {}),
      })),
    );
  return [row(menu)];
}

export function weakTaskButtons(tasks: ReadonlyArray<{ task: string; name: string }>): Row[] {
  // Short enough for a phone: the task number and the start of its name.
  const buttons = tasks
    .slice(0, 5)
    .map((t) => button(encodeCustomId('wt', t.task), truncate(`Practice ${t.task}: ${t.name}`, 40), ButtonStyle.Primary));
  return buttons.length ? [row(...buttons)] : [];
}

export function weakSectionButtons(sections: ReadonlyArray<{ id: string; title: string }>): Row[] {
  const buttons = sections
    .slice(0, 5)
    .map((s) => button(encodeCustomId('wq', sectionRef(s.id)), `Quiz: ${s.title}`, ButtonStyle.Secondary));
  return buttons.length ? [row(...buttons)] : [];
}
