import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import { useAuth } from './AuthProvider.tsx';

/** Sends anonymous visitors to the login page, and users with a pending password change to it. */
export function RequireAuth({
  children,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const { user, loading, expired } = useAuth();
  const location = useLocation();
  if (loading) return <Spin size="large" className="app-page-spin" />;
  if (!user) {
    const from = location.pathname + location.search;
    const reason = expired ? 'expired=1&' : '';
    return <Navigate to={`/login?${reason}from=${encodeURIComponent(from)}`} replace />;
  }
  if (user.mustChangePassword && !allowPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}
