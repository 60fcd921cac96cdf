// Repeated mentions of the Yizhuang article: figures and organizations grouped with their counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { annotateText, nextMention, repeatedFigures, repeatedOrganizations } from '../../src/core/annotate';

const traditional = readFileSync('samples/yizhuang-article/repaired.txt', 'utf8');

test('the same figure written again is one group with its count: 三地 six times, 52個 and 179項 three', () => {
  const groups = repeatedFigures(annotateText(traditional).figures);
  const count = (label: string) => groups.find((g) => g.label === label)?.mentions.length;
  assert.equal(count('三地'), traditional.split('三地').length - 1);
  assert.equal(count('52個'), 3);
  assert.equal(count('179項'), 3);
  assert.equal(groups.find((g) => g.label === '52個')?.kind, 'count');
  // Most mentioned first.
  assert.equal(groups[0].label, '三地');
  for (const g of groups) {
    assert.ok(g.mentions.length >= 2);
    for (const m of g.mentions) assert.equal(traditional.slice(m.start, m.end), m.text);
  }
});

test('an organization and its other names are one group, under its full name', () => {
  const groups = repeatedOrganizations(annotateText(traditional).organizations);
  const zone = groups.find((g) => g.label === '北京經濟技術開發區');
  assert.ok(zone, groups.map((g) => g.label).join(', '));
  assert.ok(zone.names.includes('北京亦莊'), zone.names.join(', '));
  assert.equal(zone.kind, 'zone');
  assert.ok(zone.mentions.length >= 10);
});

test('next mention: from any mention to the one after it, the last back to the first', () => {
  const groups = repeatedFigures(annotateText(traditional).figures);
  const group = groups.find((g) => g.label === '52個')!;
  const [first, second, third] = group.mentions;
  assert.deepEqual(nextMention(groups, first.start)?.next, second);
  assert.equal(nextMention(groups, second.start + 1)?.index, 1);
  assert.deepEqual(nextMention(groups, third.start)?.next, first);
  assert.equal(nextMention(groups, traditional.indexOf('協同發展')), undefined);
});
