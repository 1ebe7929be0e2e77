/**
 * 张三 → 张*, 欧阳娜娜 → 欧***: a participant's name as audit records keep it, the way phones are
 * masked there (DESIGN.md "Data safety"): enough for an admin to tell entries apart, not a list of
 * who attended what.
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
