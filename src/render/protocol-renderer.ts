import type { ProtocolRenderer } from '../app/ports';
import type { Locale, SameDateMeeting } from '../domain/meeting';
import type { MinutesVersion } from '../domain/minutes';
import { renderDocx } from './docx';
import { loadDejaVuFonts, type ProtocolFonts } from './fonts';
import { renderPdf } from './pdf';
import { PROTOCOL_TIME_ZONE, protocolLayout } from './protocol-layout';

/**
 * Renders an approved version's protocol to PDF (PDFKit, DejaVu fonts embedded, PDF/A-2b) and
 * DOCX (docx). Both come from one layout, so they hold the same text. The only I/O is reading
 * the font files, once, when the renderer is made.
 */
export class PdfKitProtocolRenderer implements ProtocolRenderer {
  private readonly fonts: ProtocolFonts;
  private readonly timeZone: string;

  constructor(options: { fonts?: ProtocolFonts; timeZone?: string } = {}) {
    this.fonts = options.fonts ?? loadDejaVuFonts();
    this.timeZone = options.timeZone ?? PROTOCOL_TIME_ZONE;
  }

  pdf(version: MinutesVersion, locale: Locale, sameDate: readonly SameDateMeeting[] = []): Promise<Uint8Array> {
    return renderPdf(protocolLayout(version, locale, this.timeZone, sameDate), this.fonts);
  }

  docx(version: MinutesVersion, locale: Locale, sameDate: readonly SameDateMeeting[] = []): Promise<Uint8Array> {
    return renderDocx(protocolLayout(version, locale, this.timeZone, sameDate));
  }
}
