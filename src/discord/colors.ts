/** One colour per meaning, the same in every command. */
export const COLORS = {
  /** A question, a note, a neutral listing. */
  info: 0x5865f2,
  /** A right answer, a pass. */
  right: 0x57f287,
  /** A wrong answer, a fail. */
  wrong: 0xed4245,
  /** Something to act on: a problem, a weak spot, a confirmation. */
  warn: 0xfee75c,
  /** Closed or historical: a revealed daily question. */
  neutral: 0x99aab5,
} as const;
