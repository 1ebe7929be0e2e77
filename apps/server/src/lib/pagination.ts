import { z } from 'zod';

// Every paged list takes the same page and pageSize parameters.
export const pageQuery = {
  page: z.coerce
    .number({ error: '页码须为数字' })
    .int('页码须为整数')
    .min(1, '页码从 1 开始')
    .max(100_000, '页码过大')
    .default(1),
  pageSize: z.coerce
    .number({ error: '每页条数须为数字' })
    .int('每页条数须为整数')
    .min(1, '每页至少 1 条')
    .max(100, '每页最多 100 条')
    .default(20),
};

export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/** LIKE pattern for "contains", with the metacharacters in user input escaped. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
