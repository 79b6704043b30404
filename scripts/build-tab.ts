/**
 * Bundles the tab front end, offline, in about a second:
 *
 *   npm run build:tab      →  dist/tab/index.html, dist/tab/assets/app.js (+ .css, source maps)
 *
 * src/tab/main.tsx and everything it imports (React, Fluent UI, teams-js) become one minified
 * script. The server answers dist/tab/index.html for every /tab/* route; the tab routes by
 * path on the client. index.html asks for the assets with a content hash in the query, so
 * they can be cached for long and still change with every build.
 *
 * Exported as a function so the browser test builds exactly the code it tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

/** The URL path the server serves dist/tab under. */
export const TAB_BASE = '/tab';

export interface BuiltTab {
  outDir: string;
  files: string[];
  ms: number;
}

/** The nearest folder above this script that holds package.json (it runs from scripts/ and from dist-bench/scripts/). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function contentHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
}

function indexHtml(scriptVersion: string, styleVersion: string | null): string {
  const style = styleVersion ? `\n    <link rel="stylesheet" href="${TAB_BASE}/assets/app.css?v=${styleVersion}">` : '';
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Justera</title>${style}
    <script src="${TAB_BASE}/assets/app.js?v=${scriptVersion}" defer></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Justera behöver JavaScript. / Justera needs JavaScript.</noscript>
  </body>
</html>
`;
}

export async function buildTab(opts: { root?: string; outDir?: string } = {}): Promise<BuiltTab> {
  const started = Date.now();
  const root = opts.root ?? repoRoot();
  const outDir = opts.outDir ?? join(root, 'dist', 'tab');
  const assets = join(outDir, 'assets');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });

  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: join(root, 'src', 'tab', 'main.tsx') },
    outdir: assets,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'edge120', 'firefox120', 'safari16'],
    jsx: 'automatic',
    tsconfig: join(root, 'src', 'tab', 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });

  const outputs = Object.keys(result.metafile.outputs).map((f) => join(root, f));
  const css = outputs.find((f) => f.endsWith('app.css')) ?? null;
  const js = join(assets, 'app.js');
  writeFileSync(join(outDir, 'index.html'), indexHtml(contentHash(js), css ? contentHash(css) : null));
  const files = [...outputs, join(outDir, 'index.html')].map((f) => relative(outDir, f).split('\\').join('/')).sort();
  return { outDir, files, ms: Date.now() - started };
}

if (require.main === module) {
  buildTab().then(
    (built) => {
      console.log(`build:tab ${relative(repoRoot(), built.outDir)} (${built.files.join(', ')}) in ${built.ms} ms`);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
