import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// The seams of DESIGN.md, read from the source: which module owns which table, where a module's
// SQL names another's table, and the import graph between modules.

export const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const modulesDir = join(srcDir, 'modules');

/** The seeder of the demo city writes everywhere by design. */
const exempt = new Set(['demo']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const isTestCode = (file: string) => /(\.test|\/testing|\/test-support)\.ts$/.test(file);

export const moduleNames = () =>
  readdirSync(modulesDir).filter((name) => statSync(join(modulesDir, name)).isDirectory());

const moduleOf = (path: string) => {
  const rel = relative(modulesDir, path);
  return rel.startsWith('..') ? null : rel.split('/')[0];
};

/** Table names declared in each module's schema.ts (views are what a module publishes). */
export function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const m of moduleNames()) {
    let text: string;
    try {
      text = readFileSync(join(modulesDir, m, 'schema.ts'), 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(/pgTable\(\s*'([a-z_0-9]+)'/g)) owners.set(match[1], m);
  }
  return owners;
}

/** The text of every SQL template (`sql\`…\``, `sql.raw(\`…\`)`) and statement string in a file. */
function sqlTexts(source: string): string[] {
  const texts = [...source.matchAll(/sql(?:\.raw\()?`((?:[^`\\]|\\.)*)`/gs)].map((m) => m[1]);
  // Fixed statement text kept in template literals (prepared statements, COPY targets).
  for (const m of source.matchAll(/`((?:[^`\\]|\\.)*)`/gs))
    if (/\b(select|insert into|update|delete from|copy)\b/i.test(m[1])) texts.push(m[1]);
  return texts;
}

export type Violation = { file: string; what: string };

/**
 * Places where code outside a module uses the module's tables: an SQL text naming another
 * module's table, or an import of another module's schema.ts (a schema.ts may, for foreign keys).
 * Test code (`*.test.ts`, a module's `testing.ts`) may set up and inspect any table.
 */
export function crossModuleTableUse(): Violation[] {
  const owners = tableOwners();
  const found: Violation[] = [];
  for (const file of files(srcDir)) {
    const m = moduleOf(file);
    if ((m && exempt.has(m)) || isTestCode(file)) continue;
    const rel = relative(srcDir, file);
    const source = readFileSync(file, 'utf8');
    if (!file.endsWith('/schema.ts') && !rel.startsWith('db/')) {
      for (const imp of source.matchAll(/from '([^']*\/schema\.ts)'/g)) {
        const target = moduleOf(resolve(dirname(file), imp[1]));
        if (target !== m) found.push({ file: rel, what: `imports ${imp[1]}` });
      }
    }
    const named = new Set<string>();
    for (const text of sqlTexts(source))
      for (const [table, owner] of owners)
        if (owner !== m && new RegExp(`\\b${table}\\b`).test(text))
          named.add(`${table} (${owner})`);
    for (const what of named) found.push({ file: rel, what: `SQL names ${what}` });
  }
  return found;
}

/** Module → the modules its files import (tests left out: they may drive several modules). */
export function moduleImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files(modulesDir)) {
    if (file.endsWith('.test.ts')) continue;
    const m = moduleOf(file)!;
    const edges = graph.get(m) ?? new Set<string>();
    graph.set(m, edges);
    for (const imp of readFileSync(file, 'utf8').matchAll(/from '(\.[^']*)'/g)) {
      const target = moduleOf(resolve(dirname(file), imp[1]));
      if (target && target !== m) edges.add(target);
    }
  }
  return graph;
}

/** Every cycle of the module graph, each once, as `a → b → a`. */
export function moduleCycles(graph = moduleImports()): string[] {
  const cycles = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      const loop = trail.slice(at);
      const start = loop.indexOf([...loop].sort()[0]);
      const canonical = [...loop.slice(start), ...loop.slice(0, start)];
      cycles.add([...canonical, canonical[0]].join(' → '));
      return;
    }
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return [...cycles].sort();
}
