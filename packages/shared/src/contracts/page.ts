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
