/**
 * The shared decision (src/core/decision/): a repair is made when the text reads more like itself
 * repaired than as it stands, in whatever language it is written; garbling written on purpose
 * stays; source code is read only in its comments and strings.
 *
 * Inputs are short phrases in the languages concerned and their garbled forms, made with the code
 * pages named (UTF-8 bytes decoded as GBK or Windows-1252); the larger real-text evidence is in
 * test/cases/precision-clean.json, mojibake-any-language.json and ftfy.json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { analyzeText, languageOfPath, repairText } from '../../src/core';
import { weighRepair, scriptHereLogPrior } from '../../src/core/decision';
import { standsForLostCharacter, weighLostCharacters } from '../../src/core/decision/lostCharacters';
import { FRAMED_INSIDE_GAIN, FRAMED_SURE, withoutThinReadings } from '../../src/core/decision/thinReadings';
import { sourceRegions } from '../../src/core/code/sourceRegions';

const asGbk = (s: string) => iconv.decode(Buffer.from(s, 'utf8'), 'gbk');
const asCp1252 = (s: string) => iconv.decode(Buffer.from(s, 'utf8'), 'windows-1252');
const kinds = (text: string, languageId?: string) => [...new Set(analyzeText(text, { languageId }).map((i) => i.kind))];
/** A clean line: nothing flagged, nothing changed. */
const leftAlone = (line: string) => {
  assert.deepEqual(kinds(line), [], line);
  assert.equal(repairText(line).text, line);
};

test('weighRepair: Latin words stay, their mojibake goes, whatever the language', () => {
  const margin = (before: string, original: string, reading: string, after: string) => weighRepair({ before, original, reading, after }).margin;
  // GBK bytes read as Latin-1 would make Han of German, Czech and Portuguese letters.
  assert.ok(margin('Gr', 'öß', '鲞', 'e'), 'computes');
  assert.equal(weighRepair({ before: 'Gr', original: 'öß', reading: '鲞', after: 'e', code: 'double-byte' }).accept, false);
  assert.equal(weighRepair({ before: 'dal', original: 'ší', reading: '氻', after: ' příkaz', code: 'double-byte' }).accept, false);
  assert.equal(weighRepair({ before: 'DESCRI', original: 'ÇÃ', reading: '敲', after: 'O', code: 'double-byte' }).accept, false);
  // UTF-8 read as Windows-1252 is undone in French and English as in Chinese.
  assert.equal(weighRepair({ before: 'caf', original: 'Ã©', reading: 'é', after: ' au lait' }).accept, true);
  assert.equal(weighRepair({ before: 'pressure', original: 'â€™â€¦', reading: '’…', after: ' and' }).accept, true);
  assert.equal(weighRepair({ before: '这是', original: 'ä¸­æ–‡', reading: '中文', after: '。' }).accept, true);
});

test('a reading pays for a script its neighbourhood does not write', () => {
  assert.equal(scriptHereLogPrior('é', 'Ã©', 'le café de la ', ' rue'), 0);
  assert.ok(scriptHereLogPrior('ה', '×”', 'higher values (“+” and “', ' curves)') < -3);
  assert.ok(scriptHereLogPrior('鲞', 'öß', 'Die Datei hat die Gr', 'e von zehn Megabyte.') < -3);
  assert.equal(scriptHereLogPrior('参数', '鍙傛暟', '设置', '。'), 0);
});

test('Latin-script text with diacritics is never taken for mojibake', () => {
  for (const line of [
    'Die Größe der Datei wird für Spiel-Ordnergrößen angezeigt.',
    'A descrição do produto está em ação. Classificação: ótima.',
    'Další příkaz vypíše nejpomalejší operace.',
    'Áá Čč Ďď Éé Ěě Íí Ňň Óó Řř Šš Ťť Úú Ůů Ýý Žž',
    'Kullanıcı ölçüde HİÇBİR GARANTİ yoktur; İskoççа, Norveççe.',
    'Không có lỗi nào được tìm thấy trong tệp này.',
  ]) leftAlone(line);
});

test('a letter written as a word between Han and superscripts or fractions are read as written', () => {
  // Our lines: one- and two-letter words among Chinese (C语言, A股, X光, T恤), and digits written
  // as superscripts and fractions in a code sample.
  for (const line of [
    '为了确保C语言工程的设计思路能在各个模块中保持一致，我们先写了文档。',
    '他说A股今天大涨，医生让他去拍X光片，又买了一件T恤。',
    "const re = /\\p{Number}/u;\nre.test('²³¹¼½¾') // 数字的上标和分数也算数字",
    '面积为 12 m²，体积约 ½ m³。',
  ]) leftAlone(line);
  // The same characters as garbled text are still read: GBK bytes shown as Latin-1, whose lead
  // bytes include ² ³ ¹ ¼ ½ ¾.
  for (const line of ['建立工程文件之后，编译并运行测试程序。', '将结果保存到数据库中，并发送通知邮件。']) {
    const latin1 = iconv.decode(iconv.encode(line, 'gbk'), 'latin1');
    assert.equal(repairText(latin1).text, line, latin1);
  }
});

test('Latin-1 mojibake is repaired to what the bytes were, in any language, once or twice garbled', () => {
  for (const line of ['Le barème forfaitaire permet l’évaluation des frais', 'Die Größe der Datei', 'It’s a ‘test’ …', '中文的编码']) {
    assert.equal(repairText(asCp1252(line)).text, line, line);
    assert.equal(repairText(asCp1252(asCp1252(line))).text, line, `${line} (twice)`);
  }
});

test('a text\'s only pair that also reads as a letter and a mark at a word\'s edge stays', () => {
  for (const text of ['the lattice constant is 4 Å—', 'a lot of Ã’s in that word']) {
    assert.deepEqual(kinds(text), [], text);
    assert.equal(repairText(text).text, text, text);
  }
  // A mark between letters, or a longer sequence, is mojibake as before.
  assert.equal(repairText('Welcome to Ä°zmir!').text, 'Welcome to İzmir!');
  assert.equal(repairText('une approche naÃ¯ve').text, 'une approche naïve');
  assert.equal(repairText(`wait for it${asCp1252('…')}`).text, 'wait for it…');
});

test('one text, one channel: beside UTF-8 read as Windows-1252, Latin-1 letters are not read as GBK or Big5', () => {
  // The quote marks' bytes went through Latin-1 (C1 controls kept); the last one is followed by an ellipsis.
  const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  const quoted = `He said it was ${latin1('‘')}fine${latin1('’')}…`;
  assert.equal(repairText(quoted).text, 'He said it was ‘fine’…');
  // A repetitive sample beside other mojibake stays as it is, in every pass: no Han is invented.
  const sample = `Copyright ${asCp1252('©')} 2020 ${asCp1252('·')} all rights ${asCp1252('®')}. The logo read ${'ÃÂ'.repeat(6)} there.`;
  assert.equal(repairText(sample).text, `Copyright © 2020 · all rights ®. The logo read ${'ÃÂ'.repeat(6)} there.`);
  // GBK read as Latin-1 on its own is still read back.
  assert.equal(repairText('ÓÉÔÂÒªºÃºÃÑ§Ï°').text, '由月要好好学习');
});

test('UTF-8 read as Windows-1250 or Mac OS Roman is undone by whole tokens; one pair under a rarer page is not enough', () => {
  const as = (s: string, page: string) => iconv.decode(Buffer.from(s, 'utf8'), page);
  assert.equal(repairText(as('Il a dit : « télécharger le café »', 'macintosh')).text, 'Il a dit : « télécharger le café »');
  assert.equal(repairText(as('Rīgas pilsēta', 'macintosh')).text, 'Rīgas pilsēta');
  // A token with a lost byte (ň is C5 88; Windows-1250 has no 0x88) stays as it is, the others come back.
  assert.equal(repairText(as('Příliš žluťoučký kůň úpěl', 'windows-1250')).text, `Příliš žluťoučký ${as('kůň', 'windows-1250')} úpěl`);
  for (const text of ['POZOR: ZÁKAZ VSTUPU™', 'ŠKODA AUTO™ a.s.', 'HÅØYA ER BLÅØYD']) assert.equal(repairText(text).text, text, text);
});

test('UTF-8 read as a DOS code page (IBM 437, 850) is undone; a word of letters is not read as a symbol', () => {
  const as = (s: string, page: string) => iconv.decode(Buffer.from(s, 'utf8'), page);
  assert.equal(as('Čeština a slovenčina', 'ibm437'), '─îe┼ítina a sloven─ìina');
  assert.equal(repairText(as('Čeština a slovenčina', 'ibm437')).text, 'Čeština a slovenčina');
  assert.equal(repairText(as('Die Straße heißt Süßweg', 'ibm850')).text, 'Die Straße heißt Süßweg');
  // Clean text the DOS pages would read: box drawing, and an interjection that is E2 93 93 (ⓓ) in IBM 850.
  for (const text of ['┌──┬──┐\n│ a│ b│\n└──┴──┘', 'Ôôô que saudade, Ôôô']) assert.equal(repairText(text).text, text, text);
});

test('Japanese (kanji with kana) is not mixed Chinese script', () => {
  assert.deepEqual(kinds('デフォルトの設定ファイルを読み込みます。変更は次回の起動時に反映されます。'), []);
  assert.deepEqual(kinds('.SH 名称\naddftinfo \\- フォント情報を追加する\n.SH 書式\n'), []);
});

test('emoji, Japanese and Korean read as GBK come back as themselves', () => {
  for (const s of ['⚠️ 注意', '🎉 发布成功', '日本語のテキストです', 'ありがとうございます']) {
    const garbled = asGbk(s);
    assert.notEqual(garbled, s);
    assert.equal(repairText(garbled).text, s, `${garbled} → ${s}`);
  }
  // Korean 포클랜드 제도 (the Falkland Islands, from iso-codes' Korean catalogue).
  assert.equal(repairText(asGbk('포클랜드 제도')).text, '포클랜드 제도');
});

test('a lost byte is not guessed into an emoji or a separator', () => {
  // ” is E2 80 9D; a strict Windows-1252 decoder loses the 9D: `â€�`, not “ and U+2028.
  assert.ok(!repairText(asCp1252('It’s a “test” …')).text.includes('\u2028'));
  // 😊 is F0 9F 98 8A; read as GBK, its last byte is lost as `?`.
  const garbled = `${asGbk('今天很开心')}蹇凁煒?`;
  assert.ok(!repairText(garbled).text.includes('😀'));
});

test('嚙踝蕭, the Big5 twin of 锟斤拷, is flagged as lossy; 嚙 the word is not', () => {
  const issues = analyzeText('中文嚙踝蕭嚙踝蕭內容');
  assert.ok(issues.some((i) => i.kind === 'mojibake-big5' && i.lossy && i.replacement === undefined));
  assert.deepEqual(kinds('囓齒類動物會嚙咬木頭。'), []);
});

test('garbling written on purpose stays: patterns, tables, examples, jokes', () => {
  const onPurpose: Array<[string, string | undefined]> = [
    ['assert.ok(!/[锟斤拷]|(?:Ã|Â|â€)/u.test(labels));', 'typescript'],
    ['const FIXES = { "Ã©": "é", "Ã¨": "è", "â€™": "’" };', 'javascript'],
    ['MOJIBAKE_HINTS = ("锟斤拷", "ï»¿", "�")', 'python'],
    ['title = title.replace("Ã©", "é")', 'python'],
    ['Windows 终端的编码不对，保存的文件变成乱码（如 `????` 或 `锟斤拷`）。', 'markdown'],
    ['乱码实际上很常见，常知道的锟斤拷梗就跟这个相关。', undefined],
    ['手持两把锟斤拷，口中疾呼烫烫烫。', undefined],
    ['地面太烫 烫烫烫\n我脚下滑板鞋', undefined],
    ['| 锟斤拷 | UTF-8 replacement characters re-decoded as GBK |', 'markdown'],
    ['Mojibake such as "rÃ©flexion" is what ftfy fixes.', 'markdown'],
    // A lossy sample quoted in a text about encodings, and a code page named by its number.
    ['Text that was mojibake with a lost byte, like this ``â€\ufffd``, is decoded as far as it goes.', 'restructuredtext'],
    ["Decoded as cp850, the comment was signed 'Ã©Ã©'.", undefined],
    // What a program printed, in a code block of an article about 乱码.
    [`程序的输出：\n\n\`\`\`text\n读取结果：${asCp1252('你好，世界')}\n\`\`\`\n\n可以看到输出已经变成了乱码。\n`, 'markdown'],
  ];
  for (const [text, languageId] of onPurpose) {
    assert.deepEqual(kinds(text, languageId), [], text);
    assert.equal(repairText(text, { languageId }).text, text, text);
  }
});

test('a code block is a quotation only in a text about garbled text', () => {
  const block = (s: string) => `程序的输出：\n\n\`\`\`text\n读取结果：${s}\n\`\`\`\n\n可以看到输出不对。\n`;
  assert.equal(repairText(block(asCp1252('你好，世界')), { languageId: 'markdown' }).text, block('你好，世界'));
});

test('a source file\'s samples of a code page it names are data; one sample, or no name, is still read', () => {
  const as = (s: string, page: string) => iconv.decode(Buffer.from(s, 'utf8'), page);
  const samples = ['Čeština', 'правда', 'Tiếng'].map((w) => `#   ${as(w, 'ibm437')}`).join('\n');
  const code = '\ndef read_back(text):\n    return text.encode("ibm437").decode("utf-8")\n';
  // Several samples in the comments of a file that names their page: the file shows them on purpose.
  const named = `# UTF-8 text shown through IBM437 looks like this:\n${samples}${code}`;
  assert.deepEqual(kinds(named, 'python'), []);
  assert.equal(repairText(named, { languageId: 'python' }).text, named);
  // The same lines in a file that names no page, or one sample alone, are read back as before.
  const unnamed = `# What the log shows:\n${samples}\ndef show(text):\n    return text\n`;
  assert.equal(repairText(unnamed, { languageId: 'python' }).text, unnamed.replace(samples, '#   Čeština\n#   правда\n#   Tiếng'));
  const one = `# UTF-8 text shown through IBM437 looks like this:\n#   ${as('правда', 'ibm437')}${code}`;
  assert.deepEqual(kinds(one, 'python'), ['mojibake-latin1']);
  // Chinese garbled through GBK in a program that names GBK is the program's own text, damaged.
  const labels = `# Files are read as GBK.\nLABELS = {"param": "${asGbk('参数')}", "user": "${asGbk('用户名称')}"}\n`;
  assert.equal(repairText(labels, { languageId: 'python' }).text, '# Files are read as GBK.\nLABELS = {"param": "参数", "user": "用户名称"}\n');
});

test('a URL keeps the script its site spells it in; the same words in prose are flagged', () => {
  const simplified = '我们使用简体中文写作，这里是更多的简体字：发展、学习、应该、国家、时间、经济、语言、计算机。';
  const link = `${simplified}参见[计算机科学](https://zh.wikipedia.org/wiki/計算機科學與網路適配器)。`;
  assert.deepEqual(kinds(link, 'markdown'), []);
  assert.deepEqual(kinds(`${simplified}参见計算機科學與網路適配器。`, 'markdown'), ['mixed-script']);
});

test('real garbling in code comments and strings is still found', () => {
  const ts = 'const label = "鍙傛暟"; // 鑾峰彇鍙傛暟\nconst re = /[锟斤拷]/;';
  const repaired = repairText(ts, { languageId: 'typescript' }).text;
  assert.equal(repaired, 'const label = "参数"; // 获取参数\nconst re = /[锟斤拷]/;');
  // Debris inside garbled text is damage, quoted or not.
  assert.ok(kinds('/** 图片锟叫割工锟斤拷锟斤拷 */', 'java').includes('mojibake-gbk'));
  assert.ok(kinds('设置连接超时为 SECS ��').includes('replacement-char'));
});

test('languageOfPath names what the editor would, and prose is prose', () => {
  assert.equal(languageOfPath('src/a/b.ts'), 'typescript');
  assert.equal(languageOfPath('x/Makefile'), 'makefile');
  assert.equal(languageOfPath('ftfy/badness.py'), 'python');
  assert.equal(languageOfPath('README.md'), 'markdown');
  assert.equal(languageOfPath('notes'), undefined);
});

test('sourceRegions: comments and strings, escapes, Python triple quotes; a regex literal is code', () => {
  const js = 'a = "x\\"y"; // note\n/* block */ b = /[锟]/;';
  const regions = sourceRegions(js, 'c').map((r) => `${r.kind}:${js.slice(r.start, r.end)}`);
  assert.deepEqual(regions, ['string:"x\\"y"', 'comment:// note', 'comment:/* block */']);
  const py = "s = '''a\nb''' # c";
  assert.deepEqual(sourceRegions(py, 'python').map((r) => py.slice(r.start, r.end)), ["'''a\nb'''", '# c']);
});

test('no-break spaces folded to spaces: read back beside the text\'s other mojibake, flagged where the reading is unsure', () => {
  const folded = (s: string) => asCp1252(s).replace(/\u00a0/g, ' ');
  // Each no-break space replaced by a space: `à la` is `Ã  la`, the space after it kept.
  const twoSpaces = folded('Veuillez vous référer à la documentation de votre interpréteur.');
  assert.equal(repairText(twoSpaces).text, 'Veuillez vous référer à la documentation de votre interpréteur.');
  // The byte and the space after it made one: `à nos` or `ànos`? A bigram model cannot say; the
  // span is flagged, not guessed, and the rest of the text is repaired.
  const collapsed = 'com especial atenÃ§Ã£o Ã s crianÃ§as';
  const issues = analyzeText(collapsed);
  assert.ok(issues.some((i) => i.kind === 'mojibake-latin1' && i.replacement === undefined && collapsed.slice(i.start, i.end) === 'Ã '));
  assert.equal(repairText(collapsed).text, 'com especial atenção Ã s crianças');
  // Alone, `Ã ` proves nothing; nor beside mojibake that is quoted on purpose.
  assert.deepEqual(kinds('voilÃ le travail'), []);
  assert.deepEqual(kinds('On mojibake (wrong encoding): fix_text("Ã perturber la rÃ©flexion") gives the text back.'), []);
  // A token that keeps other mojibake is left whole.
  assert.equal(repairText('The logo read ÃÂÃÂÃÂ there, cafÃ© too.').text, 'The logo read ÃÂÃÂÃÂ there, café too.');
  // A line whose clean `©` the channel would have garbled as much as it garbled `cafÃ©` is
  // inconsistent: flagged, with what it would read as, and left as it is.
  const mixed = 'Copyright © 2020. The logo read ÃÂÃÂÃÂ there, cafÃ© too.';
  assert.equal(repairText(mixed).text, mixed);
  assert.ok(analyzeText(mixed).some((i) => i.replacement === undefined && i.reading === 'é' && mixed.slice(i.start, i.end) === 'Ã©'));
});

test('a character outside the BMP written as two surrogates (CESU-8) and read as Windows-1252 is one character again', () => {
  // Each surrogate as a three-byte sequence, as Java's modified UTF-8 writes it, read byte by byte.
  // (Buffer would write a lone surrogate as EF BF BD: the bytes are written by hand.)
  const cesu8 = (s: string) => {
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
      else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
    return Buffer.from(out).toString('latin1');
  };
  assert.equal(repairText(`Hi guys ${cesu8('😍')}`).text, 'Hi guys 😍');
  assert.equal(repairText(`I just figured out how to tweet emojis! ${cesu8('⚽😀😁😂')}`).text, 'I just figured out how to tweet emojis! ⚽😀😁😂');
  // A high surrogate alone is no character.
  assert.deepEqual(kinds(`a lone ${cesu8('😍').slice(0, 3)} surrogate`), []);
});

test('C1 controls standing alone beside Windows-1252 mojibake are its bytes; alone, and in a token left unread, they stay', () => {
  // 0x85 and 0x94 decoded as Latin-1 (C1 controls) where Windows-1252 has … and ”.
  assert.equal(repairText('\u00e2\u20ac\u0153mismatched quotes\u0085\u0094').text, '\u201cmismatched quotes\u2026\u201d');
  assert.deepEqual(kinds('a line\u0085with a control'), []);
  assert.equal(repairText('caf\u00c3\u00a9 and x\u00e2y\u0098 there').text, 'caf\u00e9 and x\u00e2y\u0098 there');
});

test('lostCharacters: a repair of a legacy encoder\'s `?` must beat that process, else it is flagged', () => {
  const text = '稼盈亩。迨嘉辰。?芳糗。纳寒场。';
  const at = text.indexOf('?');
  assert.equal(standsForLostCharacter(text, at), true);
  assert.equal(standsForLostCharacter('what? 佢係', 4), false);
  const issue = { kind: 'misaligned-gbk' as const, start: at, end: at + 1, confidence: 0.7, replacement: '\ufffd', plan: [] };
  // Turning the `?` into U+FFFD says nothing more: flagged as lossy, the reading kept apart.
  const [flagged] = weighLostCharacters(text, [issue]);
  assert.equal(flagged.replacement, undefined);
  assert.equal(flagged.reading, '\ufffd');
  assert.equal(flagged.lossy, true);
  // A reading that makes the text far more itself is still made (our line, a misaligned run's shape).
  const garbled = '我们今天去公园?鍒嗘槸散步。';
  const start = garbled.indexOf('?');
  const run = { kind: 'misaligned-gbk' as const, start, end: start + 3, confidence: 0.9, replacement: '，然后', plan: [] };
  assert.equal(weighLostCharacters(garbled, [run])[0].replacement, '，然后');
  // Findings without such a `?` are not weighed again.
  const other = { ...issue, start: 0, end: 2 };
  assert.equal(weighLostCharacters(text, [other])[0], other);
});

test('thinReadings: a reading of placeholders and one character, or a few between two lost bytes, is flagged, not made, unless its kind is repaired beside it', () => {
  const issue = (text: string, span: string, replacement: string, kind: 'misaligned-gbk' | 'mojibake-gbk' | 'mojibake-latin1' = 'misaligned-gbk') => {
    const start = text.indexOf(span);
    return { kind, start, end: start + span.length, confidence: 0.7, replacement, plan: [] };
  };
  // A line of classical verse (our line) whose rare pair a misaligned reading takes for a run
  // that lost a byte at each end: two U+FFFD and one character in place of two.
  const verse = '词客无出江西右。蠲忿小庭花，难老深杯里。';
  const [flagged] = withoutThinReadings(verse, [issue(verse, '蠲忿', '\ufffd梅\ufffd')]);
  assert.equal(flagged.replacement, undefined);
  assert.equal(flagged.lossy, true);
  assert.equal(flagged.reading, '\ufffd梅\ufffd');
  // A private-use character, and Han of Extension G that neither model has seen, are placeholders too.
  assert.equal(withoutThinReadings(verse, [issue(verse, '江西', '\ue018')])[0].replacement, undefined);
  assert.equal(withoutThinReadings(verse, [issue(verse, '右。', '\u{31863}', 'mojibake-gbk')])[0].replacement, undefined);
  // A private-use character the source wrote for a rare one, read as two lost bytes and one character.
  const pua = `葛藟延幽谷，\ue018\ue018瓜瓞生。`;
  assert.equal(withoutThinReadings(pua, [issue(pua, '\ue018\ue018', '\ufffd躬\ufffd')])[0].replacement, undefined);
  // Framed: a byte lost at each end and a few characters between, which the text does not read
  // better for, is flagged too; one lost byte and the same characters are left to the detector.
  const framed = withoutThinReadings(verse, [issue(verse, '小庭花，', '\ufffd界壁众\ufffd')])[0];
  assert.equal(framed.replacement, undefined);
  assert.equal(framed.reading, '\ufffd界壁众\ufffd');
  const longer = issue(verse, '小庭花，', '界壁众\ufffd');
  assert.equal(withoutThinReadings(verse, [longer])[0], longer);
  // An emoji the models do not know is what a UTF-8 reading reads back, not a placeholder.
  const emoji = 'Hi guys \u00ed\u00a0\u00bd\u00ed\u00b8\u008d';
  const e = issue(emoji, emoji.slice(8), '😍', 'mojibake-latin1');
  assert.equal(withoutThinReadings(emoji, [e])[0], e);
  // Beside a repair of the same kind that is not thin, the channel shows itself: the reading stands.
  const garbled = '我们今天去公园鍒嗘槸散步，然后回家';
  const near = [issue(garbled, '鍒嗘槸', '分是', 'mojibake-gbk'), issue(garbled, '散步', '\ufffd', 'mojibake-gbk')];
  assert.equal(withoutThinReadings(garbled, near)[1].replacement, '\ufffd');
});

test('thinReadings: a framed reading whose detector is sure and whose inside alone reads far better is made, its ends shown lost', () => {
  // 幽梦影, one run garbled (bytes dropped at both ends): 人须有少年之 shown as 诵胗猩倌曛.
  const line = '少年人须有老成之识见,老成诵胗猩倌曛襟怀。';
  const start = line.indexOf('诵');
  const run = (confidence: number, s = start, e = start + 5, replacement = '\ufffd须有少年\ufffd') =>
    ({ kind: 'misaligned-gbk' as const, start: s, end: e, confidence, replacement, plan: [] });
  assert.ok(0.8 < FRAMED_SURE && FRAMED_SURE <= 0.978 && FRAMED_INSIDE_GAIN > 0);
  assert.equal(withoutThinReadings(line, [run(0.978)])[0].replacement, '\ufffd须有少年\ufffd');
  // The same reading from a detector less sure is flagged, as a clean classical line's is.
  const unsure = withoutThinReadings(line, [run(0.8)])[0];
  assert.equal(unsure.replacement, undefined);
  assert.equal(unsure.reading, '\ufffd须有少年\ufffd');
  // A framed reading made on its inside lends no support to a thin one beside it ...
  const verse = '词客无出江西右。蠲忿小庭花，难老深杯里。';
  const both = verse + line;
  const at = verse.length + start;
  const thin = run(0.7, both.indexOf('蠲忿'), both.indexOf('蠲忿') + 2, '\ufffd梅\ufffd');
  const out = withoutThinReadings(both, [thin, run(0.978, at, at + 5)]);
  assert.equal(out[0].replacement, undefined);
  assert.equal(out[1].replacement, '\ufffd须有少年\ufffd');
  // ... nor does a repair that reads over a U+FFFD the text shows (a run read again over an earlier repair's marks).
  const marked = '词客无出江西右。蠲忿小庭\ufffd者也\ufffd难老深杯里。';
  const over = run(0.99, marked.indexOf('\ufffd'), marked.indexOf('\ufffd') + 4, '日咭玻基');
  const alone = run(0.7, marked.indexOf('蠲忿'), marked.indexOf('蠲忿') + 2, '\ufffd梅\ufffd');
  assert.equal(withoutThinReadings(marked, [alone, over])[0].replacement, undefined);
  // Where that neighbour reads characters the text shows, the thin reading stands on it.
  const plain = '词客无出江西右。蠲忿小庭鍒嗘槸难老深杯里。';
  const read = run(0.99, plain.indexOf('鍒'), plain.indexOf('鍒') + 3, '分是的');
  const beside = run(0.7, plain.indexOf('蠲忿'), plain.indexOf('蠲忿') + 2, '\ufffd梅\ufffd');
  assert.equal(withoutThinReadings(plain, [beside, read])[0].replacement, '\ufffd梅\ufffd');
});

test('scriptHereLogPrior: letters of the supplementary planes are a script Chinese text does not write', () => {
  const before = '虽云六十化，未免近饾';
  const after = '山人当自寿，雄据天童胜。';
  // `饤。` is F0 97 A1 A3 in GBK: as UTF-8, Tangut 𗡣.
  assert.ok(scriptHereLogPrior('𗡣', '饤。', before, after) < -2);
  assert.ok(scriptHereLogPrior('𞡣', '馂。', before, after) < -2);
  // Han of any extension is Han, and emoji belong to no script.
  assert.equal(scriptHereLogPrior('𱡣', '鸨。', before, after), 0);
  assert.equal(scriptHereLogPrior('🎉', '馃帀', before, after), 0);
});
