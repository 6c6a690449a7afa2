import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.js';
import { join } from 'node:path';
import { loadContent } from '../../src/core/content.js';
import { sectionRef } from '../../src/knowledge/section-ref.js';

describe('custom ids', () => {
  it('round-trip every kind with validated fields', () => {
    expect(decodeCustomId(encodeCustomId('qa', 'AbCdEf123456', 3, 'B'))).toEqual({ kind: 'qa', fields: ['AbCdEf123456', 3, 'B'] });
    expect(decodeCustomId(encodeCustomId('qt', 'AbCdEf123456', 0, 'AC', 'D'))).toEqual({
      kind: 'qt',
      fields: ['AbCdEf123456', 0, 'AC', 'D'],
    });
    expect(decodeCustomId(encodeCustomId('da', 42, 'C'))).toEqual({ kind: 'da', fields: [42, 'C'] });
    expect(decodeCustomId(encodeCustomId('ls', '1'))).toEqual({ kind: 'ls', fields: ['1'] });
  });

  it('fit in 100 characters for every section of the notes, however long its id, through its short reference', () => {
    const content = loadContent(join(import.meta.dirname, '../../knowledge'));
    for (const s of content.sections) {
      expect(encodeCustomId('rn', sectionRef(s.id)).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      expect(encodeCustomId('wq', sectionRef(s.id)).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      expect(content.search.sectionByRef(sectionRef(s.id))?.id).toBe(s.id);
    }
  });

  it('reject forged, stale and malformed ids', () => {
    for (const id of [
      '',
      'v1',
      'v2:qa:AbCdEf123456:0:A',
      'v1:xx:1',
      'v1:qa:AbCdEf123456:0:Z',
      'v1:qa:short:0:A',
      'v1:qa:AbCdEf123456:-1:A',
      'v1:da:0:A',
      'v1:rn:../x',
      'v1:qa:AbCdEf123456:0:A:extra',
      `v1:rn:a/${'b'.repeat(120)}`,
      'v1:__proto__:x',
    ])
      expect(decodeCustomId(id), id).toBeUndefined();
  });

  it('refuse to build an id over the limit', () => {
    expect(() => encodeCustomId('rn', 'b'.repeat(120))).toThrow();
  });
});
