import type { ReactNode } from 'react';
import './responsive.css';

/**
 * A page's main buttons: in line on a wide screen; on a phone a bar held at the bottom of the
 * screen while the page scrolls, each button a full thumb's width.
 */
export function ActionBar({ children }: { children: ReactNode }) {
  return <div className="action-bar">{children}</div>;
}
