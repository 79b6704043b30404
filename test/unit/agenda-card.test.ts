import { checkinViewOf } from '../../src/app/meetings';
import { AGENDA_CARD_BUDGET_BYTES, agendaCard, type AgendaCardView } from '../../src/cards/agenda-card';
import { cardBytes, checkinCard } from '../../src/cards';
import type { AdaptiveCard } from '../../src/cards/elements';
import {
  addItem,
  diffAgendas,
  publishAgenda,
  scheduleItems,
  templateAgenda,
  updateItem,
  type Agenda,
  type AgendaChange,
  type AgendaItemDraft,
} from '../../src/domain/agenda';
import type { Meeting } from '../../src/domain/meeting';
import { cardProblems } from '../harness/validate-card';
import { meeting as storeMeeting } from '../store/conformance';
import { value } from './agenda-results';
import { meetingTabLink } from '../../src/domain/tab-links';
import { LINKS } from './tab-link-settings';

const meeting: Meeting = storeMeeting('m-1', { date: '2022-02-04', mode: 'hybrid', teamsLink: 'https://teams.microsoft.com/l/meetup-join/x' });

/** The agenda card links into the tab with a Teams deep link (src/domain/tab-links), as in production. */
const TAB_URL = meetingTabLink(LINKS, { ...meeting, id: 'f3b5c1d2-8e4a-4c6b-9d7e-1a2b3c4d5e6f', channelId: '19:cbe3683f25094106b826c9cada3afbe0@thread.tacv2' }, 'agenda');

function ids(): () => string {
  let n = 0;
  return () => `s${++n}`;
}

function agendaWith(drafts: AgendaItemDraft[]): Agenda {
  let agenda = templateAgenda({ tenantId: 't', meetingId: 'm-1' }, ids());
  drafts.forEach((d, n) => (agenda = value(addItem(agenda, `t${n}`, d))));
  return value(publishAgenda(agenda, '2022-01-20T08:00:00Z'));
}

function viewOf(agenda: Agenda, over: Partial<AgendaCardView> = {}): AgendaCardView {
  const m = over.meeting ?? meeting;
  return { meeting: m, agenda, schedule: value(scheduleItems(agenda, m.start, m.end)), tabUrl: TAB_URL, ...over };
}

const overlamning: AgendaItemDraft = {
  title: 'Projekt Överlämning',
  durationMin: 30,
  kind: 'beslut',
  presenter: { kind: 'guest', name: 'Camilla Stensson', organisation: 'Utbildning Skaraborg' },
  description: 'Juridiken kring överlämning och de matriser som tagits fram.',
  links: [{ title: 'Matriserna', url: 'https://example.se/matris' }],
};
const kraftsamling: AgendaItemDraft = {
  title: 'Projekt Kraftsamling - Fullföljda studier',
  durationMin: 20,
  kind: 'information',
  presenter: { kind: 'member', memberId: 'u-7', name: 'Camilla Lindberg' },
};

/** Every TextRun's and TextBlock's text, in order. */
function texts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  JSON.stringify(card, (k, v: unknown) => {
    if (k === 'text' && typeof v === 'string') out.push(v);
    return v;
  });
  return out;
}

/** The lines as shown: a RichTextBlock's runs joined, a TextBlock's text. */
function lines(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; text?: string; inlines?: { text: string }[] };
    if (n.type === 'TextBlock' && n.text) out.push(n.text);
    if (n.type === 'RichTextBlock' && n.inlines) out.push(n.inlines.map((r) => r.text).join(''));
    Object.values(node).forEach(walk);
  };
  walk(card.body);
  return out;
}

function actions(card: AdaptiveCard): { type: string; title: string; url?: string; data?: unknown }[] {
  const out: { type: string; title: string; url?: string; data?: unknown }[] = [];
  for (const e of card.body) if (e.type === 'ActionSet') out.push(...(e.actions as typeof out));
  return out;
}

describe('agenda card', () => {
  const agenda = agendaWith([kraftsamling, overlamning]);

  test('shows the meeting and every item numbered, with its time, presenter and kind', () => {
    const card = agendaCard(viewOf(agenda), 'sv');
    expect(cardProblems(card)).toEqual([]);
    const shown = lines(card);
    expect(shown.slice(0, 5)).toEqual([
      'Dagordning — IM-nätverket fredag 4 februari 2022',
      '**Tid:** 13:00–15:00',
      'Plats: Falköping',
      '**Form:** Hybrid (på plats och Teams)',
      'Version 1',
    ]);
    const items = shown.filter((l) => /^\d+\. \d\d:\d\d /.test(l));
    expect(items).toEqual([
      '1. 13:00 Närvaro/deltagarlista',
      '2. 13:05 Föregående protokoll',
      '3. 13:15 Projekt Kraftsamling - Fullföljda studier',
      '4. 13:35 Projekt Överlämning',
      '5. 14:05 Övriga frågor',
      '6. 14:15 Datum för nästa möte',
      '7. 14:20 Avslutning',
    ]);
    expect(shown).toContain('Camilla Lindberg · Information · 20 min');
    expect(shown).toContain('Camilla Stensson (Utbildning Skaraborg) · Beslut · 30 min');
    expect(shown).toContain('Juridiken kring överlämning och de matriser som tagits fram.');
    expect(shown).toContain('Länkar: Matriserna');
    expect(JSON.stringify(card)).toContain('"selectAction":{"type":"Action.OpenUrl","title":"Matriserna","url":"https://example.se/matris"}');
    expect(shown).not.toContain('Hela dagordningen finns i fliken.');
  });

  test('offers to propose an item, send apologies, open the tab and join the Teams meeting', () => {
    const card = agendaCard(viewOf(agenda), 'sv');
    expect(actions(card)).toEqual([
      expect.objectContaining({ type: 'Action.Execute', title: 'Föreslå punkt', data: { action: 'proposeItem', meetingId: 'm-1' } }),
      expect.objectContaining({ type: 'Action.Execute', title: 'Anmäl förhinder', data: { action: 'checkin', meetingId: 'm-1', status: 'apologies' } }),
      { type: 'Action.OpenUrl', title: 'Öppna i fliken', url: TAB_URL },
      { type: 'Action.OpenUrl', title: 'Anslut till Teams-mötet', url: meeting.teamsLink },
    ]);
  });

  test('"Anmäl förhinder" records the same as the check-in card\'s apologies button', () => {
    const apologies = (card: AdaptiveCard): unknown[] =>
      JSON.stringify(card).match(/"data":\{"action":"checkin","meetingId":"m-1","status":"apologies"\}/g) ?? [];
    expect(apologies(agendaCard(viewOf(agenda), 'sv'))).toEqual(apologies(checkinCard(checkinViewOf(meeting, []), 'sv')));
    expect(apologies(agendaCard(viewOf(agenda), 'sv'))).toHaveLength(1);
  });

  test('has no apologies button once attendance is closed', () => {
    const closed = { ...meeting, attendanceClosed: true };
    const card = agendaCard(viewOf(agenda, { meeting: closed }), 'sv');
    expect(JSON.stringify(card)).not.toContain('"action":"checkin"');
    expect(cardProblems(card)).toEqual([]);
  });

  test('is English when the locale is English', () => {
    const card = agendaCard(viewOf(agenda, { reminder: true }), 'en');
    expect(cardProblems(card)).toEqual([]);
    expect(lines(card)).toEqual(
      expect.arrayContaining([
        'Agenda — IM-nätverket Friday 4 February 2022',
        '**Time:** 13:00–15:00',
        '**Format:** Hybrid (on site and Teams)',
        'Camilla Stensson (Utbildning Skaraborg) · Decision · 30 min',
        'Reminder: the meeting is on Friday 4 February 2022 · 13:00–15:00.',
      ]),
    );
    expect(actions(card).map((a) => a.title)).toEqual(['Propose an item', 'Send apologies', 'Open in the tab', 'Join the Teams meeting']);
  });

  test('warns when the items run past the meeting end', () => {
    const long = value(updateItem(agenda, 't1', { durationMin: 90 }));
    expect(lines(agendaCard(viewOf(long), 'sv'))).toContain('Punkterna räcker till 15:25, efter träffens sluttid 15:00.');
    expect(lines(agendaCard(viewOf(agenda), 'sv')).join('\n')).not.toContain('räcker till');
  });

  test('a draft says it is not published', () => {
    const draft = templateAgenda({ tenantId: 't', meetingId: 'm-1' }, ids());
    expect(lines(agendaCard(viewOf(draft), 'sv'))).toContain('Utkast, inte publicerat');
  });
});

describe('agenda card after an edit', () => {
  const v1 = agendaWith([kraftsamling, overlamning]);

  test('says when it changed, in Swedish time, and what changed', () => {
    const edited = value(updateItem(v1, 't1', { title: 'Projekt Överlämning (beslut)', durationMin: 45 }));
    const v2 = value(publishAgenda(edited, '2022-02-03T09:15:00Z', v1));
    const card = agendaCard(viewOf(v2, { changeNote: { at: v2.publishedAt ?? '', changes: v2.changes ?? [] } }), 'sv');
    expect(cardProblems(card)).toEqual([]);
    const shown = lines(card);
    expect(shown).toContain('Ändrad torsdag 3 februari 2022 kl. 10:15:');
    expect(shown).toContain('Ny rubrik: Projekt Överlämning → Projekt Överlämning (beslut)');
    expect(shown).toContain('Ny längd (30 → 45 min): Projekt Överlämning (beslut)');
    expect(shown).toContain('Version 2');
    const en = lines(agendaCard(viewOf(v2, { changeNote: { at: v2.publishedAt ?? '', changes: v2.changes ?? [] } }), 'en'));
    expect(en).toContain('Changed Thursday 3 February 2022 at 10:15:');
  });

  test('lists at most five changes and counts the rest', () => {
    const changes: AgendaChange[] = Array.from({ length: 7 }, (_, n) => ({ type: 'added', itemId: `x${n}`, title: `Punkt ${n}`, number: n + 3 }));
    const shown = lines(agendaCard(viewOf(v1, { changeNote: { at: '2022-02-03T09:15:00Z', changes } }), 'sv'));
    expect(shown.filter((l) => l.startsWith('Ny punkt'))).toEqual(['Ny punkt 3: Punkt 0', 'Ny punkt 4: Punkt 1', 'Ny punkt 5: Punkt 2', 'Ny punkt 6: Punkt 3', 'Ny punkt 7: Punkt 4']);
    expect(shown).toContain('… och 2 ändringar till, se fliken.');
  });

  test('every kind of change has a line', () => {
    const after = value(
      updateItem(v1, 't0', {
        presenter: { kind: 'guest', name: 'Åsa Hirsch' },
        kind: 'diskussion',
        description: 'Ny',
        links: [{ title: 'L', url: 'https://a.se' }],
      }),
    );
    const changes = diffAgendas(v1, after);
    const shown = lines(agendaCard(viewOf(after, { changeNote: { at: '2022-02-03T09:15:00Z', changes } }), 'sv'));
    expect(shown).toEqual(
      expect.arrayContaining([
        'Ny föredragande: Projekt Kraftsamling - Fullföljda studier — Åsa Hirsch (gäst)',
        'Nu diskussion: Projekt Kraftsamling - Fullföljda studier',
        'Ny beskrivning: Projekt Kraftsamling - Fullföljda studier',
        'Nya länkar: Projekt Kraftsamling - Fullföljda studier',
      ]),
    );
  });
});

describe('agenda card size', () => {
  const sentence = 'Vi diskuterar hur nätverket följer upp uppdraget från skolcheferna och vad det betyder för eleverna på IM. ';
  const longText = (n: number): string => sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n);

  test('a 20-item agenda with 3000-character descriptions stays in budget and lists every title and the tab', () => {
    const drafts = Array.from({ length: 15 }, (_, n): AgendaItemDraft => ({
      title: `Punkt ${n + 1}: uppföljning av skolchefsuppdraget i kommun nummer ${n + 1}`,
      durationMin: 5,
      kind: 'diskussion',
      presenter: { kind: 'guest', name: `Föredragande ${n + 1}`, organisation: 'Skaraborgs kommunalförbund' },
      description: longText(3000),
      links: [{ title: 'Underlag', url: `https://example.se/underlag/${n}` }],
    }));
    const agenda = agendaWith(drafts);
    expect(agenda.items).toHaveLength(20);
    for (const locale of ['sv', 'en'] as const) {
      const card = agendaCard(viewOf(agenda), locale);
      expect(cardBytes(card)).toBeLessThanOrEqual(AGENDA_CARD_BUDGET_BYTES);
      expect(cardProblems(card)).toEqual([]);
      const shown = lines(card).join('\n');
      for (const item of agenda.items) expect(shown).toContain(item.title);
      expect(shown).toContain(locale === 'sv' ? 'Hela dagordningen finns i fliken.' : 'The full agenda is in the tab.');
      expect(JSON.stringify(card)).toContain(`"url":"${TAB_URL}"`);
    }
    // Descriptions are shortened, not all dropped, when that is enough.
    expect(lines(agendaCard(viewOf(agenda), 'sv')).some((l) => l.startsWith('Vi diskuterar') && l.endsWith('…'))).toBe(true);
  });

  test('the largest agenda allowed stays in budget with every number, time and title', () => {
    const drafts = Array.from({ length: 35 }, (_, n): AgendaItemDraft => ({
      title: `${n + 1} ${'Överläggning om åtgärdsprogram för öppna förskolor '.repeat(4)}`.slice(0, 200),
      durationMin: 240,
      kind: 'beslut',
      presenter: { kind: 'guest', name: 'Ö'.repeat(200), organisation: 'Å'.repeat(200) },
      description: 'ä'.repeat(4000),
      links: Array.from({ length: 10 }, (_, i) => ({ title: 'ö'.repeat(200), url: `https://example.se/${'x'.repeat(1900)}/${i}` })),
    }));
    const agenda = agendaWith(drafts);
    const changes: AgendaChange[] = agenda.items.slice(0, 5).map((i) => ({ type: 'retitled', itemId: i.id, from: 'ö'.repeat(200), to: i.title }));
    const card = agendaCard(viewOf(agenda, { changeNote: { at: '2022-02-03T09:15:00Z', changes }, reminder: true }), 'sv');
    expect(cardBytes(card)).toBeLessThanOrEqual(AGENDA_CARD_BUDGET_BYTES);
    expect(cardProblems(card)).toEqual([]);
    const numbered = lines(card).filter((l) => /^\d+\. \d\d:\d\d /.test(l));
    expect(numbered).toHaveLength(40);
    expect(numbered[39]).toMatch(/^40\. \d\d:\d\d Avslutning$/);
  });
});

describe('agenda card and what people typed', () => {
  test('titles, presenters, descriptions, links and places show as text, never as markup', () => {
    const evil = '**fet** [länk](https://evil.example) {{DATE(2030-01-01T00:00:00Z)}} <at>x</at>';
    const agenda = agendaWith([
      {
        title: evil,
        durationMin: 10,
        kind: 'beslut',
        presenter: { kind: 'guest', name: evil, organisation: evil },
        description: evil,
        links: [{ title: evil, url: 'https://example.se' }],
      },
    ]);
    const renamed = value(updateItem(agenda, 't0', { title: `${evil} 2` }));
    const changes = diffAgendas(agenda, renamed);
    const card = agendaCard(viewOf(renamed, { meeting: { ...meeting, networkName: evil, place: evil }, changeNote: { at: '2022-02-03T09:15:00Z', changes } }), 'sv');
    expect(cardProblems(card)).toEqual([]);
    const runs = texts(card).filter((t) => t.includes('fet'));
    // network, place, title, presenter, description, link, and both titles of the change
    expect(runs.length).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(card.body).match(/"type":"TextBlock","text":"[^"]*fet/g)).toBeNull();
    expect(runs.every((r) => !r.includes('{{'))).toBe(true);
  });
});
