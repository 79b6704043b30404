import { readFileSync } from 'node:fs';

/** The TrueType fonts embedded in protocol PDFs, read once. */
export interface ProtocolFonts {
  regular: Buffer;
  bold: Buffer;
  monospace: Buffer;
}

/**
 * DejaVu Sans, Sans Bold and Sans Mono from the dejavu-fonts-ttf package (Bitstream Vera
 * licence with DejaVu's public-domain changes: free to embed and redistribute). They cover
 * Swedish and the typographic quotes and dashes the minutes use.
 */
export function loadDejaVuFonts(): ProtocolFonts {
  const file = (name: string): Buffer => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  return { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf'), monospace: file('DejaVuSansMono.ttf') };
}
