import { allocationSettingsInput } from '@pairing/shared';
import type { z } from 'zod';

/** A round's cost weights and pruning, every field filled (packages/shared `allocationSettingsInput`). */
export type AllocationSettings = z.infer<typeof allocationSettingsInput>;

export const defaultSettings: AllocationSettings = allocationSettingsInput.parse({});

/** Stored settings merged over the defaults (older rows may lack fields added later). */
export const readSettings = (stored: unknown): AllocationSettings =>
  allocationSettingsInput.parse({ ...(stored as object | null) });
