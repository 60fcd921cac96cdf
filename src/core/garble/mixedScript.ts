import type { GarbleIssue } from '../types';
import { isHan } from '../text/chars';
import { scriptOfCodePoint } from '../script/scriptOfChar';

/**
 * Simplified and Traditional mixed in one text: `发展與協作`. Usually a partial conversion, or text
 * pasted together from two sources. Detected, never forced: conversion is the user's choice (the
 * repair plan says which way the majority goes).
 *
 * Loose Traditional text keeps some Simplified-looking forms on purpose (后, 于, 里, 台 are also
 * Traditional characters; see scriptOfChar), and a lone character of the other script is more often
 * a typo than a conversion. So a clause is flagged when it holds two or more characters of the
 * text's minority script — a converted phrase inside a long article is found that way — or one,
 * when the minority script is a real share of a short text (`发展與協作`).
 */
const MIN_CLUSTER = 2;
const MIN_MINORITY_SHARE = 0.1;
const CLAUSE_BREAK = /[\n。！？!?；;，,、：:“”"「」『』（）()【】\[\]《》]/;

interface Clause {
  start: number;
  end: number;
  traditional: number;
  simplified: number;
}

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let cur: Clause = { start: 0, end: 0, traditional: 0, simplified: 0 };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (CLAUSE_BREAK.test(ch)) {
      cur.end = i;
      if (cur.end > cur.start) out.push(cur);
      cur = { start: i + ch.length, end: 0, traditional: 0, simplified: 0 };
    } else if (isHan(cp)) {
      const s = scriptOfCodePoint(cp);
      if (s === 'traditional') cur.traditional++;
      else if (s === 'simplified') cur.simplified++;
    }
    i += ch.length;
  }
  cur.end = text.length;
  if (cur.end > cur.start) out.push(cur);
  return out;
}

export function findMixedScript(text: string): GarbleIssue[] {
  let traditional = 0;
  let simplified = 0;
  let hasHan = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    // Surrogate halves are skipped: the supplementary planes hold no script-specific forms here.
    if (!isHan(cp)) continue;
    hasHan = true;
    const s = scriptOfCodePoint(cp);
    if (s === 'traditional') traditional++;
    else if (s === 'simplified') simplified++;
  }
  if (!hasHan) return [];
  const minority = Math.min(traditional, simplified);
  const total = traditional + simplified;
  if (minority === 0) return [];
  const sizeable = minority >= MIN_MINORITY_SHARE * total;
  const majority: 'traditional' | 'simplified' = traditional >= simplified ? 'traditional' : 'simplified';
  const minorityName = majority === 'traditional' ? 'Simplified' : 'Traditional';
  const issues: GarbleIssue[] = [];
  const minorityScript = majority === 'traditional' ? 'simplified' : 'traditional';
  const plan = [
    `${minorityName} characters in a mostly ${majority === 'traditional' ? 'Traditional' : 'Simplified'} text`,
    `convert to ${majority} on request (opencc-js)`,
  ];
  const confidence = Math.min(0.95, 0.5 + minority / total);
  for (const c of clauses(text)) {
    const minorityHere = majority === 'traditional' ? c.simplified : c.traditional;
    const majorityHere = majority === 'traditional' ? c.traditional : c.simplified;
    if (minorityHere === 0 || (minorityHere < MIN_CLUSTER && !sizeable)) continue;
    if (minorityHere >= majorityHere) {
      // A clause written in the minority script: flag it whole, trimmed of spaces.
      let { start, end } = c;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      issues.push({ kind: 'mixed-script', start, end, confidence, plan });
      continue;
    }
    // A few minority characters inside a majority clause (`发展與協作`): flag each stretch that
    // begins and ends with one, without a majority character inside.
    let runStart = -1;
    let runEnd = -1;
    const close = () => {
      if (runStart >= 0) issues.push({ kind: 'mixed-script', start: runStart, end: runEnd, confidence, plan });
      runStart = runEnd = -1;
    };
    for (let i = c.start; i < c.end; ) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const s = isHan(cp) ? scriptOfCodePoint(cp) : 'other';
      if (s === minorityScript) {
        if (runStart < 0) runStart = i;
        runEnd = i + ch.length;
      } else if (s === majority || s === 'other') close();
      i += ch.length;
    }
    close();
  }
  return issues;
}
