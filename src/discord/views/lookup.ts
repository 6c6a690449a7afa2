import { EmbedBuilder } from 'discord.js';
import { truncate } from '../../format.js';
import type { Content, Section, SectionView } from '../../study/index.js';
import { COLORS } from '../colors.js';
import { LIMITS } from '../limits.js';

/** The exams a section serves, by their short names ("MLS-C01, MLA-C02"). */
export function examNames(content: Content, codes: readonly string[]): string {
  return codes.map((c) => content.exams.get(c)?.short ?? c).join(', ');
}

/** A note section as a learner reads it: title, text, and where it belongs (no ids, no file paths). */
export function sectionEmbed(content: Content, section: SectionView | (Section & { exams: readonly string[] })): EmbedBuilder {
  const home = [...content.exams.values()].flatMap((e) => e.domains).find((d) => d.id === section.domain)?.name ?? section.domain;
  const serves = section.exams.length > 0 ? ` · ${examNames(content, section.exams)}` : '';
  const added = section.origin === 'added' ? ' · written by the tutor, not from the study group’s own notes' : '';
  return new EmbedBuilder({
    color: COLORS.info,
    title: truncate(section.title, LIMITS.embedTitle),
    description: truncate(section.text, LIMITS.embedDescription),
    footer: { text: truncate(`${home}${serves}${added}`, LIMITS.footer) },
  });
}
