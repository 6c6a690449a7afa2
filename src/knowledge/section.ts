import * as z from 'zod';

/** One `##` section of the notes: the unit lookup returns and questions point at. */
export const sectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The topic's home domain (front matter); an exam's own domains come from the questions. */
  domain: z.string(),
  /** `added`: not from the group's own notes, written by the tutor's authors. */
  origin: z.enum(['notes', 'added']),
  tags: z.array(z.string()),
  aliases: z.array(z.string()),
  text: z.string(),
  /** `notes/<file>.md:<line>` of the heading. */
  source: z.string(),
});

export type Section = z.infer<typeof sectionSchema>;

/** Discord's embed description limit: a section must fit in one embed. */
export const SECTION_MAX_CHARS = 4096;
/** Discord's embed title limit. */
export const TITLE_MAX_CHARS = 256;
