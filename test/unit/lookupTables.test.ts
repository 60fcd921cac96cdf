// The tables the core reads from data/ instead of asking a library at run time
// (scripts/build-lookup-tables.mjs) still say what iconv-lite and pinyin-pro say: every
// double-byte pair of GBK and Big5 decoded by iconv-lite, the readings pinyin-pro gives every
// CJK ideograph, and opencc-js's dictionaries. A library update that changes them fails here until the script is run again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { big5Table } from '../../src/core/codec/legacyCodecs';
import { readingsOf } from '../../src/core/text/pinyinReadings';
import { dataBytes, dataText, dataUint32 } from '../../src/core/data/dataFiles';
import { hasScriptVariant, scriptOfChar, simplifiedChar } from '../../src/core/script/scriptOfChar';

const pages = [
  { name: 'gbk', table: gbkTable, isTrail: (b: number) => b >= 0x40 && b <= 0xfe && b !== 0x7f },
  { name: 'big5', table: big5Table, isTrail: (b: number) => (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe) },
];

for (const page of pages) {
  test(`the ${page.name} table decodes every pair as iconv-lite does, and encodes back`, () => {
    const table = page.table();
    let mapped = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (!page.isTrail(trail)) continue;
        const ch = iconv.decode(Buffer.from([lead, trail]), page.name);
        const cp = ch.codePointAt(0)!;
        const single = [...ch].length === 1 && ch !== '\ufffd' && cp >= 0x80;
        const privateUse = cp >= 0xe000 && cp <= 0xf8ff;
        assert.equal(table.decodePair(lead, trail), single && !privateUse ? ch : undefined, `${page.name} ${lead.toString(16)}${trail.toString(16)}`);
        if (!single) continue;
        mapped++;
        // The character's bytes are its first pair.
        const bytes = table.bytesOf(ch)!;
        assert.equal(iconv.decode(Buffer.from(bytes), page.name), ch);
        assert.equal(table.codeOf(cp), (bytes[0] << 8) | bytes[1]);
      }
    }
    assert.ok(mapped > 18_000, `${mapped} pairs`);
    assert.deepEqual(table.bytesOf('A'), [0x41]);
    assert.equal(table.bytesOf('AB'), undefined);
  });
}

test('the pinyin readings are pinyin-pro’s, for every CJK ideograph', () => {
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
    const ch = String.fromCodePoint(cp);
    const all = pinyin(ch, { multiple: true, type: 'array' }) as string[];
    assert.deepEqual(readingsOf(ch), all.length === 1 && all[0] === ch ? [] : all, ch);
  }
  assert.deepEqual(readingsOf('應'), ['yīng', 'yìng']);
  assert.deepEqual(readingsOf('a'), []);
});

test('the OpenCC dictionaries in data/opencc are opencc-js’s, and cp950.txt what cp950 round-trips', () => {
  const names = ['CJK_Compatibility_Ideographs', 'STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters', 'TSPhrases', 'TSCharacters', 'TWVariantsPhrases', 'TWVariants', 'TWVariantsRevPhrases', 'TWVariantsRev'];
  for (const name of names) {
    assert.equal(dataText(`opencc/${name}.txt`), require(`opencc-js/dict/${name}`).default, name);
  }
  const simplified = new Set(dataText('opencc/STCharacters.txt').split('|').map((e) => e.split(' ')).filter((p) => p.length >= 2 && p[0] !== p[1]).map((p) => p[0]));
  const cp950 = [...simplified].filter((ch) => iconv.decode(iconv.encode(ch, 'cp950'), 'cp950') === ch);
  assert.deepEqual([...dataText('opencc/cp950.txt')], cp950);
  assert.ok(cp950.includes('后') && !cp950.includes('发'));
  // scripts.u8: each BMP character's script from the two character tables and cp950.txt.
  const inCp950 = new Set(cp950);
  const pairs = (name: string) => new Map(dataText(`opencc/${name}.txt`).split('|').map((e) => e.split(' ')).filter((p) => p.length >= 2 && p[0] !== p[1]).map((p) => [p[0], p[1]] as const));
  const s2t = pairs('STCharacters');
  const t2s = pairs('TSCharacters');
  const scripts = new Uint8Array(0x10000);
  for (const ch of t2s.keys()) if (!s2t.has(ch) && ch.length === 1) scripts[ch.charCodeAt(0)] = 1;
  for (const ch of s2t.keys()) if (!inCp950.has(ch) && ch.length === 1) scripts[ch.charCodeAt(0)] = 2;
  assert.deepEqual(new Uint8Array(dataBytes('opencc/scripts.u8')), scripts);
  // charVariants.u32: the keys of both tables, sorted, each with its Simplified form and flags.
  const cps = [...new Set([...t2s.keys(), ...s2t.keys()].map((ch) => ch.codePointAt(0)!))].sort((a, b) => a - b);
  const variants = cps.flatMap((cp) => {
    const ch = String.fromCodePoint(cp);
    const flags = (t2s.has(ch) ? 1 : 0) | (s2t.has(ch) ? 2 : 0) | (inCp950.has(ch) ? 4 : 0);
    return [cp, ((t2s.get(ch) ?? ch).codePointAt(0)! | (flags << 24)) >>> 0];
  });
  assert.deepEqual([...dataUint32('opencc/charVariants.u32')], variants);
  for (const ch of [...t2s.keys(), ...s2t.keys(), '中', '后', 'a', '發展']) {
    assert.equal(simplifiedChar(ch), t2s.get(ch) ?? ch, ch);
    assert.equal(hasScriptVariant(ch), t2s.has(ch) || s2t.has(ch), ch);
    const traditional = t2s.has(ch) && !s2t.has(ch);
    const simplifiedOnly = s2t.has(ch) && !inCp950.has(ch);
    if ([...ch].length === 1) assert.equal(scriptOfChar(ch), traditional ? 'traditional' : simplifiedOnly ? 'simplified' : 'neutral', ch);
  }
  assert.deepEqual([scriptOfChar('發'), scriptOfChar('发'), scriptOfChar('后'), scriptOfChar('中')], ['traditional', 'simplified', 'neutral', 'neutral']);
});
