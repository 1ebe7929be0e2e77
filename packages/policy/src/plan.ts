// Each pack compiled once into evaluators, so that per-pairing work is only counting.
import { quarterlyReport } from './evaluators/quarterly.ts';
import { termVisitsPerPerson } from './evaluators/term.ts';
import { yearlyCount, yearlyFunds } from './evaluators/yearly.ts';
import type { Evaluator } from './evaluators/evaluator.ts';
import { PACKS, type PackId } from './packs.ts';
import type { PreparedLedger } from './prepare.ts';
import type { Applicability, PolicyPack, Rule } from './rules.ts';

export interface CompiledRule {
  readonly id: string;
  readonly applies: (ledger: PreparedLedger) => boolean;
  readonly evaluate: Evaluator;
}

export interface CompiledPack {
  readonly id: string;
  readonly dueSoonDays: number;
  readonly rules: readonly CompiledRule[];
}

function compileApplicability(appliesTo: Applicability | undefined): CompiledRule['applies'] {
  const weakVillage = appliesTo?.weakVillage;
  return weakVillage === undefined ? () => true : (ledger) => ledger.weakVillage === weakVillage;
}

function compileEvaluator(rule: Rule): Evaluator {
  switch (rule.kind) {
    case 'yearly-count':
      return yearlyCount(rule);
    case 'yearly-funds':
      return yearlyFunds(rule);
    case 'term-visits-per-person':
      return termVisitsPerPerson(rule);
    case 'quarterly-report':
      return quarterlyReport(rule);
  }
}

export function compilePack(pack: PolicyPack): CompiledPack {
  return {
    id: pack.id,
    dueSoonDays: pack.dueSoonDays,
    rules: pack.rules.map((rule) => ({
      id: rule.id,
      applies: compileApplicability(rule.appliesTo),
      evaluate: compileEvaluator(rule),
    })),
  };
}

export const COMPILED_PACKS = new Map<PackId, CompiledPack>(
  Object.entries(PACKS).map(([id, pack]) => [id as PackId, compilePack(pack)]),
);
