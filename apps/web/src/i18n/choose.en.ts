import type { chooseZhCN } from './choose.zh-CN.ts';

/** English strings of choosing and deciding, the directory search's limit and the public directory. */
export const chooseEn: Record<keyof typeof chooseZhCN, string> = {
  'choose.district': 'District',
  'choose.town': 'Town',
  'choose.amount': '¥{amount}',
  'choose.noNeeds': 'No needs list published yet',
  'choose.pairedWith': 'Paired with: {names}',
  'choose.searchPlaceholder': 'Search village, town or code',
  'choose.unit': 'About the unit',
  'choose.unitType': 'Unit type',
  'choose.budget': 'Annual assistance budget',
  'choose.capacity': 'Villages it can pair with',
  'choose.committee': 'Working committee',
  'choose.parentDistrict': 'District',
  'choose.resources': 'Resources',
  'choose.noResources': 'No resources list published yet',
  'choose.notGiven': 'not given',
  'directory.limitedTo': 'Searching only within “{name}”',
  'directory.searchIn': 'Search names or codes within “{name}”',
  'directory.searchEverywhere': 'Search everywhere',
  'publicDirectory.title': 'Pairing directory',
  'publicDirectory.intro':
    'The suburban towns and villages (economically weak villages marked) of this round, and the pairs agreed so far. Urban units sign in to read the full needs lists and choose.',
  'publicDirectory.open': 'Directory',
  'publicDirectory.openLong': 'Open the pairing directory',
  'publicDirectory.notFound': 'No directory for this round',
  'publicDirectory.empty': 'No town or village matches',
  'publicDirectory.status': 'Pairing',
  'publicDirectory.unpaired': 'Not paired yet',
  'publicDirectory.pairs': 'Paired units',
  'publicDirectory.backToBoard': 'Live status board',
};
