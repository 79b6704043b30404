import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { pathOf, route, ROUTES, type ApiRoute } from '../../src/contract/routes';

const SRC = path.join(__dirname, '..', '..', 'src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('the route table', () => {
  const routes = Object.entries(ROUTES) as [string, ApiRoute][];

  test("each path's :parameters are exactly the keys of the route's params schema", () => {
    for (const [name, route] of routes) {
      const inPath = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      const inSchema = Object.keys((route.params as unknown as { shape: Record<string, unknown> }).shape).sort();
      expect({ name, params: inSchema }).toEqual({ name, params: inPath });
    }
  });

  test('no two routes share a method and a path, and every path is under /api/v1', () => {
    const keys = routes.map(([, r]) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [, r] of routes) expect(r.path.startsWith('/api/v1/')).toBe(true);
  });

  test('pathOf fills in each parameter URL-encoded', () => {
    expect(pathOf(ROUTES.members, { networkId: '19:im-natverket@thread.tacv2' })).toBe('/api/v1/networks/19%3Aim-natverket%40thread.tacv2/members');
    expect(pathOf(ROUTES.requestMinutesChange, { meetingId: 'm-1', version: 3 })).toBe('/api/v1/meetings/m-1/minutes/versions/3/request-change');
    expect(pathOf(ROUTES.me, {})).toBe('/api/v1/me');
    const search = route<{ hits: string[] }>()({ method: 'GET', path: '/api/v1/networks/:networkId/search', params: z.object({ networkId: z.string() }), query: z.object({ q: z.string(), page: z.optional(z.string()) }) });
    expect(pathOf(search, { networkId: 'n 1' }, { q: 'räkna & skriv' })).toBe('/api/v1/networks/n%201/search?q=r%C3%A4kna+%26+skriv');
  });

  test('the schemas parse what the tab sends and refuse what it cannot', () => {
    expect(ROUTES.minutesVersion.params.safeParse({ meetingId: 'm-1', version: '12' })).toEqual({ success: true, data: { meetingId: 'm-1', version: 12 } });
    for (const version of ['0', '01', 'abc', '1234567', '-1']) expect(ROUTES.minutesVersion.params.safeParse({ meetingId: 'm-1', version }).success).toBe(false);
    expect(ROUTES.setRole.body.safeParse({ role: 'presidium' }).success).toBe(true);
    expect(ROUTES.setRole.body.safeParse({ role: 'chef' }).success).toBe(false);
    expect(ROUTES.acceptProposal.params.safeParse({ meetingId: 'm-1', proposalId: 'p/../x' }).success).toBe(false);
  });

  test('no path of the API is written anywhere but the table', () => {
    const elsewhere = filesUnder(SRC)
      .filter((f) => !f.endsWith(path.join('contract', 'routes.ts')))
      .filter((f) => /['"`]\/api\/v1\//.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(elsewhere).toEqual([]);
  });
});
