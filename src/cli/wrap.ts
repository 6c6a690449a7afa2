// eslint-disable-next-line no-control-regex -- ESC starts every colour code; matching it is the point.
const ANSI = /\x1b\[[0-9;]*m/g;

const visible = (s: string) => s.replace(ANSI, '').length;

/**
 * Wraps text at word boundaries to `width` columns, counting only visible characters (colour codes
 * take no room). A wrapped line keeps the indentation of its first line, so lists stay lists. A word
 * longer than the width is left whole rather than broken.
 */
export function wrap(text: string, width: number): string {
  if (width < 20) return text;
  return text
    .split('\n')
    .map((line) => {
      if (visible(line) <= width) return line;
      const indent = /^\s*/.exec(line)![0];
      const hanging = indent + (/^\s*(?:[-•*]|\d+\.|[A-H]\.)\s/.test(line) ? '  ' : '');
      const out: string[] = [];
      let current = '';
      for (const word of line.slice(indent.length).split(/ +/)) {
        const lead = out.length === 0 ? indent : hanging;
        const candidate = current === '' ? word : `${current} ${word}`;
        if (current !== '' && visible(lead + candidate) > width) {
          out.push(lead + current);
          current = word;
        } else current = candidate;
      }
      out.push((out.length === 0 ? indent : hanging) + current);
      return out.join('\n');
    })
    .join('\n');
}
