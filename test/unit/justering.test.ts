import { cardBytes } from '../../src/cards/elements';
import {
  approvalRequestCard,
  changeRequestCard,
  justerareLeftCard,
  justeringAnswerCard,
  justeringStatusCard,
  JUSTERING_CARD_BUDGET_BYTES,
  minutesCard,
  minutesProblemText,
  overdueCard,
} from '../../src/cards/justering-cards';
import type { Meeting } from '../../src/domain/meeting';
import {
  approve,
  canonicalJson,
  contentHash,
  justeringRefusal,
  minutesProblems,
  newVersion,
  requestChange,
  sendProblems,
  type MinutesContent,
  type MinutesDraft,
  type MinutesVersion,
} from '../../src/domain/minutes';
import { FIXTURE_PROTOCOLS, imNatverket20211203 } from '../fixtures/minutes';
import { texts } from '../harness/journey';
import { cardProblems } from '../harness/validate-card';
import { blankItem } from '../../src/domain/minutes-item';
import { meetingTabLink } from '../../src/domain/tab-links';
import { LINKS } from './tab-link-settings';

const J1 = { memberId: 'j-1', name: 'Jonas Wåhlberg' };
const J2 = { memberId: 'j-2', name: 'Frida Jolsgård' };
const NOW = '2030-02-05T09:00:00.000Z';

const content = (over: Partial<MinutesContent> = {}): MinutesContent => ({
  ...structuredClone(imNatverket20211203),
  secretary: { kind: 'member', memberId: 's-1', name: 'Maria Bring' },
  justerare: [
    { kind: 'member', ...J1 },
    { kind: 'member', ...J2 },
  ],
  ...over,
});
const draftOf = (c: MinutesContent): MinutesDraft => ({ tenantId: 't', networkId: 'n', meetingId: 'm', content: c, updatedAt: NOW });
const sent = (c = content()): { draft: MinutesDraft; version: MinutesVersion } => {
  const version = newVersion(draftOf(c), 1, { memberId: 's-1', name: 'Maria Bring' }, NOW);
  return { draft: { ...draftOf(c), sentVersion: 1, sentHash: version.hash }, version };
};
const meeting: Meeting = {
  id: 'm',
  tenantId: 't',
  networkId: 'n',
  networkName: 'IM-nätverket',
  channelId: 'c',
  date: '2021-12-03',
  start: '13:00',
  end: '15:00',
  place: 'Skövde',
  mode: 'onsite',
  createdBy: { id: 's-1', name: 'Maria Bring' },
  locale: 'sv',
  attendanceClosed: false,
  createdAt: NOW,
};
/** The cards link into the tab with a Teams deep link (src/domain/tab-links), as in production. */
const opts = { tabUrl: meetingTabLink(LINKS, { ...meeting, id: 'f3b5c1d2-8e4a-4c6b-9d7e-1a2b3c4d5e6f', channelId: '19:cbe3683f25094106b826c9cada3afbe0@thread.tacv2' }, 'minutes'), timeZone: 'Europe/Stockholm' };

describe('the content hash', () => {
  test('is the SHA-256 of canonical JSON: key order and Unicode form do not change it, content does', () => {
    const c = content();
    // Every object's keys in reverse order, at every depth: the same content.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const reordered = reversed(c) as MinutesContent;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(c));
    expect(contentHash(reordered)).toBe(contentHash(c));
    expect(canonicalJson({ b: 1, a: 'Ä' })).toBe(canonicalJson({ a: 'A\u0308', b: 1 }));
    expect(contentHash(c)).toMatch(/^[0-9a-f]{64}$/);
    const edited = structuredClone(c);
    edited.items[2]!.notes += '.';
    expect(contentHash(edited)).not.toBe(contentHash(c));
  });
});

describe('justering rules', () => {
  test('approving twice is approving once; the last justerare makes it justerat with the intent to archive', () => {
    const { version } = sent();
    const once = approve(version, J1, NOW);
    expect(approve(once, J1, NOW)).toBe(once);
    expect(once.state).toBe('pending');
    const both = approve(once, J2, '2030-02-06T10:00:00.000Z');
    expect(both).toMatchObject({ state: 'approved', approvedAt: '2030-02-06T10:00:00.000Z', archive: { state: 'pending', attempts: 0, documents: [] } });
  });

  test('who may act, and when a version can no longer be approved', () => {
    const { draft, version } = sent();
    expect(justeringRefusal(version, draft, 'someone-else')).toBe('not_justerare');
    expect(justeringRefusal(version, draft, J1.memberId)).toBeUndefined();
    const edited = { ...draft, content: { ...draft.content, nextMeetingNote: 'Ändrat' } };
    expect(justeringRefusal(version, edited, J1.memberId)).toBe('edited_since_sent');
    expect(justeringRefusal(version, { ...draft, sentVersion: 2 }, J1.memberId)).toBe('superseded');
    expect(justeringRefusal(requestChange(version, J2, 'Stavfel', NOW), draft, J1.memberId)).toBe('changes_requested');
    expect(justeringRefusal(approve(approve(version, J1, NOW), J2, NOW), draft, J1.memberId)).toBe('already_approved');
  });

  test('every fixture is valid minutes; sending needs a secretary, justerare and items', () => {
    for (const f of FIXTURE_PROTOCOLS) expect(minutesProblems(f.content)).toEqual([]);
    const empty = content({ justerare: [], items: [] });
    const { secretary: _s, ...withoutSecretary } = empty;
    expect(sendProblems(withoutSecretary).map((p) => p.field)).toEqual(['secretary', 'justerare', 'items']);
    const bad = content();
    bad.items[0]!.actions.push({ id: 'a', text: '', owners: [{ kind: 'named', name: '' }], due: '2030-13-01' });
    bad.justerare.push({ kind: 'member', ...J1 });
    expect(minutesProblems(bad).map((p) => `${p.field}:${p.code}`)).toEqual([
      'justerare:too_many',
      'justerare.2:duplicate',
      'items.0.actions.0.text:required',
      'items.0.actions.0.owners.0.name:required',
      'items.0.actions.0.due:invalid_date',
    ]);
    expect(minutesProblemText({ field: 'items.0.actions.0.due', code: 'invalid_date' }, 'sv')).toBe('Punkt 1, datum: skriv datumet som ÅÅÅÅ-MM-DD.');
    expect(minutesProblemText({ field: 'secretary', code: 'required' }, 'en')).toBe('Secretary: required.');
  });
});

describe('justering cards', () => {
  const { version } = sent();
  const approved = approve(approve(version, J1, NOW), J2, NOW);
  const documents = [
    { kind: 'pdf' as const, name: 'Protokoll för IM-nätverket 2021-12-03 v1.pdf', webUrl: 'https://sp.example/a.pdf', itemId: '1' },
    { kind: 'docx' as const, name: 'Protokoll för IM-nätverket 2021-12-03 v1.docx', webUrl: 'https://sp.example/a.docx', itemId: '2' },
  ];

  test('no card carries the content hash: the approval card and the minutes card name the version by its number', () => {
    const archived = { ...approved, archive: { state: 'done' as const, attempts: 1, nextAttemptAt: NOW, documents } };
    const cards = [
      approvalRequestCard(meeting, version, opts, 'sv'),
      approvalRequestCard(meeting, version, { ...opts, reminder: true }, 'en'),
      justeringAnswerCard({ kind: 'approved', version: approved, complete: true }, opts, 'sv'),
      justeringStatusCard(version, opts, 'sv'),
      justeringStatusCard(archived, opts, 'sv'),
      minutesCard(approved, documents, opts, 'sv'),
    ];
    for (const c of cards) {
      expect(texts(c)).not.toContain(version.hash);
      expect(texts(c)).not.toContain(version.hash.slice(0, 8));
      expect(texts(c)).not.toMatch(/Innehållshash|Content hash/);
    }
    expect(texts(cards[0])).toContain('Version 1, skickad av');
    expect(texts(cards[1])).toContain('Version 1, sent by');
    expect(texts(cards[5])).toContain('Version 1');
  });

  test('the approval card shows the protocol model: the chair, headed sections without numbers, a round, the markup with a clickable link; valid and within budget', () => {
    const modelled = sent(
      content({
        numbering: 'sections',
        chair: { kind: 'member', memberId: 'c-1', name: 'Anna Dahlson' },
        meeting: { date: '2021-12-03' },
        items: [
          blankItem('r', 'Incheckning', { kind: 'round', questions: ['Hur mår du?'], responses: [{ speaker: 'Lund', text: 'Bra.' }] }),
          blankItem('i', 'Projekt Överlämning', { notes: '## Frågor\n* En fråga\n1. Ett steg\n\nSe [rapporten](https://skaraborg.se/r) och <b>inget</b> annat.' }),
        ],
      }),
    ).version;
    const c = approvalRequestCard(meeting, modelled, opts, 'sv');
    expect(cardProblems(c)).toEqual([]);
    expect(cardBytes(c)).toBeLessThanOrEqual(JUSTERING_CARD_BUDGET_BYTES);
    const text = texts(c);
    for (const needle of ['Ordförande: ', 'Anna Dahlson', 'Incheckning', 'Fråga: ', 'Hur mår du?', 'Lund: Bra.', 'Frågor', '"text":"• "', 'En fråga', '"text":"1. "', 'Ett steg', 'rapporten', '<b>inget</b>']) expect(text).toContain(needle);
    expect(text).not.toContain('1. Incheckning');
    expect(text).toContain('"text":"Fredag 3 december 2021"');
    expect(JSON.stringify(c)).toContain('"selectAction":{"type":"Action.OpenUrl","url":"https://skaraborg.se/r"}');
  });

  test('every card is valid Adaptive Cards 1.5, Swedish by default and English for en', () => {
    const cards = [
      approvalRequestCard(meeting, version, opts, 'sv'),
      approvalRequestCard(meeting, version, { ...opts, reminder: true }, 'en'),
      justeringAnswerCard({ kind: 'approved', version: approve(version, J1, NOW), complete: false }, opts, 'sv'),
      justeringAnswerCard({ kind: 'approved', version: approved, complete: true }, opts, 'sv'),
      justeringAnswerCard({ kind: 'change_requested', version }, opts, 'en'),
      justeringAnswerCard({ kind: 'refused', reason: 'edited_since_sent', version, current: content({ nextMeetingNote: 'Nytt' }) }, opts, 'sv'),
      justeringStatusCard(version, opts, 'sv'),
      justeringStatusCard(requestChange(version, J2, 'Stavfel', NOW), opts, 'sv'),
      justeringStatusCard({ ...approved, archive: { state: 'done', attempts: 1, nextAttemptAt: NOW, documents } }, opts, 'sv'),
      minutesCard(approved, documents, opts, 'sv'),
      changeRequestCard(version, { name: J2.name, comment: 'Stavfel i punkt 3' }, opts.tabUrl, 'sv'),
      overdueCard(meeting, { kind: 'draft' }, opts.tabUrl, 'sv'),
      justerareLeftCard(version, { name: J1.name }, opts.tabUrl, 'sv'),
      justerareLeftCard(version, { name: J1.name }, opts.tabUrl, 'en'),
    ];
    for (const c of cards) expect(cardProblems(c)).toEqual([]);
    expect(texts(cards[0])).toContain('Protokoll att justera');
    // The justerare tells the version by its number; the content hash is in the tab's version details and the documents.
    expect(texts(cards[0])).toContain('Version 1, skickad av');
    expect(texts(cards[1])).toContain('Reminder: minutes to approve');
    expect(texts(cards[2])).toContain('Väntar på justering av Frida Jolsgård');
    expect(texts(cards[5])).toContain('Nytt');
    expect(texts(cards[9])).toContain('Justerat av Jonas Wåhlberg, Frida Jolsgård');
    expect(texts(cards[9])).toContain('https://sp.example/a.pdf');
    expect(texts(cards[12])).toContain(`${J1.name} har lämnat nätverkets team och kan inte längre justera Protokoll för`);
    expect(texts(cards[13])).toContain('Choose another approver in the tab');
  });

  test("the folder archive's documents (no https address) are not linked from the cards: they open from the tab the card links to", () => {
    const folder = documents.map((d) => ({ ...d, webUrl: `file:///data/arkiv/${encodeURIComponent(d.name)}` }));
    const cards = [minutesCard(approved, folder, opts, 'sv'), justeringStatusCard({ ...approved, archive: { state: 'done', attempts: 1, nextAttemptAt: NOW, documents: folder } }, opts, 'sv')];
    for (const c of cards) {
      expect(cardProblems(c)).toEqual([]);
      expect(urls(c)).toEqual([opts.tabUrl]);
    }
    expect(texts(cards[1])).toContain(folder[0]?.name);
    expect(urls(minutesCard(approved, documents, opts, 'sv'))).toEqual(['https://sp.example/a.pdf', 'https://sp.example/a.docx', opts.tabUrl]);
  });

  test('Justera asks for confirmation: it opens "Justeringen kan inte ångras" with the action inside, never approves at once', () => {
    type Action = { type: string; title?: string; data?: { action?: string; meetingId?: string; version?: string }; card?: { body: { text?: string }[]; actions: Action[] } };
    for (const [locale, approve, confirm, yes] of [
      ['sv', 'Justera', 'Justeringen kan inte ångras. Justera protokollet?', 'Ja, justera'],
      ['en', 'Approve', 'Approval cannot be undone. Approve the minutes?', 'Yes, approve'],
    ] as const) {
      const c = approvalRequestCard(meeting, version, opts, locale);
      expect(cardProblems(c)).toEqual([]);
      const actions = (c as unknown as { actions: Action[] }).actions;
      expect(actions.some((a) => a.type === 'Action.Execute' && a.data?.action === 'approveMinutes')).toBe(false);
      const justera = actions.find((a) => a.title === approve);
      expect(justera?.type).toBe('Action.ShowCard');
      expect(justera?.card?.body.map((b) => b.text)).toEqual([confirm]);
      expect(justera?.card?.actions).toEqual([
        expect.objectContaining({ type: 'Action.Execute', title: yes, data: { action: 'approveMinutes', meetingId: meeting.id, version: String(version.number) } }),
      ]);
    }
  });

  test('a 20-item protocol with long notes stays within 28 KB, every title shown, the rest in the tab', () => {
    const long = 'Lång diskussion om IMA-elever och överlämning mellan skolformer. '.repeat(60);
    const items = Array.from({ length: 20 }, (_, i) => ({
      id: `i-${i}`,
      title: `Punkt nummer ${i + 1} om något viktigt`,
      notes: long,
      decisions: ['Beslut '.repeat(40), 'Ett till beslut'],
      actions: Array.from({ length: 4 }, (_, k) => ({ id: `a-${i}-${k}`, text: 'Återkomma med svar '.repeat(10), owners: [{ kind: 'named' as const, name: 'Camilla' }] })),
      tabled: i % 7 === 0, kind: 'item' as const, presenters: [], questions: [], responses: [],
    }));
    const big = sent(content({ items })).version;
    for (const c of [approvalRequestCard(meeting, big, opts, 'sv'), minutesCard(approve(approve(big, J1, NOW), J2, NOW), documents, opts, 'sv')]) {
      expect(cardBytes(c)).toBeLessThanOrEqual(JUSTERING_CARD_BUDGET_BYTES);
      expect(cardProblems(c)).toEqual([]);
      for (const item of items) expect(texts(c)).toContain(item.title);
      expect(texts(c)).toContain('hela texten finns i fliken');
    }
  });
});

function urls(c: { actions?: unknown[] }): (string | undefined)[] {
  return (c.actions ?? []).map((a) => (a as { url?: string }).url);
}

describe('minnesanteckningar are approved, not justerade, on every card', () => {
  const notes = content({ kind: 'minnesanteckningar', justerare: [], chair: { kind: 'member', memberId: 'c-1', name: 'Helena Ek' } });
  const { version } = sent(notes);
  const approved = approve(version, { memberId: 's-1', name: 'Maria Bring' }, NOW);
  const cards = {
    request: approvalRequestCard(meeting, version, opts, 'sv'),
    answer: justeringAnswerCard({ kind: 'approved', version: approved, complete: true }, opts, 'sv'),
    refused: justeringAnswerCard({ kind: 'refused', reason: 'superseded', version }, opts, 'sv'),
    status: justeringStatusCard(version, opts, 'sv'),
    minutes: minutesCard(approved, [], opts, 'sv'),
    change: changeRequestCard(version, { name: 'Helena Ek', comment: 'Stavfel' }, opts.tabUrl, 'sv'),
    left: justerareLeftCard(version, { name: 'Helena Ek' }, opts.tabUrl, 'sv'),
    english: approvalRequestCard(meeting, version, opts, 'en'),
  };

  test('their words are godkänna and minnesanteckningar; the cards are valid and within budget', async () => {
    for (const [name, c] of Object.entries(cards)) {
      expect({ name, problems: await cardProblems(c) }).toEqual({ name, problems: [] });
      expect(cardBytes(c)).toBeLessThanOrEqual(JUSTERING_CARD_BUDGET_BYTES);
      const said = texts(c);
      // None of a protokoll's own words (the fixture's text may say what it likes).
      const protokollWords = ['Protokoll att justera', '"Justera"', 'Ja, justera', 'Du har justerat', 'Väntar på justering', 'Justerat av', 'Hela protokollet i fliken', 'Protokollet är'];
      if (name !== 'english') expect({ name, said: protokollWords.filter((w) => said.includes(w)) }).toEqual({ name, said: [] });
    }
    expect(texts(cards.request)).toContain('Minnesanteckningar att godkänna');
    expect(JSON.stringify(cards.request)).toContain('"Godkänn"');
    expect(JSON.stringify(cards.request)).toContain('Ja, godkänn');
    expect(texts(cards.answer)).toContain('Du har godkänt');
    expect(texts(cards.status)).toContain('Väntar på godkännande av');
    expect(texts(cards.english)).toContain('Meeting notes to approve');
  });

  test('a protokoll still says justera', () => {
    expect(texts(approvalRequestCard(meeting, sent().version, opts, 'sv'))).toContain('Protokoll att justera');
  });
});
