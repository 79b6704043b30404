/**
 * Draws the two Teams app icons deterministically (no randomness, no fonts, no external
 * files) and writes them to appPackage/:
 *   color.png    192×192, a white minutes document with a green check badge on a blue
 *                rounded square
 *   outline.png  32×32, the same mark as a white outline on a transparent background
 *
 *   npx tsc -p tsconfig.scripts.json && node dist-bench/scripts/make-icons.js
 *
 * Shapes are tested per sample point and every pixel is averaged over a 4×4 grid of
 * samples, which gives smooth edges while keeping the output byte-for-byte reproducible.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
/** Whether a point (in pixel coordinates, y down) lies inside a shape. */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  shape: Shape;
  color: Rgb;
}

export const ACCENT: Rgb = [0x1e, 0x5a, 0x8e];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const FOLD: Rgb = [0xc7, 0xd6, 0xe5];
const TEXT_LINE: Rgb = [0x9f, 0xb4, 0xc9];
const GREEN: Rgb = [0x2e, 0x9e, 0x5b];

const SUBSAMPLES = 4;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Even-odd fill of a closed polygon. */
function polygon(points: readonly Point[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] as Point;
      const [xj, yj] = points[j] as Point;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A stroke of the given width along an open polyline, with round joins and caps. */
function stroke(points: readonly Point[], width: number): Shape {
  const half = width / 2;
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      if (distanceToSegment(x, y, points[i - 1] as Point, points[i] as Point) <= half) return true;
    }
    return false;
  };
}

/** Renders layers (last one on top) into an RGBA PNG, averaging SUBSAMPLES² points a pixel. */
export function render(size: number, layers: readonly Layer[]): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = px + (sx + 0.5) / SUBSAMPLES;
          const y = py + (sy + 0.5) / SUBSAMPLES;
          for (let i = layers.length - 1; i >= 0; i--) {
            const layer = layers[i] as Layer;
            if (layer.shape(x, y)) {
              r += layer.color[0];
              g += layer.color[1];
              b += layer.color[2];
              covered++;
              break;
            }
          }
        }
      }
      const at = (py * size + px) * 4;
      // Colour is the average over the covered samples only (straight alpha), so a
      // white-only drawing stays exactly white at its soft edges.
      png.data[at] = covered ? Math.round(r / covered) : 0;
      png.data[at + 1] = covered ? Math.round(g / covered) : 0;
      png.data[at + 2] = covered ? Math.round(b / covered) : 0;
      png.data[at + 3] = Math.round((covered / samples) * 255);
    }
  }
  return png;
}

/** 192×192: blue rounded square, white document with a folded corner, green check badge. */
export function colorIcon(): PNG {
  const doc: Point[] = [[50, 30], [110, 30], [138, 58], [138, 156], [50, 156]];
  const fold: Point[] = [[110, 30], [110, 58], [138, 58]];
  const line = (y: number, x1: number): Layer => ({ shape: stroke([[66, y], [x1, y]], 7), color: TEXT_LINE });
  return render(192, [
    { shape: roundedRect(0, 0, 192, 192, 42), color: ACCENT },
    { shape: polygon(doc), color: WHITE },
    { shape: polygon(fold), color: FOLD },
    line(78, 120),
    line(96, 120),
    line(114, 96),
    { shape: circle(138, 140, 34), color: ACCENT },
    { shape: circle(138, 140, 28), color: GREEN },
    { shape: stroke([[124, 141], [134, 151], [153, 130]], 8), color: WHITE },
  ]);
}

/** 32×32: the document (with a solid folded corner) and check mark in white on transparent. */
export function outlineIcon(): PNG {
  return render(32, [
    { shape: stroke([[8, 4], [19, 4], [25, 10], [25, 28], [8, 28], [8, 4]], 2), color: WHITE },
    { shape: polygon([[18, 3.5], [18, 11], [25.5, 11]]), color: WHITE },
    { shape: stroke([[11.5, 17.5], [15, 21], [21.5, 14]], 2.5), color: WHITE },
  ]);
}

/** The repository root: the nearest folder above this file that holds package.json. */
function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

function main(): void {
  const dir = join(repoRoot(__dirname), 'appPackage');
  for (const [name, png] of [['color.png', colorIcon()], ['outline.png', outlineIcon()]] as const) {
    const path = join(dir, name);
    writeFileSync(path, PNG.sync.write(png, { colorType: 6 }));
    console.log(`wrote ${path} (${png.width}×${png.height})`);
  }
}

if (require.main === module) main();
