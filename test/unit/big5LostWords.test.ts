/**
 * UTF-8 read as Big5 with lost bytes: a character of one lost byte the bigrams cannot decide is
 * weighed again with the word model, and written only when the two together are sure. The garbled
 * lines are the repair evaluation's tuning part (Debian manpages-zh, GFDL / GPL), as Python's
 * `big5` and iconv-lite's `big5` decoded them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';

test('a character of one lost byte inside a word is restored by the words around it; the rest stays U+FFFD, marked', () => {
  const cases: Array<[string, string]> = [
    // 資訊 (information): 訊 lost a byte; 64 characters fit its bytes, one makes a word after 資.
    ['-i, --inodes憿舐內 inode 鞈�閮�������憛�雿輻�券��', '資訊'],
  ];
  for (const [garbled, word] of cases) {
    const r = repairText(garbled);
    assert.ok(r.text.includes(word), r.text);
    assert.ok(r.text.includes('\ufffd'), 'characters the models are not sure of stay lost');
    const big5 = r.applied.filter((i) => i.kind === 'mojibake-big5');
    assert.ok(big5.some((i) => i.lossy && i.plan.some((s) => s.startsWith('restore lost byte'))), 'the plan names the restored bytes');
    assert.ok(big5.some((i) => i.plan.some((s) => /lost with (its byte|their bytes): kept as U\+FFFD/.test(s))), 'and the characters kept lost');
  }
});

test('a character of one lost byte that makes a pair the document writes elsewhere is restored; alone it stays U+FFFD', () => {
  const garbled = 'warn撖孵�睲遙雿閙��隞嗉�枏枂�枂��嗵�������菔�𥡝�諹�𦠜鱏';
  assert.ok(!repairText(garbled).text.includes('进行'));
  const r = repairText(`可以进行。\n${garbled}`);
  assert.ok(r.text.split('\n')[1].includes('进行'), r.text);
});
