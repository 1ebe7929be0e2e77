import type { phoneZhCN } from './phone.zh-CN.ts';

/** English strings of the phone-first lists; merged into en.ts. */
export const phoneEn: Record<keyof typeof phoneZhCN, string> = {
  'record.content': 'Content',
  'record.by': 'Recorded by',
  'list.more': 'Details',
  'list.less': 'Less',
};
