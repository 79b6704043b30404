/** What the benchmarks share: reading their options and rounding what they print. */

/** `--name N` from the command line: a positive whole number, or `fallback`. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

/** Two decimals, as the figures are printed. */
export const round = (n: number): number => Math.round(n * 100) / 100;
