// The gallery page: every recorded message drawn like Discord's dark theme, once in a desktop
// message column (700 px) and once at phone width (400 px), side by side. All text is escaped.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIMessage,
} from 'discord.js';
import { escapeHtml, inline, markdown, type MarkdownContext } from './markdown.js';
import type { Gallery, SeenMessage, Shot } from './record.js';

export type Column = 'desktop' | 'phone';

export interface RenderOptions {
  columns: readonly Column[];
  /** Adds a script that writes the page height into <body data-height>, for the screenshot step. */
  measure?: boolean;
}

export const COLUMN_WIDTH: Record<Column, number> = { desktop: 700, phone: 400 };
/** Page padding on each side of a column, so a window of width + 2 × padding shows a column whole. */
export const PAGE_PADDING = 16;

const BUTTON_STYLES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

const hex = (color: number | undefined) => (color === undefined ? '#1e1f22' : `#${color.toString(16).padStart(6, '0')}`);

const clock = (ms: number) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(new Date(ms));

function fieldRows(fields: readonly APIEmbedField[]): APIEmbedField[][] {
  const rows: APIEmbedField[][] = [];
  let open: APIEmbedField[] | null = null;
  for (const f of fields) {
    if (f.inline && open && open.length < 3) open.push(f);
    else if (f.inline) rows.push((open = [f]));
    else {
      rows.push([f]);
      open = null;
    }
  }
  return rows;
}

/** An embed image or thumbnail: an uploaded attachment (attachment://name) drawn, anything else named. */
type ImageResolver = (url: string) => string | null;

function embedHtml(embed: APIEmbed, ctx: MarkdownContext, image: ImageResolver): string {
  const parts: string[] = [];
  if (embed.author?.name) parts.push(`<div class="embed-author">${escapeHtml(embed.author.name)}</div>`);
  if (embed.title) {
    const title = inline(embed.title, ctx);
    parts.push(
      `<div class="embed-title">${embed.url ? `<a class="md-link" href="${escapeHtml(embed.url)}" rel="noopener noreferrer">${title}</a>` : title}</div>`,
    );
  }
  if (embed.description) parts.push(`<div class="embed-desc">${markdown(embed.description, ctx)}</div>`);
  const rows = fieldRows(embed.fields ?? []);
  if (rows.length > 0)
    parts.push(
      `<div class="embed-fields">${rows
        .map(
          (row) =>
            `<div class="field-row" style="grid-template-columns:repeat(${row.length},minmax(0,1fr))">${row
              .map(
                (f) =>
                  `<div class="field"><div class="field-name">${inline(f.name, ctx)}</div><div class="field-value">${markdown(f.value, ctx)}</div></div>`,
              )
              .join('')}</div>`,
        )
        .join('')}</div>`,
    );
  if (embed.image?.url) {
    const src = image(embed.image.url);
    parts.push(
      src
        ? `<img class="embed-image" alt="" src="${src}">`
        : `<div class="embed-image-missing">[image: ${escapeHtml(embed.image.url)}]</div>`,
    );
  }
  const footer = [embed.footer?.text, embed.timestamp ? new Date(embed.timestamp).toUTCString() : undefined].filter(Boolean);
  if (footer.length > 0) parts.push(`<div class="embed-footer">${escapeHtml(footer.join(' • '))}</div>`);
  return `<div class="embed" style="border-left-color:${hex(embed.color)}">${parts.join('')}</div>`;
}

function componentHtml(c: APIComponentInMessageActionRow, openMenus: boolean): string {
  if (c.type === ComponentType.Button) {
    const style = BUTTON_STYLES[c.style] ?? 'secondary';
    const emoji = 'emoji' in c && c.emoji?.name ? `<span class="btn-emoji">${escapeHtml(c.emoji.name)}</span>` : '';
    const label = 'label' in c && c.label ? `<span class="btn-label">${escapeHtml(c.label)}</span>` : '';
    const external = c.style === ButtonStyle.Link ? '<span class="btn-ext">↗</span>' : '';
    return `<span class="btn btn-${style}${c.disabled ? ' btn-disabled' : ''}">${emoji}${label}${external}</span>`;
  }
  if (c.type === ComponentType.StringSelect) {
    const chosen = c.options.filter((o) => o.default).map((o) => o.label);
    const shown = chosen.length > 0 ? `<span class="select-value">${escapeHtml(chosen.join(', '))}</span>` : '';
    const placeholder = shown || `<span class="select-placeholder">${escapeHtml(c.placeholder ?? 'Make a selection')}</span>`;
    const options = openMenus
      ? `<div class="select-options">${c.options
          .map(
            (o) =>
              `<div class="select-option"><div class="select-option-label">${o.emoji?.name ? `${escapeHtml(o.emoji.name)} ` : ''}${escapeHtml(o.label)}</div>${
                o.description ? `<div class="select-option-desc">${escapeHtml(o.description)}</div>` : ''
              }</div>`,
          )
          .join('')}</div>`
      : '';
    return `<div class="select${c.disabled ? ' btn-disabled' : ''}"><div class="select-box">${placeholder}<span class="select-chevron">⌄</span></div>${options}</div>`;
  }
  return `<span class="btn btn-secondary">[component type ${String((c as { type: number }).type)}]</span>`;
}

function componentsHtml(message: APIMessage, openMenus: boolean): string {
  const rows = (message.components ?? []).filter(
    (r): r is APIActionRowComponent<APIComponentInMessageActionRow> => r.type === ComponentType.ActionRow,
  );
  if (rows.length === 0) return '';
  return `<div class="components">${rows
    .map((row) => `<div class="action-row">${row.components.map((c) => componentHtml(c, openMenus)).join('')}</div>`)
    .join('')}</div>`;
}

const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/;

function attachmentsHtml(seen: SeenMessage): string {
  // Discord draws an attachment that an embed shows (attachment://name) inside the embed only.
  const inEmbeds = new Set((seen.message.embeds ?? []).flatMap((e) => [e.image?.url, e.thumbnail?.url]).filter(Boolean));
  const files = (seen.message.attachments ?? []).filter((a) => !inEmbeds.has(`attachment://${a.filename}`));
  if (files.length === 0) return '';
  return `<div class="attachments">${files
    .map((a) => {
      const src = seen.images?.[a.id];
      if (src && SAFE_IMAGE.test(src)) return `<img class="attachment-image" alt="${escapeHtml(a.filename)}" src="${src}">`;
      return `<div class="attachment-file">📄 ${escapeHtml(a.filename)} <span class="attachment-size">${(a.size / 1024).toFixed(1)} KB</span></div>`;
    })
    .join('')}</div>`;
}

function messageHtml(seen: SeenMessage, ctx: MarkdownContext): string {
  const m = seen.message;
  const who = m.interaction_metadata?.user;
  const used =
    seen.command && who
      ? `<div class="used"><span class="used-avatar">${escapeHtml((who.username[0] ?? '?').toUpperCase())}</span><span class="used-name">${escapeHtml(
          who.username,
        )}</span> used <span class="used-cmd">${escapeHtml(seen.command)}</span></div>`
      : '';
  const content = m.content ? `<div class="content">${markdown(m.content, ctx)}</div>` : '';
  const image: ImageResolver = (url) => {
    const file = url.startsWith('attachment://')
      ? (m.attachments ?? []).find((a) => a.filename === url.slice('attachment://'.length))
      : undefined;
    const src = file ? seen.images?.[file.id] : undefined;
    return src && SAFE_IMAGE.test(src) ? src : null;
  };
  const embeds = (m.embeds ?? []).map((e) => embedHtml(e, ctx, image)).join('');
  const ephemeral = seen.onlyFor
    ? `<div class="ephemeral"><span class="eye">👁</span> Only you can see this · <span class="md-link">Dismiss message</span></div>`
    : '';
  const header = [
    `<span class="author">${escapeHtml(m.author.username)}</span>`,
    m.author.bot ? '<span class="app-tag">APP</span>' : '',
    `<span class="msg-time">Today at ${escapeHtml(clock(ctx.now))}</span>`,
  ].join('');
  const body = [
    `<div class="msg-header">${header}</div>`,
    content,
    attachmentsHtml(seen),
    embeds ? `<div class="embeds">${embeds}</div>` : '',
    componentsHtml(m, seen.openMenus),
    ephemeral,
  ].join('');
  const avatar = `<div class="avatar">${escapeHtml((m.author.username[0] ?? 'B').toUpperCase())}</div>`;
  return `<div class="message${seen.onlyFor ? ' is-ephemeral' : ''}">${used}<div class="msg-main">${avatar}<div class="msg-body">${body}</div></div></div>`;
}

/** The command as Discord shows it above a reply: the name and subcommand, without the options. */
export function commandLabel(typed: string): string {
  const words = typed.split(' ');
  const firstOption = words.findIndex((w) => w.endsWith(':'));
  return (firstOption < 0 ? words : words.slice(0, firstOption)).join(' ');
}

function viewHtml(shot: Shot, column: Column, gallery: Gallery): string {
  const ctx: MarkdownContext = { users: gallery.users, channels: gallery.channels, now: shot.now };
  const messages = shot.messages.map((s) => messageHtml({ ...s, command: s.command ? commandLabel(s.command) : null }, ctx)).join('');
  return `<div class="view view-${column}" style="width:${COLUMN_WIDTH[column]}px"><div class="view-label">${column === 'desktop' ? 'Desktop' : 'Phone'} · ${
    COLUMN_WIDTH[column]
  } px</div><div class="chat">${messages || '<div class="nothing">(no message)</div>'}</div></div>`;
}

function shotHtml(shot: Shot, gallery: Gallery, options: RenderOptions, scenarioId: string, index: number): string {
  const seenBy = [...new Set(shot.messages.map((s) => (s.onlyFor ? `only ${s.onlyFor}` : 'everyone in the channel')))].join(' + ');
  return `<article class="shot" id="${escapeHtml(scenarioId)}-${index + 1}"><h3>${escapeHtml(shot.caption)}</h3>${
    shot.action
      ? `<p class="action">${escapeHtml(shot.action)}${seenBy ? ` <span class="seen-by">· seen by ${escapeHtml(seenBy)}</span>` : ''}</p>`
      : ''
  }${shot.remark ? `<p class="remark">${escapeHtml(shot.remark)}</p>` : ''}<div class="views">${options.columns
    .map((c) => viewHtml(shot, c, gallery))
    .join('')}</div></article>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;padding:${PAGE_PADDING}px;background:#1a1b1e;color:#dbdee1;font-family:"gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif;font-size:16px;line-height:1.375}
.page-head h1{font-size:22px;margin:0 0 4px;color:#f2f3f5}
.page-head p{margin:0 0 8px;color:#949ba4;font-size:13px}
.toc{display:flex;flex-wrap:wrap;gap:6px 12px;font-size:13px;margin-bottom:8px}
.toc a{color:#00a8fc;text-decoration:none}
.scenario>h2{font-size:18px;color:#f2f3f5;margin:28px 0 6px;border-bottom:1px solid #3f4147;padding-bottom:4px}
.scenario-error{color:#fa777c;font-size:13px;margin:4px 0;white-space:pre-wrap}
.shot{margin:0 0 22px}
.shot>h3{font-size:14px;margin:14px 0 2px;color:#f2f3f5;font-weight:600}
.action{margin:0 0 6px;font-size:12px;color:#949ba4}
.seen-by{color:#80848e}
.remark{margin:0 0 6px;font-size:12px;color:#f0b232}
.views{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}
.view{flex:none}
.view-label{font-size:11px;color:#80848e;margin-bottom:2px;text-transform:uppercase;letter-spacing:.04em}
.chat{background:#313338;border-radius:6px;padding:8px 0 12px;overflow:hidden}
.nothing{color:#80848e;font-size:13px;padding:8px 16px}
.message{padding:6px 48px 6px 16px;position:relative}
.view-phone .message{padding:6px 12px 6px 12px}
.message.is-ephemeral{background:rgba(88,101,242,.05)}
.message+.message{margin-top:10px}
.used{display:flex;align-items:center;gap:4px;font-size:13px;color:#b5bac1;margin:0 0 2px 56px;position:relative}
.view-phone .used{margin-left:48px}
.used::before{content:"";position:absolute;left:-36px;top:9px;width:30px;height:12px;border-left:2px solid #4e5058;border-top:2px solid #4e5058;border-top-left-radius:6px}
.used-avatar{width:16px;height:16px;border-radius:50%;background:#e67e22;color:#fff;font-size:10px;display:inline-flex;align-items:center;justify-content:center;font-weight:700}
.used-name{color:#f2f3f5;font-weight:500}
.used-cmd{color:#00a8fc}
.msg-main{display:flex;gap:16px}
.view-phone .msg-main{gap:10px}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;background:#5865f2;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;margin-top:2px}
.view-phone .avatar{width:36px;height:36px}
.msg-body{min-width:0;flex:1}
.msg-header{display:flex;align-items:center;gap:4px;line-height:22px}
.author{color:#f2f3f5;font-weight:500}
.app-tag{background:#5865f2;color:#fff;font-size:10px;font-weight:600;padding:0 4px;border-radius:3px;line-height:15px;height:15px;margin-left:2px}
.msg-time{color:#949ba4;font-size:12px;margin-left:4px}
.content{overflow-wrap:anywhere;white-space:normal}
.md-p{min-height:1px}
.md-link{color:#00a8fc;text-decoration:none}
.md-code{background:#2b2d31;border-radius:3px;padding:0 .2em;font-family:Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:85%;white-space:pre-wrap}
.embed .md-code{background:#1e1f22}
.md-pre{background:#2b2d31;border:1px solid #1e1f22;border-radius:4px;padding:7px;font-size:14px;white-space:pre-wrap;margin:4px 0;font-family:Consolas,"Liberation Mono",monospace}
.md-mention{background:rgba(88,101,242,.3);color:#c9cdfb;border-radius:3px;padding:0 2px;font-weight:500}
.md-time{background:rgba(255,255,255,.06);border-radius:3px;padding:0 2px}
.md-spoiler{background:#1e1f22;border-radius:3px}
.md-h1{font-size:24px;font-weight:700;margin:8px 0 4px}.md-h2{font-size:20px;font-weight:700;margin:8px 0 4px}.md-h3{font-size:16px;font-weight:700;margin:8px 0 4px}
.md-sub{font-size:12px;color:#949ba4}
.md-quote{margin:0;padding:0 0 0 12px;border-left:4px solid #4e5058}
.md-list{margin:4px 0 4px 0;padding-left:1.4em}
.md-list li{margin:2px 0}
.embeds{display:grid;grid-template-columns:minmax(0,1fr);gap:4px;margin-top:4px}
.embed{max-width:520px;background:#2b2d31;border-left:4px solid;border-radius:4px;padding:8px 16px 16px 12px;font-size:14px;line-height:1.375;overflow-wrap:anywhere}
.view-phone .embed{max-width:100%}
.embed-author{font-size:14px;font-weight:600;color:#f2f3f5;margin-top:8px}
.embed-title{font-size:16px;font-weight:600;color:#f2f3f5;margin-top:8px}
.embed-desc{margin-top:8px;color:#dbdee1}
.embed-fields{margin-top:8px;display:grid;gap:8px}
.field-row{display:grid;gap:8px}
.field-name{font-weight:600;color:#f2f3f5;margin-bottom:2px}
.field-value{color:#dbdee1}
.embed-footer{margin-top:8px;font-size:12px;color:#b5bac1}
.embed-image{margin-top:16px;max-width:100%;border-radius:4px;display:block}
.embed-image-missing{margin-top:8px;color:#949ba4;font-size:12px}
.components{margin-top:4px;display:grid;grid-template-columns:minmax(0,1fr);gap:8px;padding:4px 0}
.action-row{display:flex;flex-wrap:wrap;gap:8px;max-width:100%}
.btn{display:inline-flex;align-items:center;justify-content:center;gap:6px;height:32px;min-width:60px;max-width:100%;padding:2px 16px;border-radius:8px;font-size:14px;font-weight:500;color:#fff;white-space:nowrap;overflow:hidden}
.btn-label{overflow:hidden;text-overflow:ellipsis}
.btn-primary{background:#5865f2}.btn-secondary{background:#4e5058}.btn-success{background:#248046}.btn-danger{background:#da373c}.btn-link{background:#4e5058}.btn-premium{background:#5865f2}
.btn-disabled{opacity:.5;cursor:not-allowed}
.btn-ext{font-size:12px}
.select{width:100%;max-width:400px;min-width:0;overflow:hidden}
.select-box{display:flex;align-items:center;justify-content:space-between;height:40px;padding:8px 8px 8px 12px;background:#1e1f22;border:1px solid #1e1f22;border-radius:4px;font-size:15px}
.select-placeholder{color:#949ba4;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.select-value{color:#dbdee1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.select-chevron{color:#b5bac1;font-size:18px;line-height:12px;margin-left:8px}
.select-options{background:#2b2d31;border:1px solid #1e1f22;border-radius:0 0 4px 4px;margin-top:-2px;max-height:none}
.select-option{padding:8px 12px;border-top:1px solid #1e1f22}
.select-option-label{color:#dbdee1;font-size:15px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.select-option-desc{color:#949ba4;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.attachments{display:grid;gap:4px;margin-top:4px}
.attachment-image{max-width:100%;max-height:420px;border-radius:8px;display:block}
.attachment-file{background:#2b2d31;border:1px solid #1e1f22;border-radius:8px;padding:10px;max-width:400px;color:#00a8fc}
.attachment-size{color:#949ba4;font-size:12px}
.ephemeral{margin-top:6px;font-size:12px;color:#949ba4}
.eye{filter:grayscale(1)}
`;

/** The whole page. */
export function renderGallery(gallery: Gallery, options: RenderOptions): string {
  const shots = gallery.scenarios.reduce((n, s) => n + s.shots.length, 0);
  const toc = gallery.scenarios.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)} (${s.shots.length})</a>`).join('');
  const body = gallery.scenarios
    .map(
      (s) =>
        `<section class="scenario" id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>${
          s.error ? `<p class="scenario-error">Scenario stopped: ${escapeHtml(s.error)}</p>` : ''
        }${s.shots.map((shot, i) => shotHtml(shot, gallery, options, s.id, i)).join('')}</section>`,
    )
    .join('');
  const measure = options.measure
    ? `<script>addEventListener('load',function(){document.body.setAttribute('data-height',String(document.documentElement.scrollHeight))})</script>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Study tutor · message gallery</title><style>${CSS}</style></head>
<body><header class="page-head"><h1>Study tutor · message gallery</h1><p>${escapeHtml(
    `${gallery.scenarios.length} scenarios, ${shots} steps, recorded ${gallery.generatedAt} from the real bot against the fake Discord. Times in UTC; relative times as they read at each step.`,
  )}</p><nav class="toc">${toc}</nav></header>${body}${measure}</body></html>
`;
}
