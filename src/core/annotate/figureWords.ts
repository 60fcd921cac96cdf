/**
 * Word tables for figure extraction, in Simplified (the text is folded before matching).
 * Lists are ordered longest first where one entry is a prefix of another (个百分点 before 个).
 */

/** Before a number, kept in the span: 近1000亿元, 超过250余项, 将近10亿人民币. */
export const APPROXIMATION_PREFIXES = [
  '将近', '接近', '超过', '大约', '约为', '不到', '不足', '至少', '最多', '不超过', '不少于', '不低于', '不高于', '逾', '约', '近', '超',
];

/** After the number or its unit: 250余项, 10多个, 3天左右, 35℃以上. */
export const APPROXIMATION_INFIXES = ['余', '多', '来'];
export const APPROXIMATION_SUFFIXES = ['左右', '开外', '上下', '以上', '以下', '以内'];

/**
 * What an approximation or bound word says about the written number, as the hover and the
 * case table name it: 近 800 is "nearly" 800, 超过 20% "more than", 35℃以上 "or more".
 */
export const QUALIFIERS: Record<string, string> = {
  将近: 'nearly', 接近: 'nearly', 近: 'nearly',
  超过: 'more than', 超: 'more than', 逾: 'more than', 余: 'more than', 多: 'more than', 开外: 'more than',
  大约: 'about', 约为: 'about', 约: 'about', 左右: 'about', 来: 'about', 上下: 'about',
  不到: 'less than', 不足: 'less than',
  至少: 'at least', 不少于: 'at least', 不低于: 'at least',
  最多: 'at most', 不超过: 'at most', 不高于: 'at most',
  以上: 'or more', 以下: 'or less', 以内: 'or less',
};

/**
 * Immediately before a figure: 同比增长8.4%, 下降了3个百分点, 比2016年减少815千公顷. Recorded,
 * not part of the span; 比2016年 names the year compared with.
 */
export const GROWTH_WORDS = /(?:同比|环比|比上年|较上年|比去年|较去年|比\d{4}年|较\d{4}年|年均|平均)?(?:名义|实际)?(?:增长|增加|增幅|上涨|上升|提高|提升|下降|下跌|减少|降低|回落|下滑|增速|降幅|涨幅|增产|减产)(?:了|为|达|达到)?$/u;

/** Sign words before a temperature: 零下29度, 负52.3摄氏度. */
export const NEGATIVE_PREFIXES = ['零下', '负'];

/** Minus signs written before a number: 风速-0.4m/s, −5℃. */
export const MINUS_SIGNS = ['-', '−', '－'];

/** Before a number, 摄氏 or 华氏 make a following 度 a temperature: 摄氏35度. */
export const TEMPERATURE_SCALES: Record<string, 'degC' | 'degF'> = { 摄氏: 'degC', 华氏: 'degF' };

/** In the sentence before a figure in 度, these make it a temperature: 气温都超过35度. */
export const TEMPERATURE_CONTEXT = /气温|高温|低温|温度|体温|水温|降温|升温|摄氏|华氏|零下/;

/** Right before a figure in 度, these make it an angle: 北纬8.2度. */
export const ANGLE_CONTEXT = /(?:北纬|南纬|东经|西经)$/;

/** In the clause before a length, these make it a speed: 最高时速453公里, 以每小时20公里左右的速度. */
export const SPEED_CONTEXT = /时速|每小时/;

/** After a stage or version number: 4.0阶段, 3.0版. */
export const VERSION_WORDS = ['阶段', '版本', '版', '时代'];

/**
 * Measure words after an ordinal: 第三个, 第22号, 第十四届, 第3章. An ordinal may also stand
 * alone (排名第一).
 */
export const ORDINAL_MEASURES = [
  '个', '届', '号', '章', '节', '次', '条', '位', '名', '批', '期', '季', '场', '轮', '天', '年', '部分', '部', '版', '种',
  '项', '家', '座', '代', '集', '页', '卷', '课', '层', '站', '阶段', '款', '例', '单', '笔', '台', '架', '道', '组', '枚', '局',
  '盘', '棒', '跳', '环',
];

/** 首 is an ordinal before these: 首次, 首个, 首届, 首批. (首 alone is a head, 一首 a poem.) */
export const FIRST_MEASURES = ['个', '次', '届', '批', '家', '款', '座', '条', '台', '架', '例', '位', '场', '轮', '日', '期', '站', '辆', '艘', '单', '笔', '套', '枚', '部', '颗', '局'];

/** Ordinals that are names of things, not positions: the tertiary sector, a third party. */
export const ORDINAL_TERMS = ['第一产业', '第二产业', '第三产业', '第三方', '第一线', '第一时间', '第一手', '第二课堂', '第一书记'];

/** Republic of China years: 民国九十二年 is 2003. */
export const ROC_ERA = '民国';
export const ROC_YEAR_OFFSET = 1911;

export const CURRENCIES = ['人民币', '美元', '欧元', '日元', '港元', '港币', '英镑', '韩元', '澳元', '加元', '新台币', '台币', '卢布', '元'];

export const PERCENT_SIGNS = ['%', '％', '‰'];

/**
 * Measure words and units after Arabic digits. 年, 月, 日 are handled as dates or periods
 * before this list is consulted.
 */
export const ARABIC_MEASURES = [
  '个百分点', '个', '人次', '周岁', '周年', '岁',
  '项', '家', '名', '人', '位', '次', '座', '所', '件', '台', '辆', '架', '艘', '条', '种', '批', '届', '倍', '页', '本',
  '篇', '部', '张', '份', '户', '套', '栋', '层', '阶段', '轮', '场', '期', '例', '只', '头', '匹', '笔', '枚', '颗',
  '株', '棵', '间', '处', '片', '支', '队', '组', '类', '款', '段', '节', '章', '道', '首', '度', '分', '点', '强', '宗',
  '起', '地', '省', '县', '级', '代',
];

/**
 * Measure words after Chinese numerals: a narrower list, because 一点, 一道, 一行, 一手, 十分 are
 * words rather than quantities.
 */
export const CHINESE_MEASURES = [
  '个百分点', '个', '人次', '周年', '周岁', '岁', '项', '家', '名', '人', '位', '次', '座', '所', '件', '台', '辆', '架', '艘', '条',
  '种', '批', '届', '倍', '本', '篇', '部', '张', '份', '户', '套', '栋', '层', '阶段', '轮', '场', '方面', '例', '宗',
  '地', '省', '县', '类', '款', '枚', '颗', '只', '笔',
];

/** After a lone 一 only time units count (一周, 一天, 一年, units.ts) and 一周年. 一个, 一家, 一种 are indefinite articles. */
export const TIME_MEASURES = new Set(['周年']);

/**
 * Fixed words whose numerals are not quantities and that the jieba list tags as numerals (m),
 * so they are not in the generated lexical list: 千万 (by all means), 万一 (in case).
 */
export const NUMERAL_IDIOMS = new Set(['千万', '万万', '万一', '一一', '万分', '百般', '十足', '千千万万', '九九', '百万雄师']);
