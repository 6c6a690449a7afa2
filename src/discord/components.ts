import { ActionRowBuilder, ButtonBuilder, ButtonStyle, StringSelectMenuBuilder, type MessageActionRowComponentBuilder } from 'discord.js';
import { truncate } from '../format.js';
import type { LookupHit } from '../knowledge/search-index.js';
import { LETTERS, type Question } from '../quiz/question.js';
import { encodeCustomId } from './custom-id.js';
import { LIMITS } from './limits.js';

type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;
const row = (...components: MessageActionRowComponentBuilder[]): Row => new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(...components);
const button = (customId: string, label: string, style = ButtonStyle.Secondary, disabled = false) =>
  new ButtonBuilder().setCustomId(customId).setLabel(truncate(label, LIMITS.buttonLabel)).setStyle(style).setDisabled(disabled);

/** Letter buttons, five to a row (Discord's maximum), for up to eight choices. */
function letterRows(question: Question, make: (letter: string) => ButtonBuilder): Row[] {
  const letters = LETTERS.slice(0, question.choices.length).split('');
  const rows: Row[] = [];
  for (let i = 0; i < letters.length; i += 5) rows.push(row(...letters.slice(i, i + 5).map(make)));
  return rows;
}

/**
 * A quiz question's buttons. Multiple response: letters toggle, and the current selection travels in
 * every button's id, so no state is kept between clicks; Submit unlocks at the asked-for count.
 */
export function quizButtons(sessionId: string, step: number, question: Question, selected = ''): Row[] {
  if (question.answer.length === 1) return letterRows(question, (l) => button(encodeCustomId('qa', sessionId, step, l), l, ButtonStyle.Primary));
  const rows = letterRows(question, (l) => button(encodeCustomId('qt', sessionId, step, selected, l), selected.includes(l) ? `✓ ${l}` : l, selected.includes(l) ? ButtonStyle.Primary : ButtonStyle.Secondary));
  const ready = selected.length === question.answer.length;
  rows.push(row(button(encodeCustomId('qs', sessionId, step, selected), ready ? `Submit ${selected}` : `Pick ${question.answer.length}`, ButtonStyle.Success, !ready)));
  return rows;
}

export function feedbackButtons(sessionId: string, nextStep: number | null, sectionId: string): Row[] {
  const buttons = [button(encodeCustomId('rn', sectionId), '📖 Read the notes')];
  if (nextStep !== null) buttons.unshift(button(encodeCustomId('qn', sessionId, nextStep), 'Next ▶', ButtonStyle.Primary));
  return [row(...buttons)];
}

export function examButtons(sessionId: string, position: number, total: number, question: Question, chosen: string): Row[] {
  const rows = letterRows(question, (l) => button(encodeCustomId('ea', sessionId, position, l), chosen.includes(l) ? `✓ ${l}` : l, chosen.includes(l) ? ButtonStyle.Primary : ButtonStyle.Secondary));
  // Discord rejects two components with one custom_id, so a button that would go nowhere is left out.
  const nav: ButtonBuilder[] = [];
  if (position > 0) nav.push(button(encodeCustomId('en', sessionId, position - 1), '◀ Previous'));
  if (position < total - 1) nav.push(button(encodeCustomId('en', sessionId, position + 1), 'Next ▶'));
  nav.push(button(encodeCustomId('es', sessionId), 'Submit exam', ButtonStyle.Danger));
  rows.push(row(...nav));
  return rows;
}

/** Review pages of a result; index -1 is the result itself. */
export function reviewButtons(sessionId: string, index: number, total: number): Row[] {
  if (total === 0) return [];
  if (index < 0) return [row(button(encodeCustomId('er', sessionId, 0), 'Review wrong answers', ButtonStyle.Primary))];
  const nav: ButtonBuilder[] = [];
  if (index > 0) nav.push(button(encodeCustomId('er', sessionId, index - 1), '◀ Previous'));
  if (index < total - 1) nav.push(button(encodeCustomId('er', sessionId, index + 1), 'Next ▶', ButtonStyle.Primary));
  return nav.length ? [row(...nav)] : [];
}

export function dailyButtons(postId: number, question: Question, disabled = false): Row[] {
  return letterRows(question, (l) => button(encodeCustomId('da', postId, l), l, ButtonStyle.Primary, disabled));
}

/** The other lookup hits as a menu (labels and descriptions within Discord's 100 characters). */
export function lookupMenu(hits: readonly LookupHit[], share: boolean): Row[] {
  if (hits.length < 2) return [];
  const menu = new StringSelectMenuBuilder()
    .setCustomId(encodeCustomId('ls', share ? '1' : '0'))
    .setPlaceholder('Other matching sections')
    .addOptions(
      hits.slice(0, LIMITS.selectOptions).map((h) => ({
        label: truncate(h.title, LIMITS.selectLabel),
        value: h.id,
        description: truncate(h.snippet || h.domain, LIMITS.selectDescription),
      })),
    );
  return [row(menu)];
}

export function weakButtons(sectionIds: ReadonlyArray<{ id: string; title: string }>): Row[] {
  const buttons = sectionIds.slice(0, 5).map((s) => button(encodeCustomId('wq', s.id), `Quiz: ${s.title}`, ButtonStyle.Primary));
  return buttons.length ? [row(...buttons)] : [];
}

export function readButton(sectionId: string): Row[] {
  return [row(button(encodeCustomId('rn', sectionId), '📖 Read the notes'))];
}
