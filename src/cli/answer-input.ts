import { createInterface, emitKeypressEvents, moveCursor, clearScreenDown } from 'node:readline';
import { LETTERS } from '../study/index.js';
import { bold, cyan, dim, out } from './io.js';

/** What the person typed: letters, a command word (exam navigation), or nothing more (end of input, Ctrl-C). */
export type Input = { kind: 'letters'; letters: string } | { kind: 'command'; word: string } | { kind: 'end'; interrupted: boolean };

export interface AnswerInput {
  /** Asks for an answer to the shown choices; `selected` is what is already chosen (exam). */
  read(choices: readonly string[], multi: number, selected?: string): Promise<Input>;
  close(): void;
}

/**
 * Piped or typed lines: one answer per line ("B", "AC", "a, c"), or a command word. This is what
 * `printf 'A\nB\n' | tutor quiz` uses, so it must never lose or reorder a line.
 */
export function lineInput(): AnswerInput {
  const rl = createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async read(_choices, multi) {
      process.stdout.write(dim(multi > 1 ? `Your ${multi} letters: ` : 'Your answer: '));
      const next = await lines.next();
      if (next.done) return { kind: 'end', interrupted: false };
      const text = String(next.value).trim();
      if (!process.stdin.isTTY) out(text);
      return /^[a-h](?:[\s,;]*[a-h])*$/i.test(text)
        ? { kind: 'letters', letters: text.replace(/[\s,;]/g, '').toUpperCase() }
        : { kind: 'command', word: text.toLowerCase() };
    },
    close: () => rl.close(),
  };
}

/**
 * A real terminal: arrows move, space toggles (multiple response), a letter picks, Enter confirms;
 * other single keys are commands for the exam (n, p, s, q). Ctrl-C ends the session, keeping every answer.
 */
export function keyInput(commandKeys: readonly string[] = []): AnswerInput {
  emitKeypressEvents(process.stdin);
  return {
    read(choices, multi, selected = '') {
      return new Promise((resolve) => {
        let cursor = Math.max(0, LETTERS.indexOf(selected[0] ?? 'A'));
        const picked = new Set(selected.split('').filter(Boolean));
        let drawn = 0;
        const draw = () => {
          if (drawn > 0) {
            moveCursor(process.stdout, 0, -drawn);
            clearScreenDown(process.stdout);
          }
          const lines = choices.map((c, i) => {
            const letter = LETTERS[i]!;
            const mark = multi > 1 ? (picked.has(letter) ? '[x]' : '[ ]') : picked.has(letter) ? '(•)' : '( )';
            const line = `${i === cursor ? cyan('›') : ' '} ${mark} ${bold(letter)}. ${c}`;
            return line;
          });
          const hint = dim(
            multi > 1
              ? `↑/↓ move · space toggles · Enter submits ${multi} · ${commandKeys.join(' ')}`
              : `↑/↓ move · letter or Enter picks · ${commandKeys.join(' ')}`,
          );
          const text = [...lines, hint].join('\n');
          process.stdout.write(`${text}\n`);
          const columns = process.stdout.columns || 80;
          drawn = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(stripAnsi(l).length / columns)), 0);
        };
        const finish = (result: Input) => {
          process.stdin.off('keypress', onKey);
          process.stdin.setRawMode(false);
          process.stdin.pause();
          resolve(result);
        };
        const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean }) => {
          if (key.ctrl && (key.name === 'c' || key.name === 'd')) return finish({ kind: 'end', interrupted: key.name === 'c' });
          if (key.name === 'up') cursor = (cursor + choices.length - 1) % choices.length;
          else if (key.name === 'down') cursor = (cursor + 1) % choices.length;
          else if (key.name === 'space' && multi > 1) toggle(LETTERS[cursor]!);
          else if (key.name === 'return') {
            if (multi === 1) return finish({ kind: 'letters', letters: picked.size === 1 ? [...picked][0]! : LETTERS[cursor]! });
            if (picked.size === multi) return finish({ kind: 'letters', letters: [...picked].sort().join('') });
          } else if (str && /^[a-h]$/i.test(str) && LETTERS.indexOf(str.toUpperCase()) < choices.length) {
            const letter = str.toUpperCase();
            cursor = LETTERS.indexOf(letter);
            if (multi === 1) return finish({ kind: 'letters', letters: letter });
            toggle(letter);
          } else if (str && commandKeys.includes(str.toLowerCase())) return finish({ kind: 'command', word: str.toLowerCase() });
          draw();
        };
        const toggle = (letter: string) => (picked.has(letter) ? picked.delete(letter) : picked.add(letter));
        process.stdin.setRawMode(true);
        process.stdin.resume();
        process.stdin.on('keypress', onKey);
        draw();
      });
    },
    close: () => undefined,
  };
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- ESC starts every colour code; matching it is the point.
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Keys in a terminal, lines otherwise (pipes, files, test drivers). */
export function answerInput(commandKeys: readonly string[] = []): AnswerInput {
  return process.stdin.isTTY ? keyInput(commandKeys) : lineInput();
}
