/**
 * A template tag that builds a query from a fragment: drizzle's `sql` binds the fragment's values
 * as parameters; `String.raw` splices them in as text, for a statement kept as fixed text with
 * numbered parameters (a named prepared statement, such as the intention submit). A fragment
 * written against this tag exists once and serves both kinds of statement.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- both tags take any values
export type SqlTag<R> = (strings: TemplateStringsArray, ...values: any[]) => R;
