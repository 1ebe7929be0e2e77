/** Mobile (11 digits) or a landline with area code, as people write them in a form or a sheet. */
export const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** 13812345678 → 138****5678: lists never show a full number (DESIGN.md "Data safety"). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 8) return '****';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
