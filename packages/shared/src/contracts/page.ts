import { z } from 'zod';

/**
 * A page of a list. `totalExact: false` means the server stopped counting at `total` (large
 * national lists); lists that always count exactly leave it out.
 */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number(),
    totalExact: z.boolean().optional(),
    page: z.number(),
    pageSize: z.number(),
  });

export type Paged<T> = Omit<z.infer<ReturnType<typeof paged>>, 'items'> & { items: T[] };

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
