/**
 * The engine API: the only module the front ends (src/discord, src/cli) import besides the small
 * shared helpers (config, format, logger). It returns data and refusal codes; each front end words
 * its own messages.
 */
export { systemClock, fileClock, type Clock } from '../core/clock.js';
export { loadContentChecked, loadContentQuickly, type Content } from './content.js';
export type { Engine, EngineDefaults } from '../core/engine.js';
export { openDatabase as openStore, StoreError, type Database as Store } from '../db/connection.js';
export { StoreHealth, type StoreState } from '../db/health.js';
export { isStoreFailure } from '../db/store-error.js';
export { domainName, taskOf, type Exam, type Placement } from '../knowledge/exams.js';
export { ContentError, formatProblem, type Problem } from '../knowledge/problems.js';
export { displayPath } from '../knowledge/load.js';
export { AUTOCOMPLETE_MAX, QUERY_MAX_CHARS, type LookupHit } from '../knowledge/search-index.js';
export { sectionRef } from '../knowledge/section-ref.js';
export type { Section } from '../knowledge/section.js';
export { localDate, localTime, type Period } from '../progress/calendar.js';
export { POINTS_RIGHT, POINTS_WRONG } from '../progress/points.js';
export type { StreakView } from '../progress/streak.js';
export type { ExamResult } from '../quiz/exam-score.js';
export { parseChoice, type Grade } from '../quiz/grading.js';
export { EXAM_MAX_LENGTH, QUIZ_DEFAULT_COUNT, QUIZ_MAX_COUNT } from '../quiz/limits.js';
export { LETTERS, type Question } from '../quiz/question.js';
export { backupDatabase } from './backup.js';
export { coverage, COVERAGE_MINIMUMS, examSummaries, questionRecord, type BulletCoverage, type ExamSummary } from './catalog.js';
export * from './daily.js';
export * from './digest.js';
export * from './exam.js';
export * from './groups.js';
export { leaderboard, type Leaderboard, type LeaderboardRow, type LeaderboardScope } from './leaderboard.js';
export * from './lookup.js';
export { autocompleteSections } from './autocomplete.js';
export { createEngine, openEngine } from './open.js';
export * from './preferences.js';
export * from './quiz.js';
export { readiness, readinessView, type Readiness, type ReadinessView } from './readiness.js';
export type { Refusal, RefusalReason } from './refusal.js';
export * from './stats.js';
