import type { TabLinkSettings } from '../../src/domain/tab-links';

/** A service with a Teams app: cards in tests link into the tab with deep links, as in production. */
export const LINKS: TabLinkSettings = { publicUrl: 'https://justera.example.se', teamsAppId: 'fe4a8eba-2a31-4737-8e33-e5fae6fee194' };
