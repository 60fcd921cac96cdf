/**
 * Well-known organizations that news names without any ending a grammar could see: short names of
 * companies and banks (华为, 工行), international bodies (北约, 欧盟), media (央视), universities
 * (清华), sports bodies and football clubs (亚足联, 阿森纳), and Latin names of companies written
 * inside Chinese text (IBM, Google). The jieba
 * dictionary lacks them or tags them as something else (微软 is an adjective there, 华为 a
 * person's name). Kept by hand, in Simplified (text is folded before matching); a name that is
 * also a common word (苹果, 小米, 联想, 大众) is left out, and so is anything a suffix finds.
 */
import { CharTrie } from './trie';
import { isLatin } from './latinNames';
import type { OrganizationType } from './orgSuffixes';

const KNOWN: Record<OrganizationType, string[]> = {
  company: ['微软', '谷歌', '华为', '腾讯', '阿里巴巴', '百度', '京东', '网易', '新浪', '搜狐', '美团', '拼多多', '字节跳动',
    '苹果公司', '比亚迪', '宁德时代', '特斯拉', '英特尔', '亚马逊', '高通', '英伟达', '丰田', '本田', '波音', '空客', '中石油', '中石化',
    '中海油', '国家电网', '南方电网', '中国移动', '中国联通', '中国电信', '中国铁建', '中国中铁', '中国中车', '中国建筑',
    '中国平安', '中国人寿', '中国一汽', '上汽', '广汽', '吉利', '蔚来', '理想汽车', '小鹏汽车', '中芯国际', '大疆',
    '鸿海', '台积电', '联发科', '夏普', '华硕', '宏碁', '中华电信', '长荣', '台塑', '富士康',
    '科大讯飞', '中兴通讯', '海尔', '格力', '海康威视', '京东方', '长城汽车', '奇瑞', '蒙牛', '伊利', '万科', '恒大', '碧桂园', '顺丰',
    '央行', '工行', '农行', '中行', '建行', '交行', '招行', '亚投行', '世行',
    'IBM', 'Google', 'Microsoft', 'Apple', 'Intel', 'Amazon', 'Oracle', 'Samsung', 'Sony', 'Tesla', 'NVIDIA', 'Nvidia',
    'Qualcomm', 'Cisco', 'Huawei', 'Alibaba', 'Tencent', 'Baidu', 'Lenovo', 'Xiaomi', 'ByteDance', 'Meta', 'OpenAI'],
  government: ['北约', '欧盟', '东盟', '世贸组织', '世卫组织', '欧佩克', '美联储', '欧洲央行', '医管局', '金管局', '廉署', '港交所',
    '民建联', '工联会', '民进党', '东华三院'],
  media: ['央视', '新华网', '中新网', '人民网', '美联社', '法新社', '路透社', '彭博社', '共同社', 'BBC', 'CNN'],
  university: ['清华', '北大', '复旦', '浙大', '南大', '人大附中'],
  association: ['亚足联', '国际足联', '欧足联', '国际奥委会', '中国奥委会', '国际田联', '国际泳联', '中国足协', '中国篮协',
    '全国妇联', '全国总工会', '共青团中央', '全国工商联', '中国科协', '中国文联', '中国作协', '红十字会'],
  // Football clubs news names bare; clubs whose names are also common words or places are left out.
  other: ['曼联', '曼城', '皇马', '巴萨', '拜仁', '切尔西', '阿森纳', '尤文图斯', '国际米兰', 'AC米兰', '巴黎圣日耳曼',
    '多特蒙德', '热刺', '马竞', '皇家马德里', '巴塞罗那足球俱乐部'],
  zone: [],
};

const typeOf = new Map<string, OrganizationType>();
for (const [type, names] of Object.entries(KNOWN) as Array<[OrganizationType, string[]]>) for (const n of names) typeOf.set(n, type);
let trie: CharTrie | undefined;

/** The kind of a well-known name written exactly so (folded): 华为 company, 北约 government. */
export function knownNameType(folded: string): OrganizationType | undefined {
  return typeOf.get(folded);
}

/**
 * Known names in folded text. A Latin name must stand alone (IBM, not IBMX) and not lead a product
 * (Google Chrome, Microsoft Office); a two-character Han name must not continue a longer Han word
 * on its left that is a place or number (一百度 is a temperature).
 */
export function knownNames(s: string, out: Array<{ start: number; end: number; type: OrganizationType }>): void {
  trie ??= new CharTrie(typeOf.keys());
  for (let i = 0; i < s.length; i++) {
    if (!trie.hasFirst(s.charCodeAt(i))) continue;
    const len = trie.longest(s, i, 2);
    if (!len) continue;
    const end = i + len;
    if (isLatin(s.charCodeAt(i))) {
      if (isLatin(s.charCodeAt(i - 1)) || isLatin(s.charCodeAt(end)) || s[i - 1] === '.' || s[end] === '.') continue;
      if (s[end] === ' ' && /[A-Z]/.test(s[end + 1] ?? '')) continue;
    } else if (len === 2 && i > 0 && '零〇一二三四五六七八九十百千两几'.includes(s[i - 1])) {
      continue;
    }
    out.push({ start: i, end, type: typeOf.get(s.slice(i, end))! });
    i = end - 1;
  }
}
