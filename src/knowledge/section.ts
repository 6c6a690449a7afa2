import { z } from 'zod';

/** One `##` section of the notes: the unit lookup returns and questions point at. */
export const sectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  domain: z.string(),
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
