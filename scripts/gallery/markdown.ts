// Discord's markdown as HTML: bold, italics, underline, strikethrough, spoilers, code, links,
// headings, lists and quotes, mentions as names and <t:…> timestamps as a reader sees them.
// Every piece of text goes through escapeHtml: nothing the bot sends can inject markup.

export interface MarkdownContext {
  /** Usernames by user id, for <@id>. */
  users: Readonly<Record<string, string>>;
  /** Channel names by id, for <#id>. */
  channels: Readonly<Record<string, string>>;
  /** The reader's "now" (ms), for relative timestamps. */
  now: number;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** "in 5 minutes", "2 days ago": the wording Discord uses for <t:…:R> (moment.js thresholds). */
export function relativeTime(target: number, now: number): string {
  const s = Math.abs(target - now) / 1000;
  const days = s / 86_400;
  let words: string;
  if (s < 45) words = 'a few seconds';
  else if (s < 90) words = 'a minute';
  else if (s < 45 * 60) words = `${Math.round(s / 60)} minutes`;
  else if (s < 90 * 60) words = 'an hour';
  else if (s < 22 * 3600) words = `${Math.round(s / 3600)} hours`;
  else if (s < 36 * 3600) words = 'a day';
  else if (days < 26) words = `${Math.round(days)} days`;
  else if (days < 45) words = 'a month';
  else if (days < 320) words = `${Math.round(days / 30.4)} months`;
  else if (days < 548) words = 'a year';
  else words = `${Math.round(days / 365)} years`;
  return target >= now ? `in ${words}` : `${words} ago`;
}

const STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { hour: 'numeric', minute: '2-digit' },
  T: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  d: { year: 'numeric', month: '2-digit', day: '2-digit' },
  D: { year: 'numeric', month: 'long', day: 'numeric' },
  f: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  F: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
};

/** A <t:unix:style> timestamp as a reader in UTC sees it. */
export function formatTimestamp(unix: number, style: string, now: number): string {
  if (style === 'R') return relativeTime(unix * 1000, now);
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', ...(STYLES[style] ?? STYLES.f) }).format(new Date(unix * 1000));
}

type Rule = { re: RegExp; html: (m: RegExpExecArray, ctx: MarkdownContext) => string; afterNonWord?: boolean };

const link = (href: string, text: string) => `<a class="md-link" href="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>`;

/** Inline rules in Discord's order of precedence; each regex is sticky and matched at the cursor. */
const RULES: Rule[] = [
  { re: /\\([^0-9A-Za-z\s])/y, html: (m) => escapeHtml(m[1]!) },
  { re: /(`+)([\s\S]*?[^`])\1(?!`)/y, html: (m) => `<code class="md-code">${escapeHtml(m[2]!.trim())}</code>` },
  {
    re: /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y,
    html: (m, ctx) => {
      const unix = Number(m[1]);
      const full = formatTimestamp(unix, 'F', ctx.now);
      return `<span class="md-time" title="${escapeHtml(full)} UTC">${escapeHtml(formatTimestamp(unix, m[2] ?? 'f', ctx.now))}</span>`;
    },
  },
  { re: /<@!?(\d{15,21})>/y, html: (m, ctx) => `<span class="md-mention">@${escapeHtml(ctx.users[m[1]!] ?? 'unknown-user')}</span>` },
  { re: /<@&(\d{15,21})>/y, html: () => `<span class="md-mention">@role</span>` },
  {
    re: /<#(\d{15,21})>/y,
    html: (m, ctx) => `<span class="md-mention">#${escapeHtml(ctx.channels[m[1]!] ?? 'unknown-channel')}</span>`,
  },
  { re: /<a?:(\w{2,32}):\d{15,21}>/y, html: (m) => `:${escapeHtml(m[1]!)}:` },
  { re: /<(https?:\/\/[^\s>]+)>/y, html: (m) => link(m[1]!, escapeHtml(m[1]!)) },
  {
    re: /\[((?:\\[\s\S]|[^\\\]])+)\]\(<?(https?:\/\/[^\s)>]+)>?\)/y,
    html: (m, ctx) => link(m[2]!, inline(m[1]!, ctx)),
  },
  { re: /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/y, html: (m) => link(m[0], escapeHtml(m[0])) },
  { re: /\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)/y, html: (m, ctx) => `<strong>${inline(m[1]!, ctx)}</strong>` },
  { re: /__((?:\\[\s\S]|[^\\])+?)__(?!_)/y, html: (m, ctx) => `<u>${inline(m[1]!, ctx)}</u>` },
  {
    re: /\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)/y,
    html: (m, ctx) => `<em>${inline(m[1]!, ctx)}</em>`,
  },
  { re: /_((?:__|\\[\s\S]|[^\\_])+?)_(?![A-Za-z0-9_])/y, html: (m, ctx) => `<em>${inline(m[1]!, ctx)}</em>`, afterNonWord: true },
  { re: /~~([\s\S]+?)~~/y, html: (m, ctx) => `<s>${inline(m[1]!, ctx)}</s>` },
  { re: /\|\|([\s\S]+?)\|\|/y, html: (m, ctx) => `<span class="md-spoiler">${inline(m[1]!, ctx)}</span>` },
];

const SPECIAL = new Set(['\\', '`', '<', '[', 'h', '*', '_', '~', '|']);

/** Inline markdown: one paragraph or a title; newlines become line breaks. */
export function inline(text: string, ctx: MarkdownContext): string {
  let out = '';
  let i = 0;
  outer: while (i < text.length) {
    const c = text[i]!;
    if (SPECIAL.has(c)) {
      for (const rule of RULES) {
        if (rule.afterNonWord && i > 0 && /[A-Za-z0-9_]/.test(text[i - 1]!)) continue;
        rule.re.lastIndex = i;
        const m = rule.re.exec(text);
        if (m && m[0].length > 0) {
          out += rule.html(m, ctx);
          i += m[0].length;
          continue outer;
        }
      }
    }
    out += c === '\n' ? '<br>' : escapeHtml(c);
    i++;
  }
  return out;
}

/** Block markdown (code blocks, headings, -# subtext, quotes, lists) around inline markdown. */
export function markdown(text: string, ctx: MarkdownContext): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<div class="md-p">${inline(paragraph.join('\n'), ctx)}</div>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence) {
      const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
      if (end > i) {
        flush();
        out.push(`<pre class="md-pre"><code>${escapeHtml(lines.slice(i + 1, end).join('\n'))}</code></pre>`);
        i = end;
        continue;
      }
    }
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (heading) {
      flush();
      out.push(`<div class="md-h${heading[1]!.length}">${inline(heading[2]!, ctx)}</div>`);
      continue;
    }
    const sub = /^-# (.+)$/.exec(line);
    if (sub) {
      flush();
      out.push(`<div class="md-sub">${inline(sub[1]!, ctx)}</div>`);
      continue;
    }
    if (/^>>> /.test(line)) {
      flush();
      out.push(`<blockquote class="md-quote">${markdown(lines.slice(i).join('\n').slice(4), ctx)}</blockquote>`);
      break;
    }
    if (/^> /.test(line) || line === '>') {
      flush();
      const quoted: string[] = [];
      for (; i < lines.length && (/^> /.test(lines[i]!) || lines[i] === '>'); i++) quoted.push(lines[i]!.slice(2));
      i--;
      out.push(`<blockquote class="md-quote">${markdown(quoted.join('\n'), ctx)}</blockquote>`);
      continue;
    }
    const item = /^ {0,3}([-*]|\d{1,3}\.) (.+)$/.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1]!);
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const m = /^ {0,3}([-*]|\d{1,3}\.) (.+)$/.exec(lines[i]!);
        if (!m || /\d/.test(m[1]!) !== ordered) break;
        items.push(`<li>${inline(m[2]!, ctx)}</li>`);
      }
      i--;
      const start = ordered ? ` start="${Number.parseInt(item[1]!, 10)}"` : '';
      out.push(ordered ? `<ol class="md-list"${start}>${items.join('')}</ol>` : `<ul class="md-list">${items.join('')}</ul>`);
      continue;
    }
    if (line.trim() === '') {
      flush();
      out.push('<div class="md-blank">&#8203;</div>');
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return out.join('');
}
