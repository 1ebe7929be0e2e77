// The ledger's vocabulary: what a pairing's execution record (台账) may contain. Packs pick from
// it; a ledger using anything else breaks the contract.

export const EVENT_TYPES = ['visit', 'fund', 'activity', 'report'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Activities of the "six ones" (R-SIX-ONES) and the town's Party lessons and symposiums (R-LESSON). */
export const ACTIVITY_CATEGORIES = [
  'joint_meeting',
  'work_plan',
  'party_lesson',
  'culture_sports',
  'volunteer_service',
  'resident_visit',
  'symposium',
  'training',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/**
 * People of the urban unit: its principal leader, leadership-team members, the leader in charge
 * of pairing (R-VISIT-PRINCIPAL, R-VISIT-LEAD), and any other member who takes part in visits.
 */
export const ROLES = ['principal', 'team', 'lead', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const ENTRY_STATUSES = ['met', 'due', 'due_soon', 'missed', 'late'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
