import { loadContentCached } from '../core/content-cache.js';
import type { Content } from '../core/content-model.js';

export type { Content } from '../core/content-model.js';

/** The content of a folder, read and checked in full (the bot, `tutor validate`). */
export async function loadContentChecked(dir: string): Promise<Content> {
  return (await import('../core/content.js')).loadContent(dir);
}

/** The content of a folder from its saved, checked copy when current (the terminal starts faster). */
export function loadContentQuickly(dir: string): Promise<Content> {
  return loadContentCached(dir);
}
