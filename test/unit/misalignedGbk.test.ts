/**
 * The misaligned-GBK search in parts: what a repair reports, and the beam cut it relies on to stay
 * fast without changing its choices. The case tables (misaligned-gbk.json, yizhuang-lines.json)
 * hold the repairs themselves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMisalignedGbk } from '../../src/core/garble/misalignedGbk';
import { BestOf } from '../../src/core/model/bestOf';
import { isGbkEncodable, seededRandom } from '../garblers';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { guess, guessBetween } from '../../src/core/garble/misaligned/silentGuesses';
import { reaches } from '../../src/core/garble/misaligned/guessBound';
import { SCAN_STRETCH } from '../../src/core/garble/misaligned/scanArrays';
import { doubtedWindows } from '../../src/core/garble/misaligned/doubtWindows';
import { observeSearch } from '../../src/core/garble/misaligned/probes';
import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('a repaired run names the bytes it restored', () => {
  // test/corpus/prose-debian-fortunes-simplified.txt:165 and tech-debian-reference-zh-cn.txt:352,
  // misaligned as in test/cases/misaligned-gbk.json.
  const [account] = findMisalignedGbk('$ <以普通用户?嘶г诵械拿?令>');
  assert.equal(account.replacement, '账户运行的命');
  assert.deepEqual(account.plan, ['encode gbk (?嘶г诵械拿? → bytes, fullwidth ASCII unfolded)', 'restore lost bytes D5, FC', 'decode gbk in step']);
  // The `?` before `shell` stands for 在's trail DA and the space the decoder swallowed with it.
  const [shell] = findMisalignedGbk('现在，?憔驮?shell 下。shell 解析你的命令。');
  assert.equal(shell.replacement, '你就在 ');
  assert.equal(shell.plan[1], 'restore lost bytes C4, DA+20');
});

test('a symbol the text writes after Chinese on every line is its own: table cells are no runs, a garbled cell still is', () => {
  // Classical quotations in a `|` table: `矣|` reads one byte off as `�觸` (the bigram 矣| is rare
  // in the model's text, but the table writes a symbol after Chinese on every line).
  const rows = [
    ['『論語·里仁』', '朝聞道，夕死可矣'],
    ['『論語·學而』', '其為人也孝弟而好犯上者，鮮矣'],
    ['『孟子·公孫丑上』', '非徒無益，而又害之。其子趨而往視之，苗則槁矣'],
    ['『論語·述而』', '甚矣吾衰也！久矣吾不復夢見周公'],
  ];
  const table = rows.map(([source, quote]) => `|${source}|${quote}|`).join('\n');
  assert.deepEqual(findMisalignedGbk(table), []);
  // The same table with a lead byte lost in the third quotation (after 而又), as a GBK decoder reads it.
  const bytes = iconv.encode(table, 'gbk');
  const at = iconv.encode(table.slice(0, table.indexOf('害之')), 'gbk').length;
  const garbled = iconv.decode(Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]), 'gbk');
  const found = findMisalignedGbk(garbled);
  assert.equal(found.length, 1);
  assert.equal(found[0].replacement?.slice(1), '之。其子趨而往視之，苗則');
});

test('the beam cut keeps what a stable sort and a cut would keep', () => {
  const random = seededRandom(3);
  for (let round = 0; round < 200; round++) {
    const size = random.int(1, 12);
    // Few distinct scores, so that ties are many: among equals the one offered first is kept.
    const scores = Array.from({ length: random.int(0, 60) }, () => random.int(-8, 0) / 2);
    const best = new BestOf<number>(size);
    const admitted: boolean[] = [];
    scores.forEach((score, i) => {
      admitted.push(best.admits(score));
      best.add(score, i);
    });
    const expected = scores
      .map((score, i) => ({ score, i }))
      .sort((a, b) => b.score - a.score)
      .slice(0, size)
      .map((x) => x.i);
    assert.deepEqual(best.sorted(), expected);
    // `admits` never turns away an item that the cut keeps.
    for (const i of expected) assert.ok(admitted[i], `item ${i} of ${JSON.stringify(scores)} was turned away`);
  }
});

/**
 * The cases both guess properties are checked on: a character before and after, seeded from one
 * sentence, and the characters a random byte can be the trail of (the options for a lost lead).
 */
function* guessCases(seed: number, rounds: number): Generator<{ before: string; after: string; options: ReturnType<ReturnType<typeof gbkTable>['leadsOf']> }> {
  const table = gbkTable();
  const random = seededRandom(seed);
  const text = '近日，华中科技大学在国际上首次提出了一种新的方法，相关成果发表在学术期刊上。';
  for (let round = 0; round < rounds; round++) {
    const before = text[random.int(0, text.length - 1)];
    const after = text[random.int(0, text.length - 1)];
    yield { before, after, options: table.leadsOf(random.int(0x40, 0xfe)) };
  }
}

test('a guess between two characters skips only options that cannot change its choice or margin', () => {
  const lm = getCharModel();
  for (const { before, after, options } of guessCases(5, 300)) {
    const plain = guess(options, (ch) => lm.bigram(before, ch) + lm.bigram(ch, after), lm);
    assert.deepEqual(guessBetween(options, before, after, lm), plain);
  }
});

test('a guess is skipped only when no option scores what the run needs', () => {
  const lm = getCharModel();
  for (const { before, after, options } of guessCases(11, 300)) {
    const best = guess(options, (ch) => lm.bigram(before, ch) + lm.bigram(ch, after), lm);
    if (!best) {
      assert.equal(reaches(options, before, after, lm, -100), false);
      continue;
    }
    const top = lm.bigram(before, best.ch) + lm.bigram(best.ch, after);
    for (const floor of [top - 3, top - 1e-9, top, top + 1e-9, top + 2]) assert.equal(reaches(options, before, after, lm, floor), top >= floor, `${before}?${after} ≥ ${floor}`);
  }
});

/** Lines of a public text (GBK-encodable, 24 units or more), and the first `count` of them each with one lead byte lost where no decoder marks it (GBK read again from the bytes). */
function linesWithLostLead(count: number): { lines: string[]; garbled: string[] } {
  const lines = readFileSync(join(__dirname, '../../test/corpus/prose-debian-fortunes-simplified.txt'), 'utf8').split('\n').filter((l) => l.length >= 24 && isGbkEncodable(l));
  const garbled = lines.slice(0, count).map((line) => {
    const bytes = [...iconv.encode(line, 'gbk')];
    const lead = bytes.findIndex((b, i) => i >= bytes.length / 3 && b >= 0x81);
    return iconv.decode(Buffer.from(bytes.filter((_, i) => i !== lead)), 'gbk');
  });
  return { lines, garbled };
}

test('a long text is searched in stretches that change no finding', () => {
  // Lines with a lead byte lost, set after more than one stretch of clean lines of the same text.
  const { lines, garbled } = linesWithLostLead(60);
  let clean = '';
  for (let i = 0; clean.length <= SCAN_STRETCH + 100; i++) clean += lines[i % lines.length] + '\n';
  let found = 0;
  for (const line of garbled) {
    const alone = findMisalignedGbk(line).map((g) => ({ ...g, start: g.start + clean.length, end: g.end + clean.length }));
    found += alone.length;
    const inText = findMisalignedGbk(clean + line + '\n' + clean).filter((g) => g.start >= clean.length && g.end <= clean.length + line.length);
    // The same runs; only what is written for a lost byte and how sure the run is may differ, as
    // the text around a run is evidence for both (documentPairs.ts: here it holds the line's own
    // original; writtenSymbols.ts: the symbols it writes after Chinese explain the text as shown).
    const findings = (gs: typeof alone) => gs.map(({ kind, start, end, replacement }) => ({ kind, start, end, length: replacement?.length }));
    assert.deepEqual(findings(inText), findings(alone));
  }
  assert.ok(found >= 10, `${found} runs found`);
});

test('a run of two characters shown before its trace, with no bigram that reads as garbage, starts where it gains most', () => {
  // The repair evaluation's tuning part (ud-hk g3, man-zh_CN kill.1), misaligned: the lead of the
  // run's first character lost, its last trail shown as ASCII (`e`) or `?`.
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['都是爺數腻e。那閃卡本應屬於我的。', '數腻e', '爺的錯'],
    ['为这些进程发送默闲藕? SIGTERM 信号。', '闲藕?', '认信号'],
  ];
  for (const [text, shown, read] of cases) {
    const runs = findMisalignedGbk(text);
    assert.deepEqual(runs.map((r) => [text.slice(r.start, r.end), r.replacement]), [[shown, read]], text);
  }
});

test('a fullwidth letter folded to ASCII before a mark is the pair a run ends with', () => {
  // The repair evaluation's tuning part (msra tuning-3, folded): 。所 lost the lead of 。 (A1 A3),
  // A3 CB was read as Ｋ and folded to `K`, the trail of 所 met the next lead and left U+FFFD.
  const text = '但是整体配合给人留下的印象要比往年差K\ufffd以,扎加洛决意调用马尔西奥来弥补这一空当。';
  const runs = findMisalignedGbk(text);
  assert.deepEqual(runs.map((r) => [text.slice(r.start, r.end), r.replacement]), [['K\ufffd', '。所']]);
});

test('a run reads through the fullwidth digits news text writes its figures in', () => {
  // The lead of 于 lost: every pair after it is read one byte off, the digits' A3 leads with them
  // (`于１９` → `冢保梗`), until the line ends.
  const text = '会议于１９９８年３月２６日在北京举行，共有１２个国家参加。';
  const bytes = iconv.encode(text, 'gbk');
  const lead = iconv.encode('会议', 'gbk').length;
  const garbled = iconv.decode(Buffer.concat([bytes.subarray(0, lead), bytes.subarray(lead + 1)]), 'gbk');
  const runs = findMisalignedGbk(garbled);
  assert.equal(runs.length, 1);
  // The first character is a guess (its lead is gone); everything after it is read back.
  const read = runs[0].replacement ?? '';
  assert.ok(read.endsWith('１９９８年３月２６日在北京举行，共有１２个国家参加。'), read);
});

test('classical verse with rare characters is read by the classical model before a run is taken out of it', () => {
  // Lines of Six Dynasties verse (Werneror/Poetry, the precision corpus's tune part): the
  // character model reads `暧暧罘罳`, `郊燎夙`, `蔡妪` worse than common modern characters paired
  // again out of their bytes; the classical model does not.
  for (const line of ['洛阳十二门，楼阙似西昆。暧暧罘罳下，相望隔画垣。画垣向阿阁，栖凤复栖鸳。', '祝详史具，礼备乐荐。有牲在陈，有鼓在县。腾烛象星，奔水类电。郊燎夙戒，駜彼乘駽。以伺质明，以伫神宴。', '王生回水碓，蔡妪荡轻舟。岸烛斜临水，波光上映楼。']) {
    assert.deepEqual(findMisalignedGbk(line), [], line);
  }
  // A misaligned run in the same verse is still found.
  const original = '王生回水碓，蔡妪荡轻舟。岸烛斜临水，波光上映楼。';
  const bytes = iconv.encode(original, 'gbk');
  const cut = bytes.indexOf(iconv.encode('岸', 'gbk')) + 1;
  const garbled = original.slice(0, original.indexOf('岸')) + iconv.decode(bytes.subarray(cut), 'gbk');
  assert.ok(findMisalignedGbk(garbled).length > 0, garbled);
});

test('a lone U+FFFD is a misaligned trace only where its neighbours ask for a character whose trail leaves that mark', () => {
  // 個 (82 80) lost its lead; its trail 80 pairs with nothing, and the decoder went on in step.
  const [trace] = findMisalignedGbk('歐元每升，這\ufffd價格大幅超過了去年。');
  assert.equal(trace?.kind, 'misaligned-gbk');
  assert.equal(trace.start, 6);
  // Not sure enough among every character: the mark stays, and the span says it is lossy.
  assert.equal(trace.replacement, '\ufffd');
  assert.equal(trace.lossy, true);
  // 北 (B1 B1) leaves no such mark before 京 (BE A9): another process lost it, not a misaligned run.
  assert.deepEqual(findMisalignedGbk('我们明天去\ufffd京开会，后天回来。'), []);
});

test('the silent-run search leaves out clean prose outside its windows and finds the same runs', () => {
  // Lines with a lead byte lost, searched with the windows around rare characters and marks
  // (doubtWindows.ts) and at every offset.
  const { lines, garbled } = linesWithLostLead(80);
  const text = garbled.join('\n');
  const windowed = findMisalignedGbk(text);
  const whole = observeSearch({ whole: true }, () => findMisalignedGbk(text));
  assert.ok(windowed.length >= 10, `${windowed.length} runs found`);
  assert.deepEqual(windowed, whole);
  // The clean lines: most of them lie in no window.
  const clean = lines.join('\n');
  const windows = doubtedWindows(clean, 0, clean.length - 1, getCharModel().flatBigrams());
  let searched = 0;
  for (let w = 0; w < windows.length; w += 2) searched += windows[w + 1] - windows[w];
  assert.ok(searched < 0.8 * clean.length, `${searched} of ${clean.length} searched`);
});

test('a short GBK-mojibake reading and a misaligned run over the same place are weighed against each other', async () => {
  const { analyzeText } = await import('../../src/core/index');
  // [text, the span in question, the kind that takes it, its reading]
  const cases: Array<[string, string, string, string]> = [
    // man-zh_CN xmodmap.1 and dumpkeys.1 misaligned: `璞�` alone reads as GBK mojibake (象), but the
    // run `笊璞�` (误设备) explains the place far better.
    ['这个选项 在 标准错笊璞� 显示 表达式 的 语法.', '笊璞�', 'misaligned-gbk', '误设备'],
    ['这个选项 要求 在 标准输錾璞� 显示 当前的 修饰键映射.', '錾璞�', 'misaligned-gbk', '出设备'],
    ['用 修饰键 组合 获得所有 ㄒ宓� 动作.', 'ㄒ宓�', 'misaligned-gbk', '定义的'],
    // man-zh_CN xmodmap.1 misaligned: `绻�` alone reads as GBK mojibake (繫), a little better by the
    // text likelihood than the run (如果); the text shows the misaligned channel at work (runs on
    // every line), whose rate is the run's prior odds.
    ['xmodmap 可以 使� 下列 选项:\n这个选项 付� 主机 和 允酒�.\n这个选项 在 标准错误设备 允� 命令行参数 的 说明. 绻� 出现了 无法识别 的参数,\n也会 葱� 这个 功能.\n', '绻�', 'misaligned-gbk', '如果'],
    // man-zh_TW df.1 as GBK mojibake: the two-character reading sits among longer ones, which show
    // the channel: it stands.
    ['-h, --human-readable浠� 1024 鐐哄啰椤ず澶у皬锛堜緥濡傦紝1023M锛�\n-H, --si', '锛�', 'mojibake-gbk', '�'],
  ];
  for (const [text, span, kind, reading] of cases) {
    const at = text.indexOf(span);
    const issue = analyzeText(text).find((i) => i.start <= at && at < i.end);
    assert.ok(issue, text);
    assert.equal(issue.kind, kind, text);
    assert.equal(text.slice(issue.start, issue.end), span, text);
    assert.equal(issue.replacement, reading, text);
  }
});

test('a lone U+FFFD is written in a text that shows the channel at work, where the guess is sure', () => {
  // Three lead bytes lost: two in long sentences (runs read with confidence, the text's rate), one
  // before 系 (件 = BC FE; FE CF is no GBK pair, so Python's decoder printed U+FFFD for the FE and
  // read on in step from CF).
  const original = '如果没有指定文件名，程序将从标准输入读取数据并把结果写到标准输出中去。\n设置文件系统的版本。\n这个选项要求在运行之前先检查所有的参数是否正确，否则程序会立即退出。\n';
  const bytes = iconv.encode(original, 'gbk');
  const leadOf = (text: string) => iconv.encode(original.slice(0, original.indexOf(text)), 'gbk').length;
  const lost = new Set([leadOf('标准输入'), leadOf('运行之前')]);
  const garbled = iconv.decode(Buffer.from([...bytes].filter((_, k) => !lost.has(k))), 'gbk').replace('文件系统', '文\ufffd系统');
  assert.ok(garbled.includes('文\ufffd系统'), garbled);
  const trace = findMisalignedGbk(garbled).find((f) => garbled[f.start] === '\ufffd' && garbled.slice(f.start - 1, f.start + 2) === '文\ufffd系');
  assert.equal(trace?.replacement, '件', JSON.stringify(findMisalignedGbk(garbled)));
  assert.ok(!trace.lossy);
});
