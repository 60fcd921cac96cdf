/**
 * Mojibake with lost bytes: UTF-8 read as GBK by decoders that print U+FFFD or `?` for what they
 * cannot pair. The garbled strings are Python's `bytes.decode('gbk', errors='replace')` (and, for
 * `?`, the result written back with `encode('gbk', errors='replace')`) of sentences from
 * UD_Chinese-GSDSimp's test part (Wikipedia, CC BY-SA 4.0).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, repairText } from '../../src/core';
import { big5Codec } from '../../src/core/codec/legacyCodecs';

test('a run with several lost bytes is repaired through to its end, not stopped at the first loss', () => {
  const cases: Array<[string, string]> = [
    ['1914骞达紝鏀垮簻鍏佽�哄噺灏戝湪鍗楅潪瀵瑰嵃搴︿汉鐨勬�ц�嗐��', '1914年，政府允诺减少在南非对印度人的歧视。'],
    ['1914骞达紝鏀垮簻鍏佽?哄噺灏戝湪鍗楅潪瀵瑰嵃搴︿汉鐨勬?ц?嗐??', '1914年，政府允诺减少在南非对印度人的歧视。'],
    ['鍦熷￥鏄�閲嶈�佺殑鑷�鐒惰祫婧愬拰鐢熶骇璧勬枡锛屽湡澹ょ殑妞嶇墿鐢熶骇鑳藉姏鏄�琛￠噺鍦熷￥璧勬簮璐ㄩ噺鐨勬爣蹇椼��', '土壤是重要的自然资源和生产资料，土壤的植物生产能力是衡量土壤资源质量的标志。'],
  ];
  for (const [garbled, clean] of cases) {
    const r = repairText(garbled);
    assert.equal(r.text, clean);
    assert.ok(r.applied.some((i) => i.plan.some((s) => s.startsWith('restore lost byte'))), 'the plan names the restored bytes');
  }
});

test('a character the model cannot pick among its candidates stays lost, shown and marked lossy', () => {
  // 在 (E5 9C A8) lost its last byte before a digit: 在, 场, 圭 … all fit the bytes.
  const r = repairText('闄や簡鍦�1900骞村埌1950骞撮棿浜哄彛涓婂崌浜嗗ぇ绾�25%');
  assert.equal(r.text, '除了\ufffd1900年到1950年间人口上升了大约25%');
  const lossy = r.applied.filter((i) => i.lossy);
  assert.equal(lossy.length, 1);
  assert.match(lossy[0].plan.join(' | '), /1 character lost with its byte: kept as U\+FFFD/);
});

test('structural ASCII after a lost byte is never read into a Han character', () => {
  // 验证成功！"} : the decoder lost ！'s last byte and the quote after it; `}` is the JSON's own.
  const r = repairText('{"msg":"楠岃瘉鎴愬姛锛?}');
  assert.ok(r.text.endsWith('}'), r.text);
  assert.ok(r.text.startsWith('{"msg":"验证成功'), r.text);
  const beforeBrace = [...r.text].at(-2)!;
  assert.ok(beforeBrace === '\ufffd' || !/\p{Script=Han}/u.test(beforeBrace), r.text);
  assert.equal(repairText('文件列表?]').text, '文件列表?]');
});

test('a genuine ?X in correctly decoded text is left alone', () => {
  for (const text of ['《麥康姆?X自傳》是一本書。', '我们的项目 (?X) 很好']) {
    assert.deepEqual(analyzeText(text).filter((i) => i.kind === 'misaligned-gbk' || i.kind === 'mojibake-gbk'), []);
    assert.equal(repairText(text).text, text);
  }
});

test("Big5's user-defined pairs, which Windows' cp950 and Node's decoder print as private-use characters, are read back as their bytes", () => {
  // The real decoder is the reference: every private-use character it prints for a pair.
  const decoder = new TextDecoder('big5');
  const codec = big5Codec();
  let pua = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      const s = decoder.decode(Uint8Array.of(lead, trail));
      const cp = s.codePointAt(0)!;
      if (s.length !== 1 || cp < 0xe000 || cp > 0xf8ff) continue;
      pua++;
      assert.deepEqual(codec.bytesOf(s), [lead, trail], `U+${cp.toString(16)}`);
    }
  }
  assert.equal(pua, 6217);
});

test('UTF-8 read as Big5 by Node: the private-use characters it printed are read back with their run', () => {
  // Sentences of UD_Chinese-HK (CC BY-SA 4.0), their UTF-8 decoded by Node's TextDecoder('big5').
  const clean = '爺爺真沒品味！真是很精彩的！龍珠曾經非常流行。常把龜波氣功掛在口邊。三歲到三十歲也喜歡。非常誇張。';
  const garbled = new TextDecoder('big5').decode(new TextEncoder().encode(clean));
  const privateUse = (s: string) => [...s].filter((ch) => ch >= '\ue000' && ch <= '\uf8ff').length;
  const original = (s: string) => [...s].filter((ch) => clean.includes(ch)).length;
  assert.ok(privateUse(garbled) > 10, 'the decoder printed private-use characters');
  const runs = analyzeText(garbled).filter((i) => i.kind === 'mojibake-big5');
  assert.ok(runs.some((i) => privateUse(garbled.slice(i.start, i.end)) > 0), 'a Big5 run takes in a private-use character');
  const r = repairText(garbled);
  assert.ok(privateUse(r.text) < privateUse(garbled));
  assert.ok(original(r.text) > original(garbled), r.text);
});
