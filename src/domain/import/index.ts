/**
 * The reader of old protocols and the interchange format, for the next steps (the tab's upload
 * and review screen, search, archive export). Pure: bundled by the service and, if wanted, the tab.
 *
 *   readProtocolText(text, context) → ImportDraft { document (justera-protokoll/1 with review marks), content (the protocol model), text, repairs }
 *   toInterchange(content, extra) / fromInterchange(document): the protocol model ↔ justera-protokoll/1
 *
 * At the edge (files, workers): src/importer/read-protocol.ts readProtocol({ name, bytes }, context) → ImportResult.
 * Checking a JSON document: src/contract/protokoll.ts parseProtokollDocument.
 */
export { readProtocolText, READER_VERSION, type ImportDraft, type ReaderContext } from './reader';
export {
  fromInterchange,
  linksOf,
  PROTOKOLL_FORMAT,
  INTERCHANGE_ATTENDANCE,
  toInterchange,
  type InterchangeAction,
  type InterchangeAttendee,
  type InterchangeItem,
  type InterchangeOwner,
  type InterchangeSource,
  type ProtokollDocument,
  type ReviewMark,
} from './protokoll';
export type { KnownMember } from './people';
export type { Repair } from './damage';
