// Encoding detection on real text, encoded with iconv-lite into every encoding zhlens detects.
// Passages: Debian manpages-zh 1.6.4.0 (zh_CN and zh_TW man1 pages: ab, cpio, nmblookup, vi,
// pg_dump, who, bash, cp), text the character model was not trained on; other languages: the
// de, fr, ru, ja, pl manual pages of Debian man-db (apropos.1) and vim-common (vim.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { detectEncoding } from '../../src/core/bytes/detectEncoding';
import type { DetectedEncoding } from '../../src/core/types';

const SIMPLIFIED = [
  '-t timelimit设置测试的时间的长短，使用这个选项ab将自动设置测试请求会话数目为50000，然后以你设置的时间为固定周期.默认状态下是没有时限的，也就是直到完成你所设置的请求数目为止.',
  '可以 从 cpio 或 tar 格式 的 归档包(archive) 中 读写 文件, 归档包 是一种文件, 它 由 归档文件 及其 相关信息 组成, 例如 文件名, 属主, 时标(timestamp), 和 访问权限. 归档包 可以 是 磁盘上的 文件, 也可以 是磁带或管道.',
  '-R用这个选项在包中指定一个希望得到的二进制位来进行递归查找。 当向WINS服务器发送名字查询及用户希望在WINS服务器上进行名字查询时可以用这种方法。如果不设定这样的二进制递归位，则主机上的普通NetBIOS处理代码(以广播方式)将替代它。详细资料请参见rfc1001和rfc1002。',
  '文件 ..文件名列表。第一个会作为当前文件读入缓冲区。光标会停在缓冲区的第一行。您可以使用 ":next" 命令转到其它的文件。如果要编辑一个以 "-" 开头的文件，请在文件列表前面加上 "--"。',
  '变量的值来搜索那个文件名。',
  '必选参数对长短选项同时适用。',
];
const TRADITIONAL = [
  '-t timelimit設定測試的時間的長短，使用這個選項ab將自動設定測試請求會話數目為50000，然後以你設定的時間為固定週期.預設狀態下是沒有時限的，也就是直到完成你所設定的請求數目為止.',
  '在 建立 歸檔包 時 計算 校驗和, 解開 檔案 時 進行 校驗."HPUX" 格式 用於 相容 HP UNIX 的 cpio, 它 用了 獨特的方法 儲存 裝置檔案.',
  '--inserts將資料輸出為的 INSERT 命令（而不是 COPY）。 這樣會導致恢復非常緩慢。但卻令歸檔更容易移植到其它 SQL 資料庫。',
  '--ips顯示 IP地址而不是主機名。加上 --lookup，則會盡可能基於已儲存的 IP 規範化，而不是已儲存的主機名',
  '它們的優先順序是相同的。',
  '選項 生成的 磁碟檔案.',
];
const OTHER_LANGUAGES = [
  'nur die Übereinstimmung des Schlüsselworts nach Ersetzung des regulären',
  'Le curseur sera placé sur la première ligne du tampon.',
  'поведением по умолчанию. Для каждого ключевого слова будет выполнен',
  '節による見にくさを避けるために出力が端末の幅に切り詰められます。',
  'zachowanie domyślne. Każde słowo kluczowe jest dopasowywane do nazw stron',
];

const encode = (text: string, encoding: string, addBOM = false) => new Uint8Array(iconv.encode(text, encoding, { addBOM }));

/** Every passage, whole and cut to 10, 20 and 50 characters. */
function variants(passages: string[]): string[] {
  const out = new Set<string>();
  for (const p of passages) {
    const cps = [...p];
    out.add(p);
    for (const n of [10, 20, 50]) if (cps.length > n) out.add(cps.slice(0, n).join(''));
  }
  return [...out];
}

function checkAll(passages: string[], encodings: DetectedEncoding[]) {
  for (const text of variants(passages)) {
    for (const encoding of encodings) {
      const d = detectEncoding(encode(text, encoding));
      // `-t timelim` is ASCII: in an ASCII-compatible encoding it is UTF-8 as much as anything.
      const ascii = !/[^\x00-\x7f]/.test(text) && !encoding.startsWith('utf-16');
      assert.equal(d.encoding, ascii ? 'utf-8' : encoding, `${encoding}: ${text}`);
      assert.equal(d.text, text);
      assert.equal(d.bom, false);
      assert.equal(d.binary, false);
      assert.ok(d.confidence > 0.5 && d.confidence <= 1, `confidence ${d.confidence} for ${encoding}: ${text}`);
    }
  }
}

test('Simplified passages of 10–200 characters in every encoding', () => {
  checkAll(SIMPLIFIED, ['utf-8', 'gb18030', 'utf-16le', 'utf-16be']);
});

test('Traditional passages, Big5 told from GBK by the model', () => {
  checkAll(TRADITIONAL, ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be']);
});

test('EUC-TW files are read with the table made from glibc iconv', () => {
  // manpages-zh 1.6.4.0 zh_TW cp.1, and a UD_Chinese-GSD sentence with plane 3 variants (綫),
  // encoded by glibc's `iconv -t EUC-TW`.
  const cases: Array<[string, string]> = [
    ['2rfRwMz5zvvL9NTPzO7z8u7v6vvMr8b47brdqKGizdDPr9nyx+nUttTPzO7z8u7v6vvMr8b47brG+PLnxOOhpA==', '從指定的來原始檔複製到目標處，或者將多個原始檔複製到目標目錄中。'],
    ['xtLy2cW/7bDo18/b4Pvy2eL6x9HV6+/Lxu6hpA==', '必選引數對長短選項同時適用。'],
    ['8aLe28q4jqPI7sWvzqn7t46jyO4=', '機場快綫及東鐵綫'],
  ];
  for (const [b64, text] of cases) {
    const d = detectEncoding(new Uint8Array(Buffer.from(b64, 'base64')));
    assert.equal(d.encoding, 'euc-tw', text);
    assert.equal(d.text, text);
    assert.equal(d.undecodable, 0);
  }
});

test('byte-order marks are read and left out of the text', () => {
  const text = SIMPLIFIED[0];
  for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
    const d = detectEncoding(encode(text, encoding, true));
    assert.deepEqual([d.encoding, d.bom, d.text, d.confidence], [encoding, true, text, 1]);
  }
  const gbBom = detectEncoding(new Uint8Array([0x84, 0x31, 0x95, 0x33, ...encode('必选参数', 'gb18030')]));
  assert.deepEqual([gbBom.encoding, gbBom.bom, gbBom.text], ['gb18030', true, '必选参数']);
});

test('valid UTF-8 in other languages is never taken for GBK or Big5', () => {
  for (const line of OTHER_LANGUAGES) {
    const cps = [...line];
    for (const n of [3, 5, 10, cps.length]) {
      const start = Math.max(0, Math.min(cps.findIndex((c) => c > '\x7f'), cps.length - n));
      const text = cps.slice(start, start + n).join('');
      const d = detectEncoding(encode(text, 'utf-8'));
      assert.equal(d.encoding, 'utf-8', text);
      assert.equal(d.text, text);
    }
  }
});

test('pure ASCII is UTF-8 with full confidence', () => {
  const d = detectEncoding(encode('kill -9 -1', 'utf-8'));
  assert.deepEqual([d.encoding, d.confidence, d.text, d.undecodable], ['utf-8', 1, 'kill -9 -1', 0]);
});

test('a UTF-8 text with a few stray bytes stays UTF-8 and counts them', () => {
  // 0xFF never occurs in UTF-8; C3 announces a two-byte sequence that "(" does not continue.
  const [a, b, c] = SIMPLIFIED.slice(0, 3).map((t) => encode(t, 'utf-8'));
  const bytes = new Uint8Array([...a, 0xff, ...b, 0xc3, 0x28, ...c]);
  const d = detectEncoding(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.undecodable, 2);
  assert.ok(d.confidence > 0.9);
});

test('binary files are flagged and not decoded', () => {
  const cases: number[][] = [
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52], // PNG
    [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], // ELF
    [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], // %PDF-1.7
    [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], // ZIP
    [0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02], // NUL runs
  ];
  for (const bytes of cases) {
    const d = detectEncoding(new Uint8Array(bytes));
    assert.equal(d.binary, true, bytes.join(' '));
    assert.equal(d.text, '');
  }
  // UTF-8 text with a stray NUL byte: NULs that no UTF-16 reading explains.
  const withNul = encode(`${SIMPLIFIED[3]}\u0000${SIMPLIFIED[0]}`, 'utf-8');
  assert.equal(detectEncoding(withNul).binary, true);
});

test('never throws: empty, one byte, odd-length UTF-16, random bytes', () => {
  assert.deepEqual(detectEncoding(new Uint8Array()), { binary: false, encoding: 'utf-8', bom: false, confidence: 1, text: '', undecodable: 0 });
  for (let b = 0; b < 256; b++) detectEncoding(new Uint8Array([b]));
  const odd = encode(SIMPLIFIED[2], 'utf-16le', true).subarray(0, 101);
  const d = detectEncoding(odd);
  assert.equal(d.encoding, 'utf-16le');
  assert.equal(d.undecodable, 1);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
  for (let n = 1; n < 300; n += 7) detectEncoding(Uint8Array.from({ length: n }, random));
});

// Its speed is a row of `npm run bench` (detectEncoding against jschardet and iconv-lite's decode).
test('a 20 KB GB18030 article and a 1 MB Big5 file are read as what they are', () => {
  const article = encode(Array.from({ length: 40 }, (_, i) => SIMPLIFIED[i % 4]).join('\n'), 'gb18030');
  const big = encode(Array.from({ length: 2000 }, (_, i) => TRADITIONAL[i % 4]).join('\n'), 'big5');
  assert.equal(detectEncoding(article).encoding, 'gb18030');
  assert.equal(detectEncoding(big).encoding, 'big5');
});
