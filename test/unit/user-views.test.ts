import { justeringAnswers, justeringAudience, meetingAudience, REFRESH_USER_LIMIT, viewerOf, type CardRefresh } from '../../src/app/card-views';
import { checkinViewOf } from '../../src/app/meetings';
import { actorOf, refusal, meetingTarget, PERSONAL_CHAT, type Actor } from '../../src/app/policy';
import { agendaCard, AGENDA_CARD_BUDGET_BYTES } from '../../src/cards/agenda-card';
import { checkinCard, CHECKIN_CARD_BUDGET_BYTES } from '../../src/cards/checkin-card';
import { cardBytes, type AdaptiveCard } from '../../src/cards/elements';
import { justeringStatusCard, JUSTERING_CARD_BUDGET_BYTES } from '../../src/cards/justering-cards';
import type { AttendanceRecord } from '../../src/domain/attendance';
import { publishAgenda, scheduleItems, templateAgenda } from '../../src/domain/agenda';
import type { Meeting } from '../../src/domain/meeting';
import { approve, newVersion, type MinutesContent, type MinutesVersion } from '../../src/domain/minutes';
import { SKARABORG_MUNICIPALITIES } from '../../src/domain/municipality';
import type { Member, NetworkRole } from '../../src/domain/network';
import { imNatverket20211203 } from '../fixtures/minutes';
import { cardProblems } from '../harness/validate-card';
import { value } from './agenda-results';

/**
 * User-specific views (Universal Actions): the shared card carries a refresh naming who gets their
 * own view; each viewer's card shows their status and only the buttons the policy lets them press.
 */
const T = 't';
const N = 'n';
const NOW = '2030-02-04T10:00:00.000Z';

/** A Teams user id as long as real ones (29: and an 80-odd character id), for the budget. */
const mri = (id: string): string => `29:1${id.padEnd(86, 'x')}`;

const member = (id: string, over: Partial<Member> = {}): Member => ({
  tenantId: T,
  networkId: N,
  id,
  teamsUserId: mri(id),
  name: `Medlem ${id}`,
  email: `${id}@skovde.se`,
  municipality: 'Skövde',
  municipalitySource: 'domain',
  ...over,
});
const withRole = (id: string, role: NetworkRole): Member => member(id, { role });
/** The person as they act from the network's channel (a card refresh there). */
const inChannel = (m: Member | undefined, id = m?.id ?? 'guest'): Actor => actorOf({ tenantId: T, userId: id, name: id, actingIn: N }, N, m);

const meeting: Meeting = {
  id: 'm-1',
  tenantId: T,
  networkId: N,
  networkName: 'IM-nätverket',
  channelId: 'c',
  date: '2030-02-04',
  start: '13:00',
  end: '15:00',
  place: 'Falköping',
  mode: 'hybrid',
  teamsLink: 'https://teams.microsoft.com/l/meetup-join/x',
  createdBy: { id: 'creator', name: 'Karin' },
  locale: 'sv',
  attendanceClosed: false,
  createdAt: '2030-01-01T00:00:00Z',
};

const record = (personId: string, status: AttendanceRecord['status'], updatedAt = NOW, over: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  tenantId: T,
  meetingId: meeting.id,
  personId,
  name: `Medlem ${personId}`,
  municipality: 'Skövde',
  guest: false,
  status,
  updatedAt,
  ...over,
});

const ordforande = withRole('ordf', 'ordforande');
const plain = member('plain');
const checkedIn = member('came');
const creator = member('creator');
const formerMember = member('left', { leftAt: '2030-01-10T00:00:00Z' });
const members = [ordforande, plain, checkedIn, creator, formerMember];
const records = [record('came', 'onsite')];
const refresh: CardRefresh = { meetingId: meeting.id, card: 'checkinCard', userIds: meetingAudience(meeting, members, records) };

/** The check-in card as `actor` sees it (the answer to their refresh). */
function checkinFor(actor: Actor, m = meeting): AdaptiveCard {
  return checkinCard(checkinViewOf(m, records, actor.personId), 'sv', undefined, { viewer: viewerOf(actor, m, records), refresh });
}
const shared = (m = meeting): AdaptiveCard => checkinCard(checkinViewOf(m, records), 'sv', undefined, { refresh });
const t = (c: unknown): string => JSON.stringify(c);
/** Every button title on a card, ShowCards' included. */
function buttons(c: unknown): string[] {
  const out: string[] = [];
  JSON.stringify(c, (k, v: unknown) => {
    if (v && typeof v === 'object' && 'type' in v && typeof (v as { type: unknown }).type === 'string' && (v as { type: string }).type.startsWith('Action.') && k !== 'action' && k !== 'selectAction') {
      out.push((v as { title?: string }).title ?? '');
    }
    return v;
  });
  return out;
}

describe('the shared check-in card', () => {
  test('carries a refresh: Action.Execute refreshCard with the meeting and card, and the Teams ids of who gets their own view', () => {
    const c = shared();
    expect(c.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Uppdatera', verb: 'refreshCard', data: { action: 'refreshCard', meetingId: 'm-1', card: 'checkinCard' } },
      userIds: [mri('creator'), mri('ordf'), mri('came'), mri('plain')],
    });
    expect(cardProblems(c)).toEqual([]);
  });

  test('stays complete on its own: every button, no one\'s status (refresh may never fire in a channel)', () => {
    const b = buttons(shared());
    for (const title of ['På plats', 'Digitalt', 'Förhinder', 'Ångra', 'Anslut till Teams-mötet', 'Stäng närvaro', 'Ändra träff', 'Ställ in']) expect(b).toContain(title);
    expect(t(shared())).not.toContain('Din närvaro');
  });
});

describe('each viewer\'s own check-in card', () => {
  test('the chair group sees the attendance controls, moving and cancelling, and their own status', () => {
    const c = checkinFor(inChannel(ordforande));
    expect(buttons(c)).toEqual(expect.arrayContaining(['På plats', 'Digitalt', 'Förhinder', 'Ångra', 'Stäng närvaro', 'Ändra träff', 'Ställ in']));
    expect(t(c)).toContain('Din närvaro: Inte incheckad');
    expect(cardProblems(c)).toEqual([]);
  });

  test('a member sees their own status and the check-in buttons, not the chair group\'s controls', () => {
    const c = checkinFor(inChannel(plain));
    expect(t(c)).toContain('Din närvaro: Inte incheckad');
    expect(buttons(c)).toEqual(expect.arrayContaining(['På plats', 'Digitalt', 'Förhinder', 'Ångra', 'Anslut till Teams-mötet']));
    for (const title of ['Stäng närvaro', 'Öppna närvaro igen', 'Ändra träff', 'Ställ in']) expect(buttons(c)).not.toContain(title);
    expect(cardProblems(c)).toEqual([]);
  });

  test('a checked-in member sees how they checked in', () => {
    expect(t(checkinFor(inChannel(checkedIn)))).toContain('Din närvaro: På plats');
  });

  test('a plain member who created the meeting closes its attendance, and does not move or cancel it', () => {
    const b = buttons(checkinFor(inChannel(creator)));
    expect(b).toContain('Stäng närvaro');
    expect(b).not.toContain('Ändra träff');
    expect(b).not.toContain('Ställ in');
  });

  test('with the attendance closed, the chair group sees Öppna närvaro igen, a member no attendance button at all', () => {
    const closed = { ...meeting, attendanceClosed: true };
    expect(buttons(checkinFor(inChannel(ordforande), closed))).toContain('Öppna närvaro igen');
    const b = buttons(checkinFor(inChannel(plain), closed));
    for (const title of ['På plats', 'Ångra', 'Stäng närvaro', 'Öppna närvaro igen', 'Ändra träff']) expect(b).not.toContain(title);
    expect(t(checkinFor(inChannel(plain), closed))).toContain('Närvaron är stängd.');
  });

  test('a guest in the channel checks in; someone outside the network gets no card (the policy refuses, with the reason)', () => {
    const guest = inChannel(undefined, 'guest-1');
    const b = buttons(checkinFor(guest));
    expect(b).toContain('På plats');
    expect(b).not.toContain('Stäng närvaro');
    expect(refusal(guest, 'readCard', meetingTarget(meeting))).toBeUndefined();
    const otherNetwork = actorOf({ tenantId: T, userId: 'x', name: 'x', actingIn: 'other-team' }, 'other-team', member('x', { networkId: 'other-team' }));
    expect(refusal(otherNetwork, 'readCard', meetingTarget(meeting))).toBe('other_network');
    expect(refusal(inChannel(formerMember), 'readCard', meetingTarget(meeting))).toBe('not_a_member');
    const strangerInChat = actorOf({ tenantId: T, userId: 'y', name: 'y', actingIn: PERSONAL_CHAT }, N, undefined);
    expect(refusal(strangerInChat, 'readCard', meetingTarget(meeting))).toBe('other_network');
  });

  test('in English when the viewer\'s Teams is', () => {
    const c = checkinCard(checkinViewOf(meeting, records, plain.id), 'en', undefined, { viewer: viewerOf(inChannel(plain), meeting, records), refresh });
    expect(t(c)).toContain('Your attendance: Not checked in');
    expect((c.refresh as { action: { title: string } }).action.title).toBe('Refresh');
  });
});

describe('who gets their own view (refresh.userIds, at most 60)', () => {
  // 200 members: a chair group of 3, the creator, 100 who answered at different times, 96 more.
  const many: Member[] = [
    withRole('s-ordf', 'ordforande'),
    withRole('s-sekr', 'sekreterare'),
    withRole('s-pres', 'presidium'),
    member('s-creator'),
    ...Array.from({ length: 196 }, (_, i) => member(`p${String(i).padStart(3, '0')}`, { municipality: SKARABORG_MUNICIPALITIES[i % 15] ?? 'Vara' })),
    member('s-left', { leftAt: '2030-01-01T00:00:00Z', role: 'ordforande' }),
  ];
  const big = { ...meeting, createdBy: { id: 's-creator', name: 'Skaparen' } };
  // p000…p099 answered, p099 most recently.
  const answers = Array.from({ length: 100 }, (_, i) =>
    record(`p${String(i).padStart(3, '0')}`, (['onsite', 'online', 'apologies'] as const)[i % 3]!, `2030-02-04T${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`),
  );
  const ids = meetingAudience(big, many, answers);

  test('60 ids at most, each once, members in the team now only', () => {
    expect(ids).toHaveLength(REFRESH_USER_LIMIT);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(mri('s-left'));
  });

  test('first who may close the attendance (creator and chair group), then who answered, the latest first', () => {
    expect(ids.slice(0, 4).sort()).toEqual([mri('s-creator'), mri('s-ordf'), mri('s-pres'), mri('s-sekr')].sort());
    expect(ids[4]).toBe(mri('p099'));
    expect(ids[5]).toBe(mri('p098'));
    expect(ids.at(-1)).toBe(mri('p044'));
  });

  test('nobody for a cancelled meeting (no buttons left for anyone), and a card with nobody to name carries no refresh', () => {
    const cancelled: Meeting = { ...meeting, cancelled: { at: NOW, by: { id: 'ordf', name: 'Medlem ordf' } } };
    expect(meetingAudience(cancelled, members, records)).toEqual([]);
    const c = checkinCard(checkinViewOf(cancelled, records), 'sv', undefined, { refresh: { ...refresh, userIds: [] } });
    expect(c.refresh).toBeUndefined();
  });

  test('with few members, everyone in the team now: controls, answered, then the rest by name', () => {
    expect(meetingAudience(meeting, members, records)).toEqual([mri('creator'), mri('ordf'), mri('came'), mri('plain')]);
  });

  test('a roster the store handed out frozen is worked out once, and again when a member comes, goes or changes role', () => {
    const frozen = <T extends object>(x: T): T => Object.freeze(x);
    const m = frozen({ ...meeting });
    const roster = members.map((x) => frozen({ ...x }));
    expect(meetingAudience(m, roster, records)).toEqual([mri('creator'), mri('ordf'), mri('came'), mri('plain')]);
    const newcomer = frozen(member('aaa'));
    expect(meetingAudience(m, [...roster, newcomer], records)).toEqual([mri('creator'), mri('ordf'), mri('came'), mri('aaa'), mri('plain')]);
    const promoted = roster.map((x) => (x.id === 'plain' ? frozen({ ...x, role: 'ordforande' as const }) : x));
    expect(meetingAudience(m, promoted, records)).toEqual([mri('creator'), mri('ordf'), mri('plain'), mri('came')]);
    expect(meetingAudience(m, roster.filter((x) => x.id !== 'came'), [])).toEqual([mri('creator'), mri('ordf'), mri('plain')]);
  });

  test('the shared card of a 200-member meeting with 60 ids validates and stays within budget', () => {
    const refresh200: CardRefresh = { meetingId: big.id, card: 'checkinCard', userIds: ids };
    const guests = Array.from({ length: 40 }, (_, i) => record(`g${i}`, 'onsite', NOW, { guest: true, name: `Gäst Gästsson-Långnamn ${i}` }));
    const all = [...answers, ...many.slice(104).map((m) => record(m.id, 'online')), ...guests];
    const c = checkinCard(checkinViewOf(big, all), 'sv', undefined, { refresh: refresh200 });
    expect(cardProblems(c)).toEqual([]);
    expect(cardBytes(c)).toBeLessThanOrEqual(CHECKIN_CARD_BUDGET_BYTES);
    expect((c.refresh as { userIds: string[] }).userIds).toHaveLength(60);
    const own = checkinCard(checkinViewOf(big, all, 'p001'), 'sv', undefined, { viewer: viewerOf(inChannel(many[5]!), big, all), refresh: refresh200 });
    expect(cardProblems(own)).toEqual([]);
    expect(cardBytes(own)).toBeLessThanOrEqual(CHECKIN_CARD_BUDGET_BYTES);
  });
});

describe('the agenda card per viewer', () => {
  const agenda = value(publishAgenda(templateAgenda({ tenantId: T, meetingId: meeting.id }, (() => { let n = 0; return () => `s${++n}`; })()), '2030-01-20T08:00:00Z'));
  const view = { meeting, agenda, schedule: value(scheduleItems(agenda, meeting.start, meeting.end)), tabUrl: 'https://justera.example/tab' };
  const agendaRefresh: CardRefresh = { ...refresh, card: 'agendaCard' };

  test('the shared card has the refresh and every button; a member\'s own says how they answered', () => {
    const s = agendaCard({ ...view, refresh: agendaRefresh }, 'sv');
    expect((s.refresh as { action: { data: unknown } }).action.data).toEqual({ action: 'refreshCard', meetingId: 'm-1', card: 'agendaCard' });
    expect(buttons(s)).toEqual(expect.arrayContaining(['Föreslå punkt', 'Anmäl förhinder']));
    expect(t(s)).not.toContain('Din närvaro');
    const own = agendaCard({ ...view, refresh: agendaRefresh, viewer: viewerOf(inChannel(checkedIn), meeting, records) }, 'sv');
    expect(t(own)).toContain('Din närvaro: På plats');
    for (const c of [s, own]) {
      expect(cardProblems(c)).toEqual([]);
      expect(cardBytes(c)).toBeLessThanOrEqual(AGENDA_CARD_BUDGET_BYTES);
    }
  });

  test('a guest may send apologies and not propose an item', () => {
    const own = agendaCard({ ...view, viewer: viewerOf(inChannel(undefined, 'guest-1'), meeting, []) }, 'sv');
    expect(buttons(own)).toContain('Anmäl förhinder');
    expect(buttons(own)).not.toContain('Föreslå punkt');
  });
});

describe('the justering status card per viewer', () => {
  const justerare = [member('j-1', { name: 'Jonas Wåhlberg' }), member('j-2', { name: 'Frida Jolsgård' })];
  const secretary = member('s-1', { name: 'Maria Bring' });
  const content: MinutesContent = {
    ...structuredClone(imNatverket20211203),
    secretary: { kind: 'member', memberId: 's-1', name: 'Maria Bring' },
    justerare: justerare.map((j) => ({ kind: 'member' as const, memberId: j.id, name: j.name })),
  };
  const version: MinutesVersion = newVersion({ tenantId: T, networkId: N, meetingId: meeting.id, content, updatedAt: NOW }, 1, { memberId: 's-1', name: 'Maria Bring' }, NOW);
  const opts = { tabUrl: 'https://justera.example/tab', timeZone: 'Europe/Stockholm' };
  const jRefresh: CardRefresh = { meetingId: meeting.id, card: 'justeringCard', userIds: justeringAudience(meeting, version, [...justerare, secretary, plain]) };

  test('its refresh names the justerare still to answer; none once every one has', () => {
    expect(jRefresh.userIds).toEqual([mri('j-2'), mri('j-1')]);
    const oneApproved = approve(version, { memberId: 'j-1', name: 'Jonas Wåhlberg' }, NOW);
    expect(justeringAudience(meeting, oneApproved, justerare)).toEqual([mri('j-2')]);
    expect(justeringAudience(meeting, approve(oneApproved, { memberId: 'j-2', name: 'Frida Jolsgård' }, NOW), justerare)).toEqual([]);
  });

  test('a justerare still to answer sees Justera and Begär ändring; the secretary and a member only the status', () => {
    const cardFor = (a: Actor, v = version): AdaptiveCard => justeringStatusCard(v, { ...opts, refresh: jRefresh, answers: justeringAnswers(a, meeting, v) }, 'sv');
    const mine = cardFor(inChannel(justerare[0]));
    expect(buttons(mine)).toEqual(expect.arrayContaining(['Justera', 'Begär ändring', 'Hela protokollet i fliken']));
    expect(t(mine)).toContain('"verb":"approveMinutes"');
    for (const other of [secretary, plain]) {
      expect(buttons(cardFor(inChannel(other)))).not.toContain('Justera');
      expect(t(cardFor(inChannel(other)))).not.toContain('approveMinutes');
    }
    const afterwards = approve(version, { memberId: 'j-1', name: 'Jonas Wåhlberg' }, NOW);
    expect(t(cardFor(inChannel(justerare[0]), afterwards))).not.toContain('approveMinutes');
    const sharedCard = justeringStatusCard(version, { ...opts, refresh: jRefresh }, 'sv');
    expect(t(sharedCard)).not.toContain('approveMinutes');
    for (const c of [mine, sharedCard]) {
      expect(cardProblems(c)).toEqual([]);
      expect(cardBytes(c)).toBeLessThanOrEqual(JUSTERING_CARD_BUDGET_BYTES);
    }
  });
});
