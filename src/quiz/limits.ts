/** How many questions a quiz and a mock exam may have: one set of limits for every front end. */
export const QUIZ_DEFAULT_COUNT = 10;
export const QUIZ_MAX_COUNT = 25;
/** The longest real exam (a beta) has 85 questions; a little more leaves room, a lot more is a mistake. */
export const EXAM_MAX_LENGTH = 100;
