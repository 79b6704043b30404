import { currentContent, protocolTitle, type MinutesVersion } from '../domain/minutes';
import { documentTerms, searchDocumentOf, type SearchDocument } from '../domain/search/document';
import { matchDocument, type AcceptedTerms } from '../domain/search/match';
import type { SearchAnswer, SearchResult } from '../domain/search/result';
import { isEmptyQuery, parseQuery, queryTerms, type SearchField, type SearchQuery } from '../domain/search/query';
import { normaliseWord, ocrVariants, termOf } from '../domain/search/text';
import { Access, searchableNetworks, type Caller } from './policy';
import type { Logger, SearchPosting, Store } from './ports';

/** What the tab asks: the query, and filters on network, year, organisation, person and open action items. */
export interface SearchRequest {
  q: string;
  network?: string;
  year?: number;
  organisation?: string;
  person?: string;
  openActions?: boolean;
  field?: SearchField;
}

const MAX_RESULTS = 20;
/**
 * The index's version: a network whose marker is older is indexed again in the background
 * (`backfill`). Raise it when what a document holds changes. 2: imported protocols are indexed.
 */
export const SEARCH_INDEX_VERSION = 2;
/** How long one instance holds a network's backfill before another may take it over. */
const BACKFILL_LEASE_MS = 10 * 60_000;
const HITS_PER_RESULT = 3;

/**
 * Full-text search over approved protocols: the one home for indexing (a version is indexed when
 * it is justerad or imported, replacing the meeting's earlier one) and for searching across the
 * networks a person may search (the access policy's `searchableNetworks`).
 */
export class SearchService {
  private readonly access: Access;

  constructor(private readonly deps: { store: Store; log: Logger }) {
    this.access = new Access(deps.store);
  }

  /**
   * Puts a justerat or imported version in the index, unless it holds a later version of the
   * meeting already (an edit approved again replaces the earlier one; never the other way round).
   * Never rejects: a failure is logged (`reindex` repairs it).
   */
  async index(version: MinutesVersion): Promise<void> {
    if (version.state !== 'approved' && version.state !== 'imported') return;
    try {
      const held = await this.deps.store.getSearchDocument(version.tenantId, version.meetingId);
      if (held && held.version > version.number) return;
      const doc = searchDocumentOf(version, protocolTitle(currentContent(version.content)));
      await this.deps.store.putSearchDocument(doc, documentTerms(doc));
    } catch (err) {
      this.deps.log.error({ err, meetingId: version.meetingId, version: version.number }, 'search indexing failed');
    }
  }

  /**
   * Indexes a network's protocols again (the latest justerat or imported version of each meeting),
   * by keyed reads: the network's meetings by date, and each one's versions.
   */
  async reindex(tenantId: string, networkId: string): Promise<number> {
    const { store } = this.deps;
    let count = 0;
    for (const meeting of await store.listMeetings(tenantId, networkId, '0000-01-01')) {
      const versions = await store.listMinutesVersions(tenantId, meeting.id);
      const latest = versions.filter((v) => v.state === 'approved' || v.state === 'imported').at(-1);
      if (!latest) continue;
      await this.index(latest);
      count++;
    }
    return count;
  }

  /**
   * Puts every protocol justerat or imported before the index (or its current version) existed in
   * it: once per network, marked with the index version when done. Several instances may run it
   * at once: a network's lease lets one of them do each network. Never rejects.
   */
  async backfill(owner: string, now: () => Date): Promise<number> {
    const { store, log } = this.deps;
    let indexed = 0;
    try {
      for (const network of await store.listNetworks()) {
        const { tenantId, id: networkId } = network;
        const marker = await store.getSearchMarker(tenantId, networkId);
        if (marker && marker.indexVersion >= SEARCH_INDEX_VERSION) continue;
        const lease = `search-backfill/${networkId}`;
        const at = now().getTime();
        if (!(await store.tryLease(tenantId, lease, owner, at + BACKFILL_LEASE_MS, at)).ok) continue;
        try {
          // Another instance may have finished it between the first look and the lease.
          const again = await store.getSearchMarker(tenantId, networkId);
          if (again && again.indexVersion >= SEARCH_INDEX_VERSION) continue;
          const protocols = await this.reindex(tenantId, networkId);
          await store.setSearchMarker({ tenantId, networkId, indexVersion: SEARCH_INDEX_VERSION, protocols, at: now().toISOString() });
          indexed += protocols;
        } finally {
          await store.releaseLease(tenantId, lease, owner);
        }
      }
      if (indexed > 0) log.info({ protocols: indexed }, 'search index backfilled');
    } catch (err) {
      log.error({ err }, 'search backfill failed');
    }
    return indexed;
  }

  async search(caller: Caller, req: SearchRequest): Promise<SearchAnswer> {
    const { store } = this.deps;
    const query = parseQuery(req.q);
    const empty: SearchAnswer = { results: [], more: 0, variants: {} };
    if (isEmptyQuery(query)) return empty;
    const networks = new Map((await store.listNetworks(caller.tenantId)).map((n) => [n.id, n]));
    // Searched from the tab: the person acts in each network as its member (or not at all).
    const { actingIn: _from, ...inTab } = caller;
    const actors = await Promise.all([...networks.keys()].map((id) => this.access.actor(inTab, id)));
    let scope = searchableNetworks(actors);
    if (req.network !== undefined) scope = scope.filter((id) => id === req.network);
    if (scope.length === 0) return empty;

    const { accepted, postings, variants } = await this.lookUp(caller.tenantId, query, scope);
    // Protocols holding every term (or an accepted variant of it), in the year asked for.
    let candidates: Map<string, SearchPosting> | undefined;
    for (const list of postings) {
      const here = new Map(list.filter((p) => req.year === undefined || p.year === req.year).map((p) => [p.meetingId, p]));
      candidates = candidates ? new Map([...candidates].filter(([id]) => here.has(id))) : here;
    }
    // Newest years first; a page is full at MAX_RESULTS, and the rest are counted, not read.
    const found = [...(candidates?.values() ?? [])].sort((a, b) => b.year - a.year || (a.meetingId < b.meetingId ? -1 : 1));
    const results: SearchResult[] = [];
    const openByNetwork = new Map<string, Promise<Set<string>>>();
    let examined = 0;
    while (results.length < MAX_RESULTS && examined < found.length) {
      // The candidates a page may still need, read at once (each a keyed read).
      const batch = found.slice(examined, examined + MAX_RESULTS - results.length);
      examined += batch.length;
      const docs = await Promise.all(batch.map((p) => store.getSearchDocument(caller.tenantId, p.meetingId)));
      for (const doc of docs) {
        if (results.length >= MAX_RESULTS) break;
        if (!doc || !this.passesPeopleFilters(doc, req)) continue;
        const hits = matchDocument(doc, query, accepted, req.field ?? 'all');
        if (!hits) continue;
        const open = await this.openActions(doc, openByNetwork);
        if (req.openActions && open === 0) continue;
        results.push({
          networkId: doc.networkId,
          networkName: networks.get(doc.networkId)?.name ?? '',
          meetingId: doc.meetingId,
          version: doc.version,
          date: doc.date,
          title: doc.title,
          hits: hits.slice(0, HITS_PER_RESULT),
          openActions: open,
          imported: doc.imported === true,
        });
      }
    }
    results.sort((a, b) => b.date.localeCompare(a.date));
    return { results, more: found.length - examined, variants };
  }

  /**
   * Each query term's postings. A term found nowhere is looked up as its OCR variants (a scan's
   * "rnöte" for "möte"), and the variants found count as it.
   */
  private async lookUp(
    tenantId: string,
    query: SearchQuery,
    scope: readonly string[],
  ): Promise<{ accepted: AcceptedTerms; postings: SearchPosting[][]; variants: Record<string, string[]> }> {
    const accepted = new Map<string, Set<string>>();
    const variants: Record<string, string[]> = {};
    const words = new Map([...query.words, ...query.phrases.flat()].map((w) => [w.term, w.word]));
    const postings: SearchPosting[][] = [];
    for (const term of queryTerms(query)) {
      const direct = await this.deps.store.searchPostings(tenantId, term, scope);
      if (direct.length > 0) {
        postings.push(direct);
        continue;
      }
      const word = words.get(term) ?? term;
      const merged = new Map<string, SearchPosting>();
      const used = new Set<string>();
      for (const variant of new Set(ocrVariants(normaliseWord(word)).map(termOf))) {
        const list = await this.deps.store.searchPostings(tenantId, variant, scope);
        if (list.length === 0) continue;
        used.add(variant);
        for (const p of list) merged.set(p.meetingId, p);
      }
      accepted.set(term, used);
      if (used.size > 0) variants[word] = [...used];
      postings.push([...merged.values()]);
    }
    return { accepted, postings, variants };
  }

  private passesPeopleFilters(doc: SearchDocument, req: SearchRequest): boolean {
    const has = (values: readonly string[], wanted: string): boolean => values.some((v) => normaliseWord(v).includes(normaliseWord(wanted.trim())));
    if (req.organisation && !has(doc.organisations, req.organisation)) return false;
    if (req.person && !doc.people.some((p) => p.id === req.person || has([p.name], req.person ?? ''))) return false;
    return true;
  }

  /**
   * How many of the protocol's action items are not marked done. A justerat protocol's from the
   * network's open action records (not every mark ever made); an imported one has no records, so
   * its items less the network's done marks.
   */
  private async openActions(doc: SearchDocument, cache: Map<string, Promise<Set<string>>>): Promise<number> {
    const ids = doc.passages.flatMap((p) => (p.field === 'action' && p.actionId ? [p.actionId] : []));
    if (ids.length === 0) return 0;
    const { store } = this.deps;
    const cached = (k: string, read: () => Promise<Set<string>>): Promise<Set<string>> => {
      let found = cache.get(k);
      if (!found) cache.set(k, (found = read()));
      return found;
    };
    if (doc.imported) {
      const done = await cached(`done ${doc.networkId}`, async () => new Set(Object.keys(await store.listActionsDone(doc.tenantId, doc.networkId))));
      return ids.filter((id) => !done.has(id)).length;
    }
    const open = await cached(`open ${doc.networkId}`, async () => new Set((await store.listActions(doc.tenantId, doc.networkId, {})).filter((a) => !a.done).map((a) => a.action.id)));
    return ids.filter((id) => open.has(id)).length;
  }
}
