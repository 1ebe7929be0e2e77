// Distance proxy for the cost (docs/allocation.md "Distance"): the great-circle distance between
// the seats of the two districts' governments, rounded to whole kilometres; 0 inside one
// district. Coordinates are the Shanghai district government seats (WGS-84, ±1 km), keyed by the
// 6-digit division code; a district without an entry costs `unknownKm`.
const seats: Record<string, readonly [lat: number, lon: number]> = {
  '310101': [31.2317, 121.4846], // 黄浦区
  '310104': [31.1885, 121.4365], // 徐汇区
  '310105': [31.2204, 121.4244], // 长宁区
  '310106': [31.2286, 121.448], // 静安区
  '310107': [31.2495, 121.3972], // 普陀区
  '310109': [31.2646, 121.5051], // 虹口区
  '310110': [31.2596, 121.526], // 杨浦区
  '310112': [31.1129, 121.3817], // 闵行区
  '310113': [31.405, 121.4895], // 宝山区
  '310114': [31.3747, 121.2654], // 嘉定区
  '310115': [31.2215, 121.5447], // 浦东新区
  '310116': [30.7419, 121.342], // 金山区
  '310117': [31.0322, 121.2277], // 松江区
  '310118': [31.1497, 121.1243], // 青浦区
  '310120': [30.918, 121.4741], // 奉贤区
  '310151': [31.623, 121.3976], // 崇明区
};

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Whole kilometres between two districts' seats, or null when either is unknown. */
export function districtKm(fromCode: string | null, toCode: string | null): number | null {
  if (fromCode != null && fromCode === toCode) return 0;
  const a = fromCode ? seats[fromCode.slice(0, 6)] : undefined;
  const b = toCode ? seats[toCode.slice(0, 6)] : undefined;
  if (!a || !b) return null;
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}
