/**
 * Word tables for figure extraction, in Simplified (the text is folded before matching).
 * Lists are ordered longest first where one entry is a prefix of another (个百分点 before 个).
 */

/** Before a number, kept in the span: 近1000亿元, 超过250余项, 将近10亿人民币. */
export const APPROXIMATION_PREFIXES = ['将近', '接近', '超过', '大约', '约为', '不到', '不足', '至少', '最多', '逾', '约', '近', '超'];

/** After the number or its unit: 250余项, 10多个, 3天左右. */
export const APPROXIMATION_INFIXES = ['余', '多', '来'];
export const APPROXIMATION_SUFFIXES = ['左右', '开外'];

/** Immediately before a figure: 同比增长8.4%, 下降了3个百分点. Recorded, not part of the span. */
export const GROWTH_WORDS = /(?:同比|环比|比上年|较上年|比去年|较去年|年均|平均)?(?:增长|增加|增幅|上涨|上升|提高|提升|下降|下跌|减少|降低|回落|下滑|增速|降幅|涨幅)(?:了|为|达|达到)?$/u;

export const CURRENCIES = ['人民币', '美元', '欧元', '日元', '港元', '港币', '英镑', '韩元', '澳元', '加元', '新台币', '台币', '卢布', '元'];

export const PERCENT_SIGNS = ['%', '％', '‰'];

/**
 * Measure words and units after Arabic digits. 年, 月, 日 are handled as dates or periods
 * before this list is consulted.
 */
export const ARABIC_MEASURES = [
  '个百分点', '个月', '个', '人次', '平方公里', '平方米', '立方米', '千瓦时', '公顷', '公里', '千米', '厘米', '毫米',
  '公斤', '千克', '吨', '亩', '米', '克', '升', '千瓦', '兆瓦', '小时', '分钟', '秒', '周岁', '周年', '岁', '周', '天', '年',
  '项', '家', '名', '人', '位', '次', '座', '所', '件', '台', '辆', '架', '艘', '条', '种', '批', '届', '倍', '页', '本',
  '篇', '部', '张', '份', '户', '套', '栋', '层', '阶段', '轮', '场', '期', '例', '只', '头', '匹', '笔', '枚', '颗',
  '株', '棵', '间', '处', '片', '支', '队', '组', '类', '款', '段', '节', '章', '道', '首', '度', '分', '点', '强', '宗',
  '起', '地', '省', '县', '级', '代',
];

/** Units written in Latin letters after Arabic digits: 5GB, 30km. */
export const LATIN_UNITS = ['km', 'kg', 'cm', 'mm', 'GB', 'MB', 'KB', 'TB', 'kB', 'Mbps', 'GHz', 'MHz', 'Hz', 'kW', 'MW', 'm'];

/**
 * Measure words after Chinese numerals: a narrower list, because 一点, 一道, 一行, 一手, 十分 are
 * words rather than quantities.
 */
export const CHINESE_MEASURES = [
  '个百分点', '个月', '个', '人次', '平方公里', '平方米', '公顷', '公里', '千米', '公斤', '吨', '亩', '米', '小时', '分钟',
  '周年', '周岁', '岁', '周', '天', '年', '项', '家', '名', '人', '位', '次', '座', '所', '件', '台', '辆', '架', '艘', '条',
  '种', '批', '届', '倍', '本', '篇', '部', '张', '份', '户', '套', '栋', '层', '阶段', '轮', '场', '方面', '例', '宗',
  '地', '省', '县', '类', '款', '枚', '颗', '只', '笔',
];

/** After a lone 一 only these count: 一周, 一天, 一年. 一个, 一家, 一种 are indefinite articles. */
export const TIME_MEASURES = new Set(['周', '天', '年', '个月', '小时', '分钟', '周年']);

/**
 * Fixed words whose numerals are not quantities and that the jieba list tags as numerals (m),
 * so they are not in the generated lexical list: 千万 (by all means), 万一 (in case).
 */
export const NUMERAL_IDIOMS = new Set(['千万', '万万', '万一', '一一', '万分', '百般', '十足', '千千万万', '九九', '百万雄师']);
