/**
 * UTF-8 read as Big5 by a decoder that prints the HKSCS pairs (iconv-lite's `big5`): UTF-8
 * continuation bytes 0x87–0xA0 open such pairs, so where that decoder lost a byte before one that
 * can trail, the byte was one of the few leads it has no character for. The text shows which
 * decoder it met (HKSCS characters beside the marks), and its lost bytes are guessed among those.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { repairText } from '../../src/core';
import { big5HkscsLostByteCandidates, big5LostByteCandidates } from '../../src/core/garble/mojibake/lostBytes';

const SENTENCE = '政府決定在明年增加教育經費，以改善學校的設施。';

test('a lost lead before a byte that can trail: the HKSCS decoder fails on few of 0x80–0xBF, each also a gap of the other decoders', () => {
  for (const trail of [0x40, 0x7e, 0xa1, 0xa4, 0xfe]) {
    const wideList = big5LostByteCandidates(trail);
    const wide = new Set(wideList);
    const few = big5HkscsLostByteCandidates(trail);
    for (const lead of few) assert.ok(wide.has(lead), `${lead.toString(16)} ${trail.toString(16)}`);
    for (const lead of few) {
      const s = iconv.decode(Buffer.from([lead, trail]), 'big5');
      assert.ok([...s].length !== 1 || s === '\ufffd', `iconv-lite big5 reads ${lead.toString(16)} ${trail.toString(16)}`);
    }
    assert.ok(few.filter((b) => b <= 0xbf).length < wideList.filter((b) => b <= 0xbf).length / 2, `${few.length} of ${wideList.length}`);
  }
});

test("Big5 mojibake from iconv-lite's big5: characters of one lost byte restored, the rest U+FFFD, nothing invented", () => {
  const garbled = iconv.decode(Buffer.from(SENTENCE, 'utf8'), 'big5');
  const r = repairText(garbled);
  assert.ok(r.text.includes('增加教育經費'), r.text);
  const got = [...r.text];
  const want = [...SENTENCE];
  assert.equal(got.length, want.length, r.text);
  got.forEach((ch, k) => assert.ok(ch === want[k] || ch === '\ufffd', `${k}: ${ch} for ${want[k]} in ${r.text}`));
});
