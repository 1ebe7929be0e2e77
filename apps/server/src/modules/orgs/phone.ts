/** 13812345678 → 138****5678: lists never show a full number (DESIGN.md "Data safety"). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 8) return '****';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
