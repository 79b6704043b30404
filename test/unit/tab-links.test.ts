import {
  CHANNEL_TAB_ENTITY_ID,
  channelTabPath,
  DEEP_LINK_MAX_LENGTH,
  formatSubEntityId,
  meetingTabLink,
  parseSubEntityId,
  placeFromQuery,
  teamsDeepLink,
  type LinkedMeeting,
  type TabPlace,
} from '../../src/domain/tab-links';

/**
 * Links into the tab, checked against Microsoft's "Deep link to an application" (browse within
 * your app): https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&label=…&context=…
 * with every parameter URI-encoded and context = encodeURIComponent(JSON.stringify({ subEntityId,
 * channelId })); the tab reads subEntityId back as page.subPageId.
 */

const APP_ID = 'fe4a8eba-2a31-4737-8e33-e5fae6fee194';
const CHANNEL = '19:cbe3683f25094106b826c9cada3afbe0@thread.tacv2';
const SETTINGS = { publicUrl: 'https://justera.example.se', teamsAppId: APP_ID };
/** Ids that break a link that is not encoded: path and query separators, JSON quotes, a percent sign, Swedish letters. */
const AWKWARD_IDS = ['m-1', 'a/b', 'x y', 'q?a=1&b=2#frag', 'quote"\\back', '100%', 'Götene–Hjo', 'meeting/m-1/minutes', '{"subEntityId":"x"}', '+plus+'];

const meeting = (over: Partial<LinkedMeeting> = {}): LinkedMeeting => ({ id: 'm-1', channelId: CHANNEL, networkName: 'IM-nätverket', date: '2030-02-04', ...over });

describe('the sub-entity id (the place in the tab as Teams hands it back in page.subPageId)', () => {
  test('is meeting/<id> for the agenda and meeting/<id>/minutes for the minutes', () => {
    expect(formatSubEntityId({ meetingId: 'm-1', view: 'agenda' })).toBe('meeting/m-1');
    expect(formatSubEntityId({ meetingId: 'm-1', view: 'minutes' })).toBe('meeting/m-1/minutes');
    expect(formatSubEntityId({ meetingId: 'a/b', view: 'minutes' })).toBe('meeting/a%2Fb/minutes');
  });

  test('reads back what it wrote, for ids with any character', () => {
    for (const meetingId of AWKWARD_IDS) {
      for (const view of ['agenda', 'minutes'] as const) {
        const place: TabPlace = { meetingId, view };
        expect(parseSubEntityId(formatSubEntityId(place))).toEqual(place);
      }
    }
  });

  test('accepts an explicit agenda view', () => {
    expect(parseSubEntityId('meeting/m-1/agenda')).toEqual({ meetingId: 'm-1', view: 'agenda' });
  });

  test.each([
    ['nothing', undefined],
    ['an empty id', ''],
    ['another kind of item', 'task/456'],
    ['a meeting without id', 'meeting/'],
    ['a bare word', 'meeting'],
    ['an unknown view', 'meeting/m-1/protocol'],
    ['more parts', 'meeting/m-1/minutes/extra'],
    ['a broken escape', 'meeting/%E0%A4%A/minutes'],
  ])('names no place for %s', (_what, id) => {
    expect(parseSubEntityId(id)).toBeNull();
  });
});

describe('a Teams deep link', () => {
  test("is the documented configurable-tab example, encoded as Microsoft's example code encodes it", () => {
    const link = teamsDeepLink({ appId: APP_ID, entityId: 'tasklist123', webUrl: 'https://tasklist.example.com/123/456', label: 'Task 456', subEntityId: 'task456', channelId: CHANNEL });
    const documented =
      `https://teams.microsoft.com/l/entity/${APP_ID}/tasklist123` +
      `?webUrl=${encodeURIComponent('https://tasklist.example.com/123/456')}` +
      `&label=${encodeURIComponent('Task 456')}` +
      `&context=${encodeURIComponent(JSON.stringify({ subEntityId: 'task456', channelId: CHANNEL }))}`;
    expect(link).toBe(documented);
  });

  test('a personal tab has no channel in its context', () => {
    const link = new URL(teamsDeepLink({ appId: APP_ID, entityId: 'my-meetings', webUrl: 'https://x.example/tab/my-meetings', label: 'Mina möten', subEntityId: 'meeting/m-1' }));
    expect(JSON.parse(link.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'meeting/m-1' });
  });
});

describe("a card's link to a meeting in the tab", () => {
  test('is a deep link into the channel tab of the meeting\'s channel, naming the meeting and view', () => {
    const link = meetingTabLink(SETTINGS, meeting(), 'minutes');
    const url = new URL(link);
    expect(url.origin).toBe('https://teams.microsoft.com');
    expect(url.pathname).toBe(`/l/entity/${APP_ID}/${CHANNEL_TAB_ENTITY_ID}`);
    expect([...url.searchParams.keys()]).toEqual(['webUrl', 'label', 'context']);
    expect(url.searchParams.get('webUrl')).toBe('https://justera.example.se/tab/channel?meeting=m-1&view=minutes');
    expect(url.searchParams.get('label')).toBe('IM-nätverket 2030-02-04');
    const context: unknown = JSON.parse(url.searchParams.get('context') ?? '');
    expect(context).toEqual({ subEntityId: 'meeting/m-1/minutes', channelId: CHANNEL });
  });

  test('every parameter is URI-encoded, and the context decodes back to the ids it was given', () => {
    for (const id of AWKWARD_IDS) {
      const link = meetingTabLink(SETTINGS, meeting({ id, networkName: 'Nätverk "Skaraborg" & co' }), 'agenda');
      const query = link.slice(link.indexOf('?') + 1);
      // Only encodeURIComponent's unreserved characters, its escapes, and the separators between parameters.
      expect(query).toMatch(/^[A-Za-z0-9\-_.!~*'()%]+(=[A-Za-z0-9\-_.!~*'()%]*)?(&[A-Za-z0-9\-_.!~*'()%]+=[A-Za-z0-9\-_.!~*'()%]*)*$/);
      const raw = new Map(query.split('&').map((pair) => pair.split('=') as [string, string]));
      expect(decodeURIComponent(raw.get('context') ?? '')).toBe(JSON.stringify({ subEntityId: formatSubEntityId({ meetingId: id, view: 'agenda' }), channelId: CHANNEL }));
      const context = JSON.parse(decodeURIComponent(raw.get('context') ?? '')) as { subEntityId: string; channelId: string };
      expect(parseSubEntityId(context.subEntityId)).toEqual({ meetingId: id, view: 'agenda' });
      expect(context.channelId).toBe(CHANNEL);
      // The fallback opens the same place outside Teams.
      expect(placeFromQuery(new URL(decodeURIComponent(raw.get('webUrl') ?? '')).searchParams)).toEqual({ meetingId: id, view: 'agenda' });
      expect(decodeURIComponent(raw.get('label') ?? '')).toBe('Nätverk "Skaraborg" & co 2030-02-04');
    }
  });

  test('stays within the length Teams follows on Windows, with a long network name and a long id', () => {
    const link = meetingTabLink(SETTINGS, meeting({ id: 'a'.repeat(100), networkName: 'Nätverket för gymnasiechefer i Skaraborgs femton kommuner '.repeat(8) }), 'minutes');
    expect(link.length).toBeLessThanOrEqual(DEEP_LINK_MAX_LENGTH);
    expect(new URL(link).searchParams.get('label')?.length).toBeLessThanOrEqual(80);
  });

  test('beyond that length (an id of many escaped characters) drops the label, then the fallback, never the place', () => {
    for (const n of [60, 80, 90, 100, 140]) {
      const id = 'ö'.repeat(n);
      const link = meetingTabLink(SETTINGS, meeting({ id }), 'minutes');
      const url = new URL(link);
      const context = JSON.parse(url.searchParams.get('context') ?? '') as { subEntityId: string; channelId: string };
      expect(parseSubEntityId(context.subEntityId)).toEqual({ meetingId: id, view: 'minutes' });
      expect(context.channelId).toBe(CHANNEL);
      expect(link.length).toBeLessThanOrEqual(DEEP_LINK_MAX_LENGTH);
      // The label goes before the fallback.
      expect([['webUrl', 'label', 'context'], ['webUrl', 'context'], ['context']]).toContainEqual([...url.searchParams.keys()]);
      if (n === 60) expect([...url.searchParams.keys()]).toEqual(['webUrl', 'label', 'context']);
      if (n === 140) expect([...url.searchParams.keys()]).toEqual(['context']);
    }
  });

  test("without a Teams app id (local mode with the Playground) is the tab's web URL, which names the same place", () => {
    const link = meetingTabLink({ publicUrl: 'http://127.0.0.1:3978', teamsAppId: '' }, meeting({ id: 'a/b c' }), 'minutes');
    expect(link).toBe('http://127.0.0.1:3978/tab/channel?meeting=a%2Fb+c&view=minutes');
    expect(placeFromQuery(new URL(link).searchParams)).toEqual({ meetingId: 'a/b c', view: 'minutes' });
    expect(meetingTabLink({ publicUrl: 'http://127.0.0.1:3978', teamsAppId: '' }, meeting(), 'agenda')).toBe('http://127.0.0.1:3978/tab/channel?meeting=m-1');
  });
});

describe("the channel tab's query", () => {
  test('names the meeting and view, and the network for a meeting chat without a team', () => {
    expect(channelTabPath({ meetingId: 'm-1', view: 'minutes' }, '19:team@thread.tacv2')).toBe('/tab/channel?networkId=19%3Ateam%40thread.tacv2&meeting=m-1&view=minutes');
    expect(placeFromQuery(new URLSearchParams('meeting=m-1'))).toEqual({ meetingId: 'm-1', view: 'agenda' });
    expect(placeFromQuery(new URLSearchParams('view=minutes'))).toBeNull();
  });
});
