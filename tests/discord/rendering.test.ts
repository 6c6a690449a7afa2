// Everything the bot renders stays within Discord's limits, for every section and question we ship.
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { dailyButtons, examButtons, feedbackButtons, lookupMenu, quizButtons } from '../../src/discord/components.js';
import { embedLength, examResultEmbed, feedbackEmbed, questionEmbed, reviewEmbed, sectionEmbed, statsEmbed } from '../../src/discord/embeds.js';
import { LIMITS } from '../../src/discord/limits.js';
import { commandBodies } from '../../src/discord/registry.js';
import { userText } from '../../src/discord/safe-text.js';
import { scoreExam } from '../../src/quiz/exam-score.js';
import { shippedContent } from '../e2e/harness.js';

const content = shippedContent();

function expectEmbedWithin(embed: ReturnType<typeof sectionEmbed>): void {
  const d = embed.data;
  expect(d.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
  expect(d.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
  expect(d.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
  for (const f of d.fields ?? []) {
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
}

function expectRowsWithin(rows: ReturnType<typeof quizButtons>): void {
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = rows.flatMap((r) => r.components.map((c) => (c.data as { custom_id?: string }).custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const c of row.components) {
      const data = c.data as { custom_id?: string; label?: string; options?: unknown[] };
      expect(data.custom_id!.length).toBeLessThanOrEqual(100);
      expect(data.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
}

describe('rendering within Discord limits', () => {
  it('every section fits one embed', () => {
    for (const s of content.sections) expectEmbedWithin(sectionEmbed(content, s));
  });

  it('every question, its feedback and its buttons fit', () => {
    for (const q of content.pool.questions) {
      expectEmbedWithin(questionEmbed(content, 'Question 25/25', q));
      expectEmbedWithin(feedbackEmbed(content, { question: q, step: 24, total: 25, grade: { correct: false, chosen: 'AB', expected: q.answer.join('') } }));
      expectRowsWithin(quizButtons('AbCdEf123456', 24, q, q.answer.join('')));
      expectRowsWithin(examButtons('AbCdEf123456', 64, 65, q, q.answer.join('')));
      if (q.answer.length === 1) expectRowsWithin(dailyButtons(123456, q));
    }
    expectRowsWithin(feedbackButtons('AbCdEf123456', 3, content.sections[0]!.id));
  });

  it('a lookup menu holds at most 25 options with short labels', () => {
    const hits = content.sections.slice(0, 40).map((s) => ({ ...s, score: 1, snippet: s.text }));
    const [row] = lookupMenu(hits, false);
    const options = (row!.components[0] as unknown as { options: Array<{ data: { label: string; description?: string } }> }).options;
    expect(options.length).toBe(25);
    for (const o of options) {
      expect(o.data.label.length).toBeLessThanOrEqual(100);
      expect(o.data.description?.length ?? 0).toBeLessThanOrEqual(100);
    }
  });

  it('an exam result and its review pages fit, even with every answer wrong', () => {
    const qs = content.pool.questions.slice(0, 65);
    const result = scoreExam(qs, qs.map(() => null), content.blueprint, true);
    expectEmbedWithin(examResultEmbed(result));
    for (let i = 0; i < result.wrong.length; i++) expectEmbedWithin(reviewEmbed(content, result, i));
  });

  it('stats fit with the longest section titles', () => {
    const weak = [...content.sections].sort((a, b) => b.title.length - a.title.length).slice(0, 5).map((s) => ({ section: s.id, title: s.title, domain: s.domain, attempts: 99, correct: 1, mastery: 0.1 }));
    const domains = content.blueprint.domains.map((d) => ({ domain: d.id, name: d.name, attempts: 1000, accuracy: 0.5, mastery: 0.5 }));
    expectEmbedWithin(statsEmbed({ user: 'x', attempts: 1e6, correct: 5e5, accuracy: 0.5, streak: { current: 365, best: 999 }, domains, weak }, 'y'.repeat(300)));
  });
});

describe('command definitions', () => {
  const bodies = commandBodies(content);

  it('require Manage Server for /daily, and only for /daily', () => {
    const daily = bodies.find((b) => b.name === 'daily')!;
    expect(daily.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(bodies.filter((b) => b.default_member_permissions).map((b) => b.name)).toEqual(['daily']);
  });

  it('offer the blueprint domains as choices, and at most 25 choices anywhere', () => {
    const quiz = bodies.find((b) => b.name === 'quiz')!;
    const domain = quiz.options!.find((o) => o.name === 'domain') as { choices: Array<{ value: string }> };
    expect(domain.choices.map((c) => c.value)).toEqual(content.blueprint.domains.map((d) => d.id));
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
