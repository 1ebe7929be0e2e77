import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

// Cross-site request forgery (issue 16 item 2). Besides the SameSite=Strict cookie, a write must
// come from the platform's own pages: a browser names another site in `Sec-Fetch-Site` and
// `Origin`, and only our own script can send a JSON body or a custom header (either needs a CORS
// preflight this server never grants), so a form or a `no-cors` fetch from another site is refused
// even where a browser would send the cookie.

/** The header the web app sends with every request; its value is not checked, only its presence. */
export const clientHeader = 'x-requested-with';

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const crossSite = () =>
  new AppError(403, 'cross_site_request', '请求来自其他网站，已拒绝。请在本平台页面中操作');

/** onRequest for every API write. */
export async function refuseCrossSiteWrites(request: FastifyRequest) {
  if (!writes.has(request.method) || !request.url.startsWith('/api/')) return;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossSite();
  const origin = request.headers.origin;
  // Host names only: behind a proxy that ends TLS the scheme and port seen here differ from the
  // browser's, while a page of another site always has another host name.
  if (origin !== undefined && hostnameOf(origin) !== hostnameOf(`http://${request.host}`)) {
    throw crossSite();
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && request.headers[clientHeader] === undefined) {
    throw new AppError(
      415,
      'client_header_required',
      '请以 JSON 提交，或由本平台页面发出请求（缺少 X-Requested-With）',
    );
  }
}

function hostnameOf(url: string) {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
