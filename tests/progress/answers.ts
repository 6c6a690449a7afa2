import type { AnswerInput } from '../../src/study/record-answer.js';

/** An answer with sensible defaults; tests override what they are about. */
export function answer(overrides: Partial<AnswerInput> = {}): AnswerInput {
  return {
    personId: '111111111111111111',
    guildId: '900000000000000000',
    zone: 'UTC',
    questionId: 'q-sagemaker-1',
    sectionId: 'sagemaker/training',
    domain: 'modeling',
    chosen: 'A',
    correct: true,
    source: 'quiz',
    sourceRef: 'session-1',
    step: 0,
    durationMs: 20_000,
    fastThresholdMs: 8_000,
    ...overrides,
  };
}
