/**
 * A found run's lost end read where the document writes it (misaligned/endEchoes.ts): the
 * character the bytes allow that the document writes between the same neighbours, with enough
 * context on both sides and no other option with as much; otherwise the models' guess stands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { bestEndEcho, echoEnds, echoLone, endEcho, holds } from '../../src/core/garble/misaligned/endEchoes';
import { weighableOf, type EndGuesses, type Guess } from '../../src/core/garble/misaligned/silentGuesses';

const table = gbkTable();
const lm = getCharModel();
const code = (ch: string) => table.codeOf(ch.codePointAt(0)!);
/** The options of a character whose lead was lost (those sharing its trail) or whose trail was (those sharing its lead). */
const leadLost = (ch: string) => weighableOf(table.leadsOf(code(ch) & 0xff), lm);
const trailLost = (ch: string) => weighableOf(table.trailsOf(code(ch) >> 8), lm);

// [text (□ where the run stands), lost characters (each 'L' lead lost or 'T' trail lost, of the
// character named), context before, context after, echo read (undefined: none at the bar)]
const CASES: Array<[string, Array<['L' | 'T', string]>, string, string, string | undefined]> = [
  // 表 (B1 ED) lost its lead; the text writes 资产负债表上体现 above: 3 and 3 in a row.
  ['资产负债表上体现了变化。\n在资产负债□上体现', [['L', '表']], '产负债', '上体现', '表'],
  // Its trail lost instead: the options are those sharing its lead, the same echo.
  ['资产负债表上体现了变化。\n在资产负债□上体现', [['T', '表']], '产负债', '上体现', '表'],
  // Context on one side only: not enough.
  ['资产负债表。\n在资产负债□上体现', [['L', '表']], '产负债', '上体现', undefined],
  // One character on one side needs five in all (`人以為仁義` for 人性為仁義): four is not enough.
  ['戕賊人以為仁義與？\n以人□為仁義，', [['L', '性']], '以人', '為仁義，', undefined],
  // …five is.
  ['戕賊人以為仁義，與？\n以人□為仁義，', [['L', '性']], '以人', '為仁義，', '以'],
  // Two options the bytes allow (错 shares 表's trail) written with as much context: neither.
  ['资产负债表上体现。负债错上体现。\n在资产负债□上体现', [['L', '表']], '负债', '上体现', undefined],
  // …unless one has more.
  ['资产负债表上体现。负债错上。\n在资产负债□上体现', [['L', '表']], '负债', '上体现', '表'],
  // A character the bytes do not allow is no echo (上 does not share 表's trail).
  ['资产负债上上体现。\n在资产负债□上体现', [['L', '表']], '负债', '上体现', undefined],
  // Two lost together (a run of one shown whose ends were both lost): 指 its lead, 定 its trail.
  ['用于指定一个文件。\n可以用于□□一个文件', [['L', '指'], ['T', '定']], '以用于', '一个文件', '指定'],
  // A line break ends the context.
  ['负债\n表上体现。\n在资产负债□上体现', [['L', '表']], '产负债', '上体现', undefined],
];

test('a run\'s lost end is read where the document writes it, with enough context on both sides', () => {
  for (const [text, lost, before, after, want] of CASES) {
    const at = text.indexOf('□');
    const slots = lost.map(([k, ch]) => (k === 'L' ? leadLost(ch) : trailLost(ch)));
    const e = endEcho(text, at, slots, before, after, at, at + lost.length);
    assert.equal(e?.guesses.map((g) => g.ch).join(''), want, `${text} ${want}`);
    if (e) for (let j = 0; j < slots.length; j++) assert.ok(slots[j].some(([b, ch]) => b === e.guesses[j].byte && ch === e.guesses[j].ch));
  }
});

test('the context of an echo is counted in a row on each side, up to four', () => {
  const text = '资产负债表上体现了变化。\n在资产负债□上体现';
  const at = text.indexOf('□');
  const e = bestEndEcho(text, at, [leadLost('表')], '在资产负债', '上体现了变化');
  assert.deepEqual([e?.left, e?.right], [4, 4]);
  // The place itself is never read.
  assert.equal(bestEndEcho('资产负债表上体现', 4, [leadLost('表')], '资产负债', '上体现'), undefined);
});

// [left, right, enough]
const BARS: Array<[number, number, boolean]> = [
  [0, 4, false],
  [1, 3, false],
  [1, 4, true],
  [2, 2, true],
  [1, 2, false],
];

test('the bar: one character each side at least, four in all, five where a side has one', () => {
  for (const [left, right, enough] of BARS) assert.equal(holds(left, right), enough, `${left}/${right}`);
});

test('echoEnds writes the echo over the models\' guess, sure or not, and leaves ends it finds none for', () => {
  const v = '资产负债表上体现了变化。\n在资产负债□上体现';
  const start = v.indexOf('□');
  const firstOptions = table.leadsOf(code('表') & 0xff);
  const g: EndGuesses = { first: { ch: '错', byte: 0xb4, margin: 0.5 }, firstOptions, prev: '债', afterFirst: '上', middle: ['上'], lastKnown: '体', next: '现' };
  const ends = (margin: number): { first: Guess } => ({ first: { ch: '错', byte: 0xb4, margin } });
  const weigh = (o: typeof firstOptions) => weighableOf(o, lm);
  // The run as the repair reads it: □ its first character, 上体 read back, 现 after it.
  const end = start + 3;
  for (const margin of [0.5, 3]) {
    const r = echoEnds(g, v, start, end, ends(margin), 2, weigh);
    assert.equal(r.first.ch, '表');
    assert.equal(r.first.byte, code('表') >> 8);
    assert.ok(r.first.margin >= 2);
  }
  const none = '资产负债。\n在资产负债□上体现';
  const left = echoEnds(g, none, none.indexOf('□'), none.indexOf('□') + 3, ends(0.5), 2, weigh);
  assert.deepEqual([left.first, left.last], [ends(0.5).first, undefined]);
});

// [context the document writes, a line misaligned by a lost lead byte (GBK read as GBK), its repair
// without the context, with it]
const DOCUMENTS: Array<[string, string, string, string]> = [
  // 了's lead lost after 演 (U+E41C: a pair cp936 maps into its user-defined rows): the run reads back from 2012 年 on, its first character 了 or any other
  // character sharing its trail; the document writes 她出演了2012年 in its first line.
  [
    '她出演了2012年的电影。',
    '她是一名演员，也是一家餐厅的服务员Ｋ\ue41c鲅萘�2012年的电影，并且获得了很多观众的喜爱和好评。',
    '她是一名演员，也是一家餐厅的服务员。她出演�2012年的电影，并且获得了很多观众的喜爱和好评。',
    '她是一名演员，也是一家餐厅的服务员。她出演了2012年的电影，并且获得了很多观众的喜爱和好评。',
  ],
  // 在's lead lost after `, `: the run's first character, before 键盘, is read where 在键盘映射 is written.
  [
    '这个特征指, 在键盘映射表中的位置。',
    '这个特征指, 诩\ue3d0逃成渲锌梢哉业秸飧黾\ue3c0娜\ue06f克得骱陀梅\u0101\ufffd',
    '这个特征指, �键盘映射中可以找到这个键的全部说明和用法。',
    '这个特征指, 在键盘映射中可以找到这个键的全部说明和用法。',
  ],
];

test('a run\'s end the models leave U+FFFD is read where the document writes it', () => {
  for (const [context, garbled, alone, withContext] of DOCUMENTS) {
    assert.equal(repairText(garbled).text, alone);
    assert.equal(repairText(`${context}\n${garbled}`).text, `${context}\n${withContext}`);
  }
});

test('a character lost alone is read where the document writes it between its neighbours', () => {
  // 稱 = B7 51, its lead lost: the trail shows as `Q`; the text writes 檔案名稱。若 above.
  const v = '若指定的檔案名稱。若不存在。\n輸出檔案名Q。若檔案已存在。';
  const i = v.indexOf('Q');
  const guessed: Guess = { ch: '穩', byte: 0xb7, margin: 0.5 };
  assert.deepEqual(echoLone(v, i, leadLost('稱'), guessed, 2), { ch: '稱', byte: 0xb7, margin: 2 });
  // Where the document does not write it, the models' guess stands.
  const alone = '輸出檔案名Q。若檔案已存在。';
  assert.deepEqual(echoLone(alone, alone.indexOf('Q'), leadLost('稱'), guessed, 2), guessed);
});
