// Everything the bot renders stays within Discord's limits, for every section and question we ship,
// and shows a learner no internal ids or file paths.
import { PermissionFlagsBits, type EmbedBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  dailyButtons,
  examButtons,
  feedbackButtons,
  lookupMenu,
  quizButtons,
  reviewButtons,
  submitConfirmButtons,
  summaryButtons,
  weakSectionButtons,
  weakTaskButtons,
} from '../../src/discord/components.js';
import { decodeCustomId } from '../../src/discord/custom-id.js';
import { LIMITS } from '../../src/discord/limits.js';
import { commandBodies } from '../../src/discord/registry.js';
import { userText } from '../../src/discord/safe-text.js';
import { resultEmbed } from '../../src/discord/views/exam.js';
import { feedbackEmbed } from '../../src/discord/views/feedback.js';
import { sectionEmbed } from '../../src/discord/views/lookup.js';
import { questionEmbed } from '../../src/discord/views/question.js';
import { statsEmbed, weakEmbed } from '../../src/discord/views/stats.js';
import { loadContent } from '../../src/core/content.js';
import { scoreExam } from '../../src/quiz/exam-score.js';
import type { PersonStats } from '../../src/study/stats.js';

const content = loadContent(join(import.meta.dirname, '../../knowledge'));
const exams = [...content.exams.values()];

function text(embed: EmbedBuilder): string {
  const d = embed.data;
  return [d.title, d.description, d.footer?.text, ...(d.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n');
}

function expectEmbedWithin(embed: EmbedBuilder): void {
  const d = embed.data;
  expect(d.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
  expect(d.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
  expect(d.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
  for (const f of d.fields ?? []) {
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  expect(text(embed).length).toBeLessThanOrEqual(LIMITS.embedTotal);
}

const internalIds = [...content.pool.questions.map((q) => q.id), ...content.sections.map((s) => s.id)];

/** No question id, section id or file path reaches a learner. */
function expectNoInternals(embed: EmbedBuilder): void {
  const shown = text(embed);
  expect(shown).not.toMatch(/\.(md|yaml)(:\d+)?\b/);
  expect(
    internalIds.filter((id) => new RegExp(`(^|[^a-z0-9/-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9/-])`).test(shown)),
  ).toEqual([]);
}

function expectRowsWithin(rows: ReturnType<typeof quizButtons>): void {
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = rows.flatMap((r) => r.components.map((c) => (c.data as { custom_id?: string }).custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const c of row.components) {
      const data = c.data as { custom_id?: string; label?: string };
      expect(data.custom_id!.length).toBeLessThanOrEqual(100);
      // Every id the bot builds is one its router accepts.
      expect(decodeCustomId(data.custom_id!), data.custom_id).toBeDefined();
      expect(data.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
}

describe('rendering within Discord limits', () => {
  it('every section fits one embed and shows no ids or paths', () => {
    for (const s of content.sections) {
      const embed = sectionEmbed(content, { ...s, exams: content.sectionExams.get(s.id) ?? [] });
      expectEmbedWithin(embed);
      expectNoInternals(embed);
    }
  });

  it('every question, its feedback and its buttons fit, in every exam it serves', () => {
    for (const q of content.pool.questions) {
      for (const code of Object.keys(q.exams)) {
        const exam = content.exams.get(code)!;
        const asked = questionEmbed('Question 25/25', q, exam);
        expectEmbedWithin(asked);
        expectNoInternals(asked);
        const told = feedbackEmbed({
          question: q,
          exam,
          chosen: 'AB',
          correct: false,
          where: '25/25',
          streak: { current: 999, best: 999 },
          points: 10,
          sectionTitle: 'x'.repeat(256),
        });
        expectEmbedWithin(told);
        expectNoInternals(told);
      }
      expectRowsWithin(quizButtons('AbCdEf123456', 24, q, q.answer.join('')));
      expectRowsWithin(examButtons('AbCdEf123456', 64, 65, q, q.answer.join('')));
      if (q.answer.length === 1) expectRowsWithin(dailyButtons(123456, q));
    }
    const longest = [...content.sections].sort((a, b) => b.id.length - a.id.length)[0]!;
    expectRowsWithin(feedbackButtons('AbCdEf123456', 3, longest));
    expectRowsWithin(summaryButtons('AbCdEf123456', content.sections.slice(0, 9), 9));
    expectRowsWithin(reviewButtons('AbCdEf123456', 3, 10, longest));
    expectRowsWithin(reviewButtons('AbCdEf123456', -1, 10));
    expectRowsWithin(submitConfirmButtons('AbCdEf123456', 4));
    expectRowsWithin(weakTaskButtons(exams[0]!.tasks.map((t) => ({ task: t.id, name: t.name }))));
    expectRowsWithin(weakSectionButtons(content.sections.slice(0, 5)));
  });

  it('a lookup menu holds at most 25 options with short labels and values', () => {
    const hits = content.sections.slice(0, 40).map((s) => ({ ...s, score: 1, snippet: s.text }));
    const [row] = lookupMenu(hits, false);
    const options = (row!.components[0] as unknown as { options: Array<{ data: { label: string; value: string; description?: string } }> })
      .options;
    expect(options.length).toBe(25);
    for (const o of options) {
      expect(o.data.label.length).toBeLessThanOrEqual(100);
      expect(o.data.value.length).toBeLessThanOrEqual(100);
      expect(o.data.description?.length ?? 0).toBeLessThanOrEqual(100);
    }
  });

  it('an exam result fits, even with every answer wrong', () => {
    for (const exam of exams) {
      const qs = content.pool.questions.filter((q) => q.exams[exam.code]).slice(0, 85);
      const result = scoreExam(
        qs,
        qs.map(() => null),
        exam,
        true,
      );
      expectEmbedWithin(resultEmbed(result, exam));
    }
  });

  it('stats and weak spots fit with the longest titles and names', () => {
    const exam = exams[0]!;
    const titles = [...content.sections].sort((a, b) => b.title.length - a.title.length);
    const stats: PersonStats = {
      user: 'x',
      exam: { code: exam.code, short: exam.short, name: exam.name, status: exam.status },
      attempts: 1e6,
      correct: 5e5,
      accuracy: 0.5,
      examAttempts: 1e6,
      streak: { current: 365, best: 999 },
      domains: exam.domains.map((d) => ({ domain: d.id, name: d.name, attempts: 1000, accuracy: 0.5, mastery: 0.5 })),
      tasks: [],
      weakTasks: exam.tasks.slice(0, 5).map((t) => ({
        task: t.id,
        name: t.name,
        domain: t.domain,
        correct: 1,
        attempts: 99,
        accuracy: 0.01,
        mastery: 0.1,
        bullet: t.bullets[0]!,
        sections: titles.slice(0, 3).map((s) => ({ id: s.id, title: s.title })),
      })),
      weak: titles.slice(0, 5).map((s) => ({ section: s.id, title: s.title, attempts: 99, correct: 1, mastery: 0.1 })),
      readiness: {
        exam: exam.code,
        score: 742,
        low: 690,
        high: 790,
        pass_probability: 0.46,
        answers: 1e6,
        enough: true,
        needed: 0,
        needed_mostly: null,
        raise: exam.tasks.slice(0, 2).map((t) => ({ task: t.id, name: t.name })),
        pass: 750,
        min: 100,
        max: 1000,
      },
    };
    expectEmbedWithin(statsEmbed(stats, 'y'.repeat(300)));
    expectEmbedWithin(weakEmbed(stats));
    expectNoInternals(weakEmbed(stats));
  });
});

describe('command definitions', () => {
  const bodies = commandBodies(content);

  it('require Manage Server for /daily, and only for /daily', () => {
    const daily = bodies.find((b) => b.name === 'daily')!;
    expect(daily.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(bodies.filter((b) => b.default_member_permissions).map((b) => b.name)).toEqual(['daily']);
  });

  it('offer every exam in /settings, and at most 25 choices anywhere', () => {
    const settings = bodies.find((b) => b.name === 'settings')!;
    const exam = settings.options!.find((o) => o.name === 'exam') as { choices: Array<{ value: string }> };
    expect(exam.choices.map((c) => c.value)).toEqual([...content.exams.keys(), 'server']);
    const walk = (options: unknown[] = []): void => {
      for (const o of options as Array<{ choices?: unknown[]; options?: unknown[] }>) {
        expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
        walk(o.options);
      }
    };
    for (const b of bodies) walk(b.options);
  });
});

describe('text from members', () => {
  it('breaks mentions and escapes markdown', () => {
    expect(userText('@everyone and @here')).toBe('@\u200beveryone and @\u200bhere');
    expect(userText('<@123456789012345678> <@&123456789012345678>')).not.toMatch(/<@&?\d/);
    expect(userText('**bold** _x_')).toBe('\\*\\*bold\\*\\* \\_x\\_');
    expect(userText('x'.repeat(500), 50)).toHaveLength(50);
  });
});
