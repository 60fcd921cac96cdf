/**
 * UTF-8 read with another single-byte code page (src/core/garble/mojibake/otherCodePages.ts):
 * a reading covers the garbled characters alone, not the quotes, brackets and code around them.
 * The garbled forms are made here with the code pages named (UTF-8 bytes decoded as IBM 437).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { analyzeText, repairText } from '../../src/core';

const asIbm437 = (s: string) => iconv.decode(Buffer.from(s, 'utf8'), 'ibm437');

test('a DOS reading inside quotes and brackets in prose covers the garbled word alone', () => {
  const pravda = asIbm437('правда');
  const cestina = asIbm437('Čeština');
  const text = `The log said "${pravda}" (and [${cestina}]) where the form had the words.`;
  const issues = analyzeText(text).filter((i) => i.kind === 'mojibake-latin1');
  assert.deepEqual(
    issues.map((i) => [text.slice(i.start, i.end), i.replacement]),
    [
      [pravda, 'правда'],
      [cestina, 'Čeština'],
    ],
  );
  assert.equal(repairText(text).text, 'The log said "правда" (and [Čeština]) where the form had the words.');
});

test('DOS mojibake inside a string literal in code is read back; the code around it is not touched', () => {
  const pravda = asIbm437('правда');
  const cestina = asIbm437('Čeština');
  const code = `const LABELS = {ru: '${pravda}', cs: "${cestina}"};\nshow(LABELS['ru'], ["${asIbm437('slovenčina')}"]);\n`;
  const issues = analyzeText(code, { languageId: 'typescript' }).filter((i) => i.kind === 'mojibake-latin1');
  assert.deepEqual(issues.map((i) => code.slice(i.start, i.end)), [pravda, cestina, asIbm437('slovenčina')]);
  assert.equal(
    repairText(code, { languageId: 'typescript' }).text,
    `const LABELS = {ru: 'правда', cs: "Čeština"};\nshow(LABELS['ru'], ["slovenčina"]);\n`,
  );
});

test('ASCII letters and digits stay part of the token; clean quoted box drawing stays', () => {
  // `─îe┼ítina`: the ASCII letters between the sequences are the word's own.
  const text = `(${asIbm437('Čeština a slovenčina')})`;
  assert.equal(repairText(text).text, '(Čeština a slovenčina)');
  for (const clean of ['"┌──┐" and "└──┘" draw a box', "print('│ a│ b│')"]) assert.equal(repairText(clean).text, clean, clean);
});
