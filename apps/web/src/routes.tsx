import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '@pairing/shared';
import { canImport, canManageUsers, canReadAudit } from './auth/permissions.ts';
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
