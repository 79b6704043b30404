/**
 * Bundles the tab front end, offline, in a few seconds:
 *
 *   npm run build:tab      →  dist/tab/index.html, dist/tab/assets/app-<hash>.js and .css
 *                             (each also as .br and .gz), no source maps
 *
 * src/tab/main.tsx and everything it imports (React, Fluent UI, teams-js) become one minified
 * script. The server answers dist/tab/index.html for every /tab/* route; the tab routes by
 * path on the client. Every file under assets/ carries a hash of its content in its name, so
 * the server lets browsers keep it for a year (immutable) and a new build is new names; only
 * index.html, which names them, is revalidated. Each text file is compressed here, once, with
 * brotli (best quality) and gzip, so the server sends what the browser accepts without
 * compressing per request. There are no source maps: the built tab is public, its sources
 * are not.
 *
 * Exported as a function so the browser test builds exactly the code it tests.
 */
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
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

/** What is sent compressed: text. Images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.txt', '.svg', '.json']);

/**
 * Writes <file>.br and <file>.gz beside each compressible file under `dir`, where they are
 * smaller than the file. The server picks one by Accept-Encoding (src/http/tab-files.ts).
 */
function precompress(dir: string): string[] {
  const written: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      written.push(...precompress(file));
      continue;
    }
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const data = readFileSync(file);
    const variants: [string, Buffer][] = [
      ['.br', brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } })],
      ['.gz', gzipSync(data, { level: zlib.Z_BEST_COMPRESSION })],
    ];
    for (const [suffix, compressed] of variants) {
      if (compressed.length >= data.length) continue;
      writeFileSync(file + suffix, compressed);
      written.push(file + suffix);
    }
  }
  return written;
}

function indexHtml(script: string, style: string | null): string {
  const link = style ? `\n    <link rel="stylesheet" href="${TAB_BASE}/${style}">` : '';
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Justera</title>${link}
    <script src="${TAB_BASE}/${script}" defer></script>
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
    // A hash of the content in every name: cached for a year, and a new build is new names.
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'edge120', 'firefox120', 'safari16'],
    jsx: 'automatic',
    tsconfig: join(root, 'src', 'tab', 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    // The bundled libraries' licence texts go to app-<hash>.js.LEGAL.txt, named by the script.
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });

  // The script is the output of the entry point; its stylesheet is the CSS esbuild bundled beside it.
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint !== undefined);
  if (!entry) throw new Error('esbuild wrote no script for src/tab/main.tsx');
  const [script, { cssBundle }] = entry;
  const fromOut = (f: string): string => relative(outDir, join(root, f)).split('\\').join('/');
  writeFileSync(join(outDir, 'index.html'), indexHtml(fromOut(script), cssBundle ? fromOut(cssBundle) : null));
  const compressed = precompress(outDir);
  const files = [...outputs.map(([f]) => join(root, f)), join(outDir, 'index.html'), ...compressed].map((f) => relative(outDir, f).split('\\').join('/')).sort();
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
