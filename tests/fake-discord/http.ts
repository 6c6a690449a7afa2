// Request/response plumbing for the fake REST API: body parsing (JSON and multipart, as
// discord.js sends payload_json when files are attached), ids and Discord-shaped replies.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export type ParsedBody =
  | { kind: 'none'; value: undefined; files: UploadedFile[] }
  | { kind: 'json' | 'multipart'; value: unknown; files: UploadedFile[] }
  | { kind: 'invalid'; value: undefined; files: UploadedFile[]; error: string };

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { kind: 'none', value: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    try {
      // The platform's fetch Response parses multipart for us.
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      let value: unknown = undefined;
      const files: UploadedFile[] = [];
      for (const [field, entry] of form.entries()) {
        if (typeof entry === 'string') {
          if (field === 'payload_json') value = JSON.parse(entry) as unknown;
        } else {
          files.push({ field, filename: entry.name, contentType: entry.type, data: Buffer.from(await entry.arrayBuffer()) });
        }
      }
      return { kind: 'multipart', value, files };
    } catch (err) {
      return { kind: 'invalid', value: undefined, files: [], error: `bad multipart body: ${(err as Error).message}` };
    }
  }
  try {
    return { kind: 'json', value: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  } catch (err) {
    return {
      kind: 'invalid',
      value: undefined,
      files: [],
      error: `body is not JSON (${type || 'no content-type'}): ${(err as Error).message}`,
    };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status = 204): void {
  res.writeHead(status);
  res.end();
}

const DISCORD_EPOCH = 1420070400000n;
let lastMs = 0n;
let increment = 0n;

/** A real-looking snowflake, increasing, so discord.js can read timestamps off ids. */
export function snowflake(now = Date.now()): string {
  let ms = BigInt(now);
  if (ms < lastMs) ms = lastMs;
  if (ms === lastMs) {
    increment = (increment + 1n) & 0xfffn;
    if (increment === 0n) ms += 1n;
  } else increment = 0n;
  lastMs = ms;
  return (((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export function randomToken(): string {
  // Interaction tokens are long opaque strings; prefix as Discord does ("interaction:" in base64).
  return `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
}
