/** The contract's path with its `:name` parameters filled in (URL-encoded), under `/api`. */
export function pathOf(contract: { path: string }, params?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return (
    '/api' +
    contract.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      if (values[name] === undefined) throw new Error(`missing path parameter ${name}`);
      return encodeURIComponent(String(values[name]));
    })
  );
}
