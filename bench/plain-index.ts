import MiniSearch from 'minisearch';
import type { Section } from '../src/knowledge/section.js';

/** MiniSearch with its default options over the same sections: the baseline the bench compares with. */
export function plainIndex(sections: readonly Section[]): (query: string, limit: number) => string[] {
  const index = new MiniSearch<Pick<Section, 'id' | 'title' | 'text'>>({ fields: ['title', 'text'] });
  index.addAll(sections.map(({ id, title, text }) => ({ id, title, text })));
  return (query, limit) =>
    index
      .search(query)
      .slice(0, limit)
      .map((r) => String(r.id));
}
