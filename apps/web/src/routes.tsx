import type { ReactNode } from 'react';
import { matchPath } from 'react-router';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DeploymentUnitOutlined,
  FileDoneOutlined,
  FlagOutlined,
  GiftOutlined,
  HeartOutlined,
  ContactsOutlined,
  HomeOutlined,
  IdcardOutlined,
  InteractionOutlined,
  KeyOutlined,
  LaptopOutlined,
  SafetyOutlined,
  FileSearchOutlined,
  UsergroupAddOutlined,
  SelectOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Me } from '@pairing/shared';
import type { MessageKey } from './i18n/index.tsx';
import { lazyPage, type LazyPage } from './lib/lazyPage.ts';

export type AppRoute = {
  path: string;
  page: LazyPage;
  /** Present when the route has its own menu entry. */
  menu?: { label: MessageKey; icon: ReactNode };
  /**
   * The GETs the page makes as it opens (its path parameters given), fetched beside the sign-in's
   * answer; the page's own calls then take them (api/client.ts `prefetchGet`).
   */
  data?: (params: Record<string, string | undefined>) => string[];
  /** Who may open it, from what the server says the user may do; everyone when absent. */
  allow?: (can: Abilities) => boolean;
};

type Abilities = Me['abilities'];

/**
 * The pages that edit the list of the user's own org (a village's or town's needs, a unit's
 * resources): not for the city and district admins, who may edit lists too but oversee the
 * quotas of many orgs and have no list of their own.
 */
const ownList = (can: Abilities, edit: 'rounds.editNeeds' | 'rounds.editResources') =>
  can[edit] && !can['rounds.readQuotas'];

/** Every page inside the signed-in layout. A later module adds its pages here, one entry each. */
export const routes: AppRoute[] = [
  {
    path: '/',
    page: lazyPage(() => import('./pages/home/HomePage.tsx')),
    data: () => ['/api/todo'],
    menu: { label: 'menu.home', icon: <HomeOutlined /> },
  },
  {
    path: '/orgs',
    page: lazyPage(() => import('./pages/orgs/DirectoryPage.tsx')),
    menu: { label: 'menu.directory', icon: <ApartmentOutlined /> },
    allow: (can) => can['directory.read'],
  },
  { path: '/orgs/:id', page: lazyPage(() => import('./pages/orgs/OrgDetailPage.tsx')) },
  {
    path: '/district-pairs',
    page: lazyPage(() => import('./pages/district-pairs/DistrictPairsPage.tsx')),
    menu: { label: 'menu.districtPairs', icon: <InteractionOutlined /> },
    allow: (can) => can['directory.read'],
  },
  {
    path: '/users',
    page: lazyPage(() => import('./pages/users/UsersPage.tsx')),
    menu: { label: 'menu.users', icon: <TeamOutlined /> },
    allow: (can) => can['users.list'],
  },
  {
    path: '/audit',
    page: lazyPage(() => import('./pages/audit/AuditPage.tsx')),
    menu: { label: 'menu.audit', icon: <AuditOutlined /> },
    allow: (can) => can['audit.browse'],
  },
  {
    path: '/imports',
    page: lazyPage(() => import('./pages/imports/ImportsPage.tsx')),
    menu: { label: 'menu.imports', icon: <CloudUploadOutlined /> },
    allow: (can) => can['directory.importUnits'] || can['directory.importWeakVillages'],
  },
  {
    path: '/rounds',
    page: lazyPage(() => import('./pages/rounds/RoundsPage.tsx')),
    menu: { label: 'menu.rounds', icon: <FlagOutlined /> },
    allow: (can) => can['rounds.read'],
  },
  {
    path: '/rounds/:id',
    page: lazyPage(() => import('./pages/rounds/RoundDetailPage.tsx')),
    allow: (can) => can['rounds.read'],
  },
  {
    path: '/rounds/:id/uncovered',
    page: lazyPage(() => import('./pages/board/UncoveredPage.tsx')),
    allow: (can) => can['rounds.readUncovered'],
  },
  {
    path: '/allocation',
    page: lazyPage(() => import('./pages/allocation/AllocationPage.tsx')),
    menu: { label: 'menu.allocation', icon: <DeploymentUnitOutlined /> },
    allow: (can) => can['allocation.read'],
  },
  {
    path: '/needs',
    page: lazyPage(() =>
      import('./pages/rounds/ListPage.tsx').then((m) => ({ default: m.NeedsPage })),
    ),
    menu: { label: 'menu.needs', icon: <SolutionOutlined /> },
    allow: (can) => ownList(can, 'rounds.editNeeds'),
  },
  {
    path: '/resources',
    page: lazyPage(() =>
      import('./pages/rounds/ListPage.tsx').then((m) => ({ default: m.ResourcesPage })),
    ),
    menu: { label: 'menu.resources', icon: <GiftOutlined /> },
    allow: (can) => ownList(can, 'rounds.editResources'),
  },
  {
    path: '/intentions/select',
    page: lazyPage(() => import('./pages/intentions/SelectPage.tsx')),
    menu: { label: 'menu.select', icon: <SelectOutlined /> },
    allow: (can) => can['intentions.submit'],
  },
  {
    path: '/intentions/inbox',
    page: lazyPage(() => import('./pages/intentions/InboxPage.tsx')),
    menu: { label: 'menu.inbox', icon: <CheckSquareOutlined /> },
    allow: (can) => can['intentions.decide'],
  },
  {
    path: '/agreements',
    page: lazyPage(() => import('./pages/agreements/AgreementsPage.tsx')),
    menu: { label: 'menu.agreements', icon: <FileDoneOutlined /> },
    allow: (can) => can['agreements.read'],
  },
  {
    path: '/agreements/:id',
    data: ({ id }) => [`/api/agreements/${id}`],
    page: lazyPage(() => import('./pages/agreements/AgreementPage.tsx')),
    allow: (can) => can['agreements.read'],
  },
  {
    path: '/pairings',
    page: lazyPage(() => import('./pages/ledger/PairingsPage.tsx')),
    menu: { label: 'menu.pairings', icon: <BookOutlined /> },
    allow: (can) => can['ledger.read'],
  },
  {
    path: '/pairings/:id',
    page: lazyPage(() => import('./pages/ledger/PairingPage.tsx')),
    allow: (can) => can['ledger.read'],
  },
  {
    path: '/pairings/:id/records/new',
    page: lazyPage(() => import('./pages/ledger/RecordFormPage.tsx')),
    allow: (can) => can['ledger.record'],
  },
  {
    path: '/records/awaiting',
    page: lazyPage(() => import('./pages/ledger/AwaitingPage.tsx')),
    menu: { label: 'menu.awaiting', icon: <CarryOutOutlined /> },
    allow: (can) => can['ledger.confirm'] || can['ledger.settle'],
  },
  {
    path: '/records/:id',
    page: lazyPage(() => import('./pages/ledger/RecordPage.tsx')),
    allow: (can) => can['ledger.read'],
  },
  {
    path: '/compliance',
    page: lazyPage(() => import('./pages/ledger/RollupPage.tsx')),
    menu: { label: 'menu.rollup', icon: <BarChartOutlined /> },
    allow: (can) => can['ledger.rollup'],
  },
  {
    path: '/records/:id/checkin',
    page: lazyPage(() => import('./pages/ledger/checkin/CheckinPanelPage.tsx')),
    allow: (can) => can['ledger.read'],
  },
  {
    path: '/secretaries',
    page: lazyPage(() => import('./pages/secretaries/SecretariesPage.tsx')),
    menu: { label: 'menu.secretaries', icon: <IdcardOutlined /> },
    allow: (can) => can['secretaries.read'],
  },
  {
    path: '/secretaries/parameters',
    page: lazyPage(() => import('./pages/secretaries/ParametersPage.tsx')),
    allow: (can) => can['secretaries.read'],
  },
  {
    path: '/secretaries/:id',
    page: lazyPage(() => import('./pages/secretaries/SecretaryPage.tsx')),
    allow: (can) => can['secretaries.read'],
  },
  {
    path: '/secretaries/:id/assess',
    page: lazyPage(() => import('./pages/secretaries/AssessPage.tsx')),
    allow: (can) => can['secretaries.assess'],
  },
  {
    path: '/mobile',
    page: lazyPage(() => import('./pages/mobile/MobilePage.tsx')),
    menu: { label: 'menu.mobile', icon: <UserSwitchOutlined /> },
    allow: (can) => can['mobile.read'],
  },
  {
    path: '/mobile/:id',
    page: lazyPage(() => import('./pages/mobile/MobileMemberPage.tsx')),
    allow: (can) => can['mobile.read'],
  },
  {
    path: '/help-pairs',
    page: lazyPage(() => import('./pages/help-pairs/HelpPairsPage.tsx')),
    menu: { label: 'menu.helpPairs', icon: <UsergroupAddOutlined /> },
    allow: (can) => can['helpPairs.read'],
  },
  {
    path: '/help-pairs/:id',
    page: lazyPage(() => import('./pages/help-pairs/HelpPairPage.tsx')),
    allow: (can) => can['helpPairs.read'],
  },
  {
    path: '/people',
    page: lazyPage(() => import('./pages/people/PeoplePage.tsx')),
    menu: { label: 'menu.people', icon: <ContactsOutlined /> },
    allow: (can) => can['people.read'],
  },
  {
    path: '/people/:id',
    page: lazyPage(() => import('./pages/people/PersonPage.tsx')),
    allow: (can) => can['people.read'],
  },
  {
    path: '/account/security',
    page: lazyPage(() => import('./pages/account/SecurityPage.tsx')),
  },
  {
    path: '/notifications',
    page: lazyPage(() => import('./pages/notifications/NotificationsPage.tsx')),
    menu: { label: 'menu.notifications', icon: <BellOutlined /> },
  },
  {
    path: '/outbox',
    page: lazyPage(() => import('./pages/outbox/OutboxPage.tsx')),
    allow: (can) => can['ledger.record'],
  },
  {
    path: '/care',
    page: lazyPage(() => import('./pages/care/CarePage.tsx')),
    menu: { label: 'menu.care', icon: <HeartOutlined /> },
    allow: (can) => can['care.read'],
  },
  {
    path: '/care/new',
    page: lazyPage(() => import('./pages/care/OpenCasePage.tsx')),
    allow: (can) => can['care.record'],
  },
  {
    path: '/care/:id',
    page: lazyPage(() => import('./pages/care/CasePage.tsx')),
    allow: (can) => can['care.read'],
  },
  {
    path: '/security/roles',
    page: lazyPage(() => import('./pages/security/UserRolesPage.tsx')),
    menu: { label: 'menu.userRoles', icon: <KeyOutlined /> },
    allow: (can) => can['users.assignRole'],
  },
  {
    path: '/security/policy',
    page: lazyPage(() => import('./pages/security/SecurityPolicyPage.tsx')),
    menu: { label: 'menu.securityPolicy', icon: <SafetyOutlined /> },
    allow: (can) => can['security.editPolicy'],
  },
  {
    path: '/security/sessions',
    page: lazyPage(() => import('./pages/security/SessionsAdminPage.tsx')),
    menu: { label: 'menu.sessionsAdmin', icon: <LaptopOutlined /> },
    allow: (can) => can['security.endSessions'],
  },
  {
    path: '/security/trail',
    page: lazyPage(() => import('./pages/security/SecurityTrailPage.tsx')),
    menu: { label: 'menu.securityTrail', icon: <FileSearchOutlined /> },
    allow: (can) => can['security.readTrail'],
  },
];

/** Whether the signed-in user may open `route`. */
export const allowed = (route: AppRoute, me: Me) => !route.allow || route.allow(me.abilities);

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

const routeAt = (pathname: string) => {
  for (const route of routes) {
    const match = matchPath(route.path, pathname);
    if (match) return { route, params: match.params };
  }
  return undefined;
};

/** Start fetching the code of the page at `pathname`, if it is one of these. */
export const preloadPage = (pathname: string) => routeAt(pathname)?.route.page.preload();

/** The GETs the page at `pathname` makes as it opens; undefined when it is no page of the app. */
export function pageData(pathname: string): string[] | undefined {
  const at = routeAt(pathname);
  return at && (at.route.data?.(at.params) ?? []);
}
