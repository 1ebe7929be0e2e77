import type { securityZhCN } from './security.zh-CN.ts';

/** English strings of the platform administrators' pages; merged into en.ts. */
export const securityEn: Record<keyof typeof securityZhCN, string> = {
  'role.system_admin': 'System administrator',
  'role.security_admin': 'Security administrator',
  'role.audit_admin': 'Audit administrator',
  'menu.userRoles': 'User roles',
  'menu.securityPolicy': 'Security policy',
  'menu.sessionsAdmin': 'Sessions',
  'menu.securityTrail': 'Security audit',
  'security.policy': 'Password and sign-in lockout policy',
  'security.minPasswordLength': 'Minimum password length (10–64)',
  'security.maxFailedAttempts': 'Failures before sign-in is paused (3–10)',
  'security.firstPauseMinutes': 'First pause in minutes (doubles each time)',
  'security.maxPauseHours': 'Longest pause in hours',
  'security.maxSessions': 'Sessions a user may hold at once (1–50)',
  'security.saved': 'Policy saved; it applies at once',
  'security.sessions': 'Sessions of all accounts',
  'security.searchUser': 'Username or name',
  'security.user': 'User',
  'security.roles': 'Change user roles',
  'security.roleChanged': 'Role changed; the user must sign in again',
  'security.trail': 'Security audit trail',
  'security.at': 'Time',
  'security.kind': 'Action',
  'security.detail': 'Details',
  'security.export': 'Export Excel',
  'security.exportCapped':
    '{total} entries; an export holds the newest {limit}: shorten the time range and export in parts',
  'security.sign_in.ok': 'Signed in',
  'security.sign_in.failed': 'Sign-in failed',
};
