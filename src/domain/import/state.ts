import type { MinutesKind } from '../minutes-model';
import type { Marks } from './marks';
import type { KnownMember, Organisations } from './people';
import type { InterchangeSource } from './protokoll';

/** What every step of the reader is given: the context it reads in and the marks it adds to. */

export interface ReaderContext {
  /** The network the protocol belongs to (when the secretary imports into one). */
  networkName?: string;
  kind?: MinutesKind;
  /** The network's members: names are matched to them, and their organisation used. */
  members?: readonly KnownMember[];
  /** The cooperation's member organisations (the MEMBER_ORGANISATIONS setting). */
  organisations?: readonly string[];
  /** The file's name: a date or year in it is used when the text has none. */
  fileName?: string;
  source?: InterchangeSource;
}

export interface ReadState {
  context: ReaderContext;
  members: readonly KnownMember[];
  orgs: Organisations;
  marks: Marks;
}
