import { importsApi, type GlobalAbility, type ImportJob } from '@pairing/shared';

/** The two workbooks of the imports page: their routes and who may use them. */
export const workbooks = {
  units: {
    template: importsApi.unitsTemplate,
    export: importsApi.unitsExport,
    upload: importsApi.unitsUpload,
    jobKind: 'units',
    ability: 'directory.importUnits',
  },
  'weak-villages': {
    template: importsApi.weakVillagesTemplate,
    export: importsApi.weakVillagesExport,
    upload: importsApi.weakVillagesUpload,
    jobKind: 'weak_villages',
    ability: 'directory.importWeakVillages',
  },
} as const satisfies Record<
  string,
  { jobKind: ImportJob['kind']; ability: GlobalAbility } & Record<string, unknown>
>;

export type ImportKind = keyof typeof workbooks;
export const importKinds = Object.keys(workbooks) as ImportKind[];
