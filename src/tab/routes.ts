/** The tab's surfaces, by path under /tab/ (the server answers index.html for every one). */
export type Route = 'config' | 'my-meetings' | 'channel' | 'side-panel' | 'not-found';

export const ROUTE_PATHS: Readonly<Record<Exclude<Route, 'not-found'>, string>> = {
  config: '/tab/config',
  'my-meetings': '/tab/my-meetings',
  channel: '/tab/channel',
  'side-panel': '/tab/side-panel',
};

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/tab') return 'my-meetings';
  for (const [route, routePath] of Object.entries(ROUTE_PATHS) as [Exclude<Route, 'not-found'>, string][]) {
    if (path === routePath) return route;
  }
  return 'not-found';
}
