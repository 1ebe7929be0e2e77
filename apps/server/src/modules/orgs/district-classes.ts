/**
 * Shanghai's districts by S1 §2–3: central districts (中心城区) help; outer suburbs (远郊区) are
 * helped; near-suburban 浦东、闵行、宝山、嘉定、松江 do both. Keyed by the 6-digit district code.
 */
export const shanghaiDistrictClasses: Record<
  string,
  'central' | 'near_suburban' | 'outer_suburban'
> = {
  '310101': 'central', // 黄浦区
  '310104': 'central', // 徐汇区
  '310105': 'central', // 长宁区
  '310106': 'central', // 静安区
  '310107': 'central', // 普陀区
  '310109': 'central', // 虹口区
  '310110': 'central', // 杨浦区
  '310112': 'near_suburban', // 闵行区
  '310113': 'near_suburban', // 宝山区
  '310114': 'near_suburban', // 嘉定区
  '310115': 'near_suburban', // 浦东新区
  '310117': 'near_suburban', // 松江区
  '310116': 'outer_suburban', // 金山区
  '310118': 'outer_suburban', // 青浦区
  '310120': 'outer_suburban', // 奉贤区
  '310151': 'outer_suburban', // 崇明区
};

/** The demo 对口帮扶 table: each central district helps one or two suburban districts. */
export const demoDistrictPairs: Array<[urban: string, rural: string]> = [
  ['310101', '310116'], // 黄浦 → 金山
  ['310104', '310118'], // 徐汇 → 青浦
  ['310105', '310120'], // 长宁 → 奉贤
  ['310106', '310151'], // 静安 → 崇明
  ['310107', '310151'], // 普陀 → 崇明
  ['310107', '310114'], // 普陀 → 嘉定
  ['310109', '310120'], // 虹口 → 奉贤
  ['310110', '310116'], // 杨浦 → 金山
  ['310110', '310113'], // 杨浦 → 宝山
];
