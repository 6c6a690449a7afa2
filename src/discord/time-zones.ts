import { LIMITS } from './limits.js';

/**
 * ICU (Node 20) still lists some zones under their old names; members look for the current ones.
 * Both names are accepted as a time zone, so offering the current name is safe.
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
};

let zones: string[] | undefined;
function allZones(): string[] {
  return (zones ??= [...new Set(Intl.supportedValuesOf('timeZone').map((z) => RENAMED[z] ?? z))].sort());
}

/** IANA zones matching what was typed ("berlin", "new york"), at most 25 for autocomplete. */
export function timeZoneChoices(typed: string): Array<{ name: string; value: string }> {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const hits = allZones().filter((z) => z.toLowerCase().includes(needle));
  return (hits.length ? hits : allZones()).slice(0, LIMITS.autocompleteChoices).map((z) => ({ name: z, value: z }));
}
