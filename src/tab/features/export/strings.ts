import type { Lang } from '../../strings';

/** The tab's words for taking protocols out (sv/en). */
export interface ExportTabStrings {
  /** The button beside a protocol: its JSON (justera-protokoll/1). */
  protocol: string;
  protocolFor(title: string): string;
  archive: { title: string; intro: string; button: string; working: string; done(name: string): string };
  failed(detail: string): string;
}

const sv: ExportTabStrings = {
  protocol: 'Exportera',
  protocolFor: (title) => `Exportera ${title} som JSON`,
  archive: {
    title: 'Exportera arkivet',
    intro:
      'Hämta nätverkets alla justerade och importerade protokoll som en zip-fil: en mapp per år med varje protokoll som JSON (justera-protokoll/1), PDF och Word, importerade även med originalfilen, och en förteckning (index.json).',
    button: 'Exportera arkivet',
    working: 'Packar arkivet …',
    done: (name) => `Arkivet är hämtat: ${name}`,
  },
  failed: (detail) => `Exporten gick inte: ${detail}`,
};

const en: ExportTabStrings = {
  protocol: 'Export',
  protocolFor: (title) => `Export ${title} as JSON`,
  archive: {
    title: 'Export the archive',
    intro:
      "Download every approved and imported protocol of the network as one zip file: a folder per year with each protocol as JSON (justera-protokoll/1), PDF and Word, imported ones with their original file too, and a list of them (index.json).",
    button: 'Export the archive',
    working: 'Packing the archive …',
    done: (name) => `The archive was downloaded: ${name}`,
  },
  failed: (detail) => `The export failed: ${detail}`,
};

export const exportStrings: Readonly<Record<Lang, ExportTabStrings>> = { sv, en };
