import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DeploymentUnitOutlined,
  FileDoneOutlined,
  FlagOutlined,
  GiftOutlined,
  HomeOutlined,
  InteractionOutlined,
  SelectOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '@pairing/shared';
import {
  canDecideIntentions,
  canEditNeeds,
  canEditResources,
  canImport,
  canManageUsers,
  canReadAgreements,
  canReadAudit,
  canReadRounds,
  canReadUncovered,
  canSubmitIntentions,
} from './auth/permissions.ts';
import type { MessageKey } from './i18n/index.tsx';

export type AppRoute = {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Present when the route has its own menu entry. */
  menu?: { label: MessageKey; icon: ReactNode };
  /** Who may open it; everyone signed in when absent. */
  allow?: (role: Role) => boolean;
};

/** Every page inside the signed-in layout. A later module adds its pages here, one entry each. */
export const routes: AppRoute[] = [
  {
    path: '/',
    page: lazy(() => import('./pages/home/HomePage.tsx')),
    menu: { label: 'menu.home', icon: <HomeOutlined /> },
  },
  {
    path: '/orgs',
    page: lazy(() => import('./pages/orgs/DirectoryPage.tsx')),
    menu: { label: 'menu.directory', icon: <ApartmentOutlined /> },
  },
  { path: '/orgs/:id', page: lazy(() => import('./pages/orgs/OrgDetailPage.tsx')) },
  {
    path: '/district-pairs',
    page: lazy(() => import('./pages/district-pairs/DistrictPairsPage.tsx')),
    menu: { label: 'menu.districtPairs', icon: <InteractionOutlined /> },
  },
  {
    path: '/users',
    page: lazy(() => import('./pages/users/UsersPage.tsx')),
    menu: { label: 'menu.users', icon: <TeamOutlined /> },
    allow: canManageUsers,
  },
  {
    path: '/audit',
    page: lazy(() => import('./pages/audit/AuditPage.tsx')),
    menu: { label: 'menu.audit', icon: <AuditOutlined /> },
    allow: canReadAudit,
  },
  {
    path: '/imports',
    page: lazy(() => import('./pages/imports/ImportsPage.tsx')),
    menu: { label: 'menu.imports', icon: <CloudUploadOutlined /> },
    allow: canImport,
  },
  {
    path: '/rounds',
    page: lazy(() => import('./pages/rounds/RoundsPage.tsx')),
    menu: { label: 'menu.rounds', icon: <FlagOutlined /> },
    allow: canReadRounds,
  },
  {
    path: '/rounds/:id',
    page: lazy(() => import('./pages/rounds/RoundDetailPage.tsx')),
    allow: canReadRounds,
  },
  {
    path: '/rounds/:id/uncovered',
    page: lazy(() => import('./pages/board/UncoveredPage.tsx')),
    allow: canReadUncovered,
  },
  {
    path: '/allocation',
    page: lazy(() => import('./pages/allocation/AllocationPage.tsx')),
    menu: { label: 'menu.allocation', icon: <DeploymentUnitOutlined /> },
    allow: (role) => ['city_admin', 'district_admin', 'inspector'].includes(role),
  },
  {
    path: '/needs',
    page: lazy(() => import('./pages/rounds/ListPage.tsx').then((m) => ({ default: m.NeedsPage }))),
    menu: { label: 'menu.needs', icon: <SolutionOutlined /> },
    allow: canEditNeeds,
  },
  {
    path: '/resources',
    page: lazy(() =>
      import('./pages/rounds/ListPage.tsx').then((m) => ({ default: m.ResourcesPage })),
    ),
    menu: { label: 'menu.resources', icon: <GiftOutlined /> },
    allow: canEditResources,
  },
  {
    path: '/intentions/select',
    page: lazy(() => import('./pages/intentions/SelectPage.tsx')),
    menu: { label: 'menu.select', icon: <SelectOutlined /> },
    allow: canSubmitIntentions,
  },
  {
    path: '/intentions/inbox',
    page: lazy(() => import('./pages/intentions/InboxPage.tsx')),
    menu: { label: 'menu.inbox', icon: <CheckSquareOutlined /> },
    allow: canDecideIntentions,
  },
  {
    path: '/agreements',
    page: lazy(() => import('./pages/agreements/AgreementsPage.tsx')),
    menu: { label: 'menu.agreements', icon: <FileDoneOutlined /> },
    allow: canReadAgreements,
  },
  {
    path: '/agreements/:id',
    page: lazy(() => import('./pages/agreements/AgreementPage.tsx')),
    allow: canReadAgreements,
  },
  {
    path: '/notifications',
    page: lazy(() => import('./pages/notifications/NotificationsPage.tsx')),
    menu: { label: 'menu.notifications', icon: <BellOutlined /> },
  },
];

export const allowed = (route: AppRoute, role: Role) => !route.allow || route.allow(role);

/** The menu entry a path belongs to: the longest menu path that prefixes it. */
export function menuKeyFor(pathname: string): string {
  let best = '/';
  for (const route of routes) {
    if (!route.menu || route.path === '/') continue;
    if (
      (pathname === route.path || pathname.startsWith(`${route.path}/`)) &&
      route.path.length > best.length
    ) {
      best = route.path;
    }
  }
  return best;
}
