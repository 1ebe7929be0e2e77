export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/** LIKE pattern for "contains", with the metacharacters in user input escaped. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
