// The signed text of a demo pairing: the pack's template (commitments, visit plan) with the
// projects and yearly funds the two sides agreed on (R-PROJECT, R-WEAK-FUNDS).
import type { PackId } from '@pairing/policy';
import type { AgreementContent } from '@pairing/shared';
import { draftFromTemplate } from '../agreements/template.ts';
import { surnames, givenNames } from './names.ts';
import type { seededRandom } from './rng.ts';
import type { PlannedPair } from './term-pairs.ts';
import { postsOf, projectIdeas } from './term-texts.ts';
import { yearOf } from './days.ts';

type Rng = ReturnType<typeof seededRandom>;

const mobile = (rng: Rng) =>
  `1${rng.pick(['3', '5', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;

export const personName = (rng: Rng) => `${rng.pick(surnames)}${rng.pick(givenNames)}`;

/** One to three projects over the term's years, each with a checkable indicator. */
function projects(rng: Rng, termStart: string, termEnd: string): AgreementContent['projects'] {
  const [first, last] = [yearOf(termStart), yearOf(termEnd)];
  return rng
    .shuffle(projectIdeas)
    .slice(0, rng.int(1, 3))
    .map((idea, i) => {
      const [lo, hi] = idea.indicator.quantity;
      const quantity = hi <= 10 ? rng.int(lo * 10, hi * 10) / 10 : rng.int(lo, hi);
      return {
        title: idea.title,
        target: idea.target,
        budget: rng.int(idea.budget[0], idea.budget[1]) * 1000,
        // The first project starts in the signing year or the next; later ones follow.
        year: Math.min(last, first + i + rng.int(0, 1)),
        indicator: { description: idea.indicator.description, quantity, unit: idea.indicator.unit },
      };
    });
}

/** At least the template's prorated minimum, rounded up to thousands, for a weak village. */
function yearlyFunds(rng: Rng, template: AgreementContent['yearlyFunds'], weak: boolean) {
  return template.map(({ year, amount }) => ({
    year,
    amount: weak
      ? Math.ceil((amount * (1 + rng.int(0, 10) / 10)) / 5000) * 5000
      : rng.next() < 0.5
        ? rng.int(2, 6) * 5000
        : 0,
  }));
}

export function agreementContent(
  rng: Rng,
  packId: PackId,
  termStart: string,
  termEnd: string,
  { unit, village }: PlannedPair,
): AgreementContent {
  const template = draftFromTemplate({
    packId,
    termStart,
    termEnd,
    weakVillage: village.weak,
    urbanContact: { name: unit.contactName, phone: unit.contactPhone },
    ruralContact: { name: personName(rng), phone: mobile(rng) },
  });
  return {
    ...template,
    projects: projects(rng, termStart, termEnd),
    yearlyFunds: yearlyFunds(rng, template.yearlyFunds, village.weak),
    contacts: {
      urban: { ...template.contacts.urban, title: postsOf(unit.unitType).member[0] },
      rural: { ...template.contacts.rural, title: '村党组织书记' },
    },
  };
}
