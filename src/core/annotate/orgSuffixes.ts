/**
 * The suffix grammar of organization names, in Simplified (text is folded before matching).
 * A suffix alone is never a name: organizations.ts requires a proper component (a place, a
 * lexicon name, a Latin brand, a bracketed region) to its left.
 */
export type OrganizationType = 'company' | 'government' | 'university' | 'association' | 'media' | 'zone' | 'other';

export interface OrgSuffix {
  suffix: string;
  type: OrganizationType;
  /** Characters that, right after the suffix, show it is part of another word: 部分, 网络, 局面. */
  notBefore?: string;
}

const table: Record<OrganizationType, Array<string | [string, string]>> = {
  company: ['有限责任公司', '股份有限公司', '有限公司', '集团公司', '总公司', '公司', '集团', '银行', '控股', ['工厂', '化'], '酒店', '书店', '事务所', '交易所'],
  government: ['人民政府', '政府', '委员会', '管委会', '党工委', '工委', ['党委', '员'], ['省委', '员'], ['市委', '员'], ['县委', '员'],
    ['区委', '员'], ['州委', '员'], '办公厅', '办公室', '国务院', '人民法院', '法院', '检察院', '公安局', '海关',
    ['局', '面势限部外内'], ['部', '分门署件队落位下属将分'], ['厅', '堂'], ['署', '名'], ['委', '员托屈婉实'], ['办', '法理事公学成好'],
    ['党', '员委支组派性内外'], ['所', '以有谓在得属用使说需做能要述知作'], ['处', '理于在罚置分境事']],
  university: ['大学', ['学院', '派'], '中学', '小学', '学校', '研究院', '研究所', '研究中心', '科学院', '实验室', '幼儿园', '党校'],
  association: ['协会', '学会', '商会', '联合会', '基金会', '促进会', '研究会', '联盟', '工会', '俱乐部', '总会', '协进会', '公会'],
  media: ['日报', '晚报', '时报', '周报', '早报', '报社', '杂志社', '通讯社', '新闻社', '电视台', '广播电台', '电台', '出版社',
    ['报', '告道到名表价案送社刊纸复警考批销务答效废关喜忧'],
    ['网', '络站页民友店上点格购吧红速球联关内外际卡线盘状址游虫兜'], ['社', '会区团交群']],
  zone: ['经济技术开发区', '开发区', '经开区', '高新区', '自贸区', '保税区', '产业园', '工业园', '科技园', '园区', '示范区'],
  other: ['医院', '博物馆', '图书馆', ['中心', '思'], ['队', '伍员长列形'], '男排', '女排', '男篮', '女篮', '男足', '女足'],
};

/** Suffixes grouped by their last character, longest first, for matching at a candidate end. */
export const SUFFIXES_BY_LAST_CHAR: ReadonlyMap<string, readonly OrgSuffix[]> = (() => {
  const map = new Map<string, OrgSuffix[]>();
  for (const [type, entries] of Object.entries(table) as Array<[OrganizationType, Array<string | [string, string]>]>) {
    for (const entry of entries) {
      const [suffix, notBefore] = typeof entry === 'string' ? [entry, undefined] : entry;
      const last = suffix[suffix.length - 1];
      const list = map.get(last) ?? [];
      list.push({ suffix, type, ...(notBefore ? { notBefore } : {}) });
      map.set(last, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.suffix.length - a.suffix.length);
  return map;
})();

/** Code units that end some suffix: the scan looks up the suffix table only at these. */
export const SUFFIX_LAST_CHARS: Uint8Array = (() => {
  const flags = new Uint8Array(0x10000);
  for (const last of SUFFIXES_BY_LAST_CHAR.keys()) flags[last.charCodeAt(0)] = 1;
  return flags;
})();

/**
 * Endings that name a body even after plain words only, when two or more words precede them:
 * 自由软件基金会, 互联网系统协会, 因特网软件联盟, 医院管理局 (but not 行业协会).
 */
export const STRONG_SUFFIXES = new Set(['局', '基金会', '协会', '学会', '联盟', '委员会', '研究所', '研究院', '研究会', '联合会', '促进会', '商会', '总会', '协进会', '公会']);

/** The type a known name's ending gives it: 天津大学 → university, 人民日报 → media. */
export function typeBySuffix(name: string): OrganizationType {
  const list = SUFFIXES_BY_LAST_CHAR.get(name[name.length - 1]) ?? [];
  for (const s of list) if (name.endsWith(s.suffix) && name.length > s.suffix.length) return s.type;
  return 'other';
}

/**
 * Heads of institutional names that the place list lacks but that start many names:
 * 中央民族大学, 人民网, 国家统计局, 新华社.
 */
export const INSTITUTIONAL_HEADS = new Set(['中央', '国家', '中华', '人民', '国际', '世界', '全国', '中共', '新华', '光明', '环球', '国务院']);

/**
 * Characters that end a left extension whatever the lexicon says: function words and verbs
 * that commonly precede a name (在北京大学, 与天津大学, 将天津大学).
 */
/** Endings of newspapers, which one plain word before them already names: 证券时报, 工人日报. */
export const NEWSPAPER_SUFFIXES = new Set(['日报', '晚报', '时报', '周报', '早报']);

/**
 * Ministries, bureaus and universities, which one plain word before them at a boundary names:
 * 经济部, 劳动部, 教育局, 科技大学, 浸会大学.
 */
export const ONE_WORD_SUFFIXES = new Set(['部', '局', '大学']);

/**
 * Endings after which a company's own short name is left: 中国中车集团公司 → 中国中车, which
 * the same text then uses alone. Longest first.
 */
export const COMPANY_FORM_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '总公司', '公司', '集团', '控股', '股份'];

/**
 * Places and quantifiers that make a company name generic rather than proper: 外国公司,
 * 境外银行, 当地酒店.
 */
export const GENERIC_HEADS = new Set(['外国', '国外', '境外', '海外', '国内', '境内', '本地', '当地', '外地', '各国', '外资', '内资', '中外', '大型', '小型', '中小']);

/** Determiners and measure words that never start an unknown company name: 该公司, 哪家公司, 子公司. */
export const NOT_A_NAME_HEAD = new Set([...'家个些种类该本子分总母大小新老各每某哪同此其另第']);

export const LEFT_STOP_CHARS = new Set([...'的在与和跟同及将是为对向从由于以把被让给等了着过也都还就并而或又其该此这那各每我你他她它们有无不没到至已即']);
