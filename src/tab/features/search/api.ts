import type { SearchResponse } from '../../../http/api-contract';
import { ROUTES as R, type QueryArgs } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

export type SearchFilters = QueryArgs<typeof R.search>;

export interface SearchApi {
  /** "Sök i protokoll": approved protocols of every network I may search. */
  search(filters: SearchFilters): Promise<SearchResponse>;
}

export function searchApi({ query }: ApiCore): SearchApi {
  return { search: (filters) => query(R.search, {}, filters) };
}
