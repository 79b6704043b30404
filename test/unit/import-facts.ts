import type { ProtokollDocument } from '../../src/domain/import/protokoll';

/**
 * The facts of each fixture protocol, written by hand from reading them, and a scorer that
 * counts what the reader found, missed and invented. Names, titles and places compare with
 * accents folded (the reader gives a name as written when nobody is known to repair it);
 * organisations compare exactly (they are known, so a damaged one must be read as the right one).
 */

export interface ExpectedFacts {
  /** null: the protocol states no date, and none may be invented. */
  date: string | null;
  place?: string;
  attendees: { name: string; organisation?: string; role?: string }[];
  justerare: string[];
  chair?: string;
  secretary?: string;
  items: { number: string; title: string }[];
  decisions: { item: string; contains: string }[];
  actions: { item: string; owners: string[]; contains: string }[];
  tabled: string[];
  rounds: { item: string; speakers: string[] }[];
  nextMeetings: { date: string; place?: string }[];
  links: string[];
}

const IM_2021_NAMES = [
  'Anna Dahlson', 'Maria Bring', 'Jonas Wåhlberg', 'Frida Jolsgård', 'Daniel Ekman', 'Anne-Cathrine Gunnerek', 'Susanne Schiller-Harvey',
  'Malin Olsson', 'Fredrik Lindström', 'Camilla Lindberg', 'Annelie Alm', 'Harald Lundqvist', 'Maria Appelgren',
];
const IM_2022_NAMES = ['Maria Bring', 'Jonas Wåhlberg', 'Daniel Ekman', 'Frida Jolsgård', 'Malin Olsson', 'Ci Olofsson', 'Fredrik Lindström', 'Maria Lundin', 'Anki Gunnerek'];

export const FIXTURES: Record<string, { file: string; header: string; names: string[]; facts: ExpectedFacts }> = {
  'im-2021': {
    file: 'im-natverket-2021-12-03.txt',
    header: 'Utbildning Skaraborg – IM-nätverket, minnesanteckningar',
    names: IM_2021_NAMES,
    facts: {
      date: '2021-12-03',
      attendees: IM_2021_NAMES.map((name) => ({ name })),
      justerare: ['Jonas Wåhlberg'],
      items: [
        { number: '1', title: 'Närvaro/deltagarlista' },
        { number: '2', title: 'Föregående protokoll' },
        { number: '3', title: 'Projekt Kraftsamling' },
        { number: '4', title: 'Uppföljning med skolcheferna' },
        { number: '5', title: 'Projekt Överlämning' },
        { number: '6', title: 'Utvärderingar' },
        { number: '7', title: 'Utbildning Skaraborg' },
        { number: '8', title: 'Datum för vårens möten' },
        { number: '9', title: 'Övriga frågor' },
        { number: '10', title: 'Avslutning' },
      ],
      decisions: [
        { item: '5', contains: 'säger ja till fråga 1' },
        { item: '6', contains: 'måndag v.48' },
      ],
      actions: [
        { item: '3', owners: ['Camilla Lindberg'], contains: 'skickar presentationen' },
        { item: '3', owners: ['Jonas Wåhlberg'], contains: 'lägger upp' },
        { item: '4', owners: ['Annelie Alm', 'Maria Appelgren', 'Harald Lundqvist'], contains: 'följer upp' },
        { item: '5', owners: ['Camilla Stensson'], contains: 'återkopplar' },
      ],
      tabled: [],
      rounds: [],
      nextMeetings: [
        { date: '2022-02-04', place: 'Falköping' },
        { date: '2022-04-08', place: 'Karlsborg' },
        { date: '2022-06-03', place: 'Mariestad' },
      ],
      links: [],
    },
  },
  'im-2022': {
    file: 'im-natverket-2022-06-03-mariestad.txt',
    header: 'IM-nätverket Skaraborg 2022',
    names: IM_2022_NAMES,
    facts: {
      date: '2022-06-03',
      place: 'Mariestad',
      attendees: IM_2022_NAMES.map((name) => ({
        name,
        ...({ 'Daniel Ekman': { organisation: 'Lidköping' }, 'Maria Lundin': { organisation: 'Tibro' }, 'Anki Gunnerek': { organisation: 'Skövde' } } as Record<string, { organisation: string }>)[name],
      })),
      justerare: ['Jonas Wåhlberg'],
      items: [
        { number: '1', title: 'Närvaro/deltagarlista' },
        { number: '2', title: 'Föregående protokoll' },
        { number: '3', title: 'K-dag 28/11' },
        { number: '4', title: 'IM-prove' },
        { number: '5', title: 'Uppdatering av uppdragsbeskrivningen' },
        { number: '6', title: 'Övriga frågor' },
        { number: '7', title: 'Nästkommande möte' },
        { number: '8', title: 'Avslutning' },
      ],
      decisions: [],
      actions: [
        { item: '4', owners: ['Arbetsgruppen för K-dagen'], contains: 'bjuda in politiker' },
        { item: '4', owners: ['Frida Jolsgård'], contains: 'tar med sig tanken' },
        { item: '7', owners: ['Presidiet'], contains: 'tar ett beslut' },
      ],
      tabled: ['5'],
      rounds: [{ item: '5', speakers: ['Tidaholm', 'Mariestad', 'Lidköping', 'Töreboda', 'Falköping', 'Skövde'] }],
      nextMeetings: [{ date: '2022-09-02', place: 'Ällebergsgymnasiet Falköping' }, { date: '2022-10-21' }, { date: '2022-12-09' }],
      links: [],
    },
  },
  gymnasie: {
    file: 'gymnasienatverk-dagordning-2022.txt',
    header: 'Gymnasienätverket Skaraborg',
    names: [],
    facts: {
      date: null,
      attendees: [],
      justerare: [],
      items: [
        { number: '1', title: 'Uppföljning av skolchefsuppdrag' },
        { number: '2', title: 'Utvärdering Nätverksdagen' },
        { number: '3', title: 'Laget runt' },
        { number: '4', title: 'Hot och våld' },
        { number: '5', title: 'Planering student' },
        { number: '6', title: 'Nästa möte' },
      ],
      decisions: [{ item: '6', contains: 'Nästa möte beslutades' }],
      actions: [
        { item: '1', owners: ['Andre'], contains: 'fick i uppdrag' },
        { item: '1', owners: ['Andre'], contains: 'återkommer' },
        { item: '2', owners: ['Varje medlem i nätverket'], contains: 'diskutera' },
      ],
      tabled: [],
      rounds: [{ item: '3', speakers: [] }],
      nextMeetings: [{ date: '2022-03-18', place: 'Rudbecksgymnasiet' }],
      links: [],
    },
  },
};

export interface Score {
  found: number;
  missed: string[];
  invented: string[];
  total: number;
}

/** Accents, case and spacing folded; "é" and "ä" and "a" alike (what OCR confuses). */
export function loose(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * For what a reader can only give as written (titles, places, people nobody knows): equal when
 * the written text is what OCR makes of the truth (å, ä, ö read as a, e, o, é, 6; i as 1).
 */
export function ocrLoose(s: string): string {
  return loose(s.replace(/6/g, 'o').replace(/1/g, 'i')).replace(/[aeo]/g, 'a');
}

export function score(doc: ProtokollDocument, facts: ExpectedFacts): Score {
  let found = 0;
  const missed: string[] = [];
  const invented: string[] = [];
  const check = (ok: boolean, label: string): void => {
    if (ok) found++;
    else missed.push(label);
  };
  // Date.
  if (facts.date === null) {
    check(doc.date === undefined, 'no date stated');
    if (doc.date !== undefined) invented.push(`date ${doc.date}`);
  } else {
    check(doc.date === facts.date, `date ${facts.date}`);
    if (doc.date !== undefined && doc.date !== facts.date) invented.push(`date ${doc.date}`);
  }
  if (facts.place) check(ocrLoose(doc.place ?? '') === ocrLoose(facts.place), `place ${facts.place}`);
  // Attendees, their organisations and roles.
  const people = [...doc.attendees, ...doc.othersPresent];
  for (const a of facts.attendees) {
    const got = people.find((p) => loose(p.name) === loose(a.name));
    check(got !== undefined, `attendee ${a.name}`);
    if (a.organisation) check(got?.organisation === a.organisation, `organisation of ${a.name}: ${a.organisation} (read ${got?.organisation ?? 'none'})`);
    if (got?.organisation && got.organisation !== a.organisation) invented.push(`organisation of ${a.name}: ${got.organisation}`);
    if (a.role) check(loose(got?.role ?? '') === loose(a.role), `role of ${a.name}: ${a.role}`);
    if (got?.role && !a.role) invented.push(`role of ${a.name}: ${got.role}`);
  }
  for (const p of people) if (!facts.attendees.some((a) => loose(a.name) === loose(p.name))) invented.push(`attendee ${p.name}`);
  // Roles.
  for (const j of facts.justerare) check(doc.justerare.some((x) => loose(x.name) === loose(j)), `justerare ${j}`);
  for (const x of doc.justerare) if (!facts.justerare.some((j) => loose(j) === loose(x.name))) invented.push(`justerare ${x.name}`);
  for (const role of ['chair', 'secretary'] as const) {
    const want = facts[role];
    const got = doc[role]?.name;
    if (want) check(loose(got ?? '') === loose(want), `${role} ${want}`);
    if (got && (!want || loose(got) !== loose(want))) invented.push(`${role} ${got}`);
  }
  // Items.
  const itemOf = (n: string) => doc.items.find((i) => i.number === n);
  for (const it of facts.items) check(ocrLoose(itemOf(it.number)?.title ?? '').startsWith(ocrLoose(it.title)), `item ${it.number} ${it.title}`);
  for (const i of doc.items) if (!facts.items.some((it) => it.number === i.number)) invented.push(`item ${i.number ?? ''} ${i.title}`);
  // Decisions.
  for (const d of facts.decisions) check((itemOf(d.item)?.decisions ?? []).some((x) => ocrLoose(x).includes(ocrLoose(d.contains))), `decision in ${d.item}: ${d.contains}`);
  for (const i of doc.items) for (const x of i.decisions) if (!facts.decisions.some((d) => d.item === i.number && ocrLoose(x).includes(ocrLoose(d.contains)))) invented.push(`decision in ${i.number ?? ''}: ${x}`);
  // Action items with owners.
  const ownerNames = (a: { owners: { name: string }[] }): string => a.owners.map((o) => ocrLoose(o.name)).sort().join(' + ');
  for (const a of facts.actions) {
    const want = a.owners.map(ocrLoose).sort().join(' + ');
    check((itemOf(a.item)?.actions ?? []).some((x) => ocrLoose(x.text).includes(ocrLoose(a.contains)) && ownerNames(x) === want), `action in ${a.item}: ${a.owners.join(', ')}: ${a.contains}`);
  }
  for (const i of doc.items) {
    for (const x of i.actions) {
      const match = facts.actions.find((a) => a.item === i.number && ocrLoose(x.text).includes(ocrLoose(a.contains)));
      if (!match || ownerNames(x) !== match.owners.map(ocrLoose).sort().join(' + ')) invented.push(`action in ${i.number ?? ''}: ${ownerNames(x)}: ${x.text}`);
    }
  }
  // Tabled items and rounds.
  for (const t of facts.tabled) check(itemOf(t)?.tabled === true, `tabled ${t}`);
  for (const i of doc.items) if (i.tabled && !facts.tabled.includes(i.number ?? '')) invented.push(`tabled ${i.number ?? ''}`);
  for (const r of facts.rounds) {
    const got = itemOf(r.item)?.round;
    check(got !== undefined, `round ${r.item}`);
    for (const s of r.speakers) check((got?.responses ?? []).some((x) => loose(x.speaker) === loose(s)), `round ${r.item} speaker ${s}`);
  }
  for (const i of doc.items) {
    const want = facts.rounds.find((r) => r.item === i.number);
    if (i.round && !want) invented.push(`round ${i.number ?? ''}`);
    for (const x of i.round?.responses ?? []) if (!want?.speakers.some((s) => loose(s) === loose(x.speaker))) invented.push(`round ${i.number ?? ''} speaker ${x.speaker}`);
  }
  // Next meetings.
  for (const n of facts.nextMeetings) {
    const got = doc.nextMeetings.find((m) => m.date === n.date);
    check(got !== undefined, `next meeting ${n.date}`);
    if (n.place) check(ocrLoose(got?.place ?? '').includes(ocrLoose(n.place)), `next meeting ${n.date} place ${n.place}`);
  }
  for (const m of doc.nextMeetings) if (!facts.nextMeetings.some((n) => n.date === m.date)) invented.push(`next meeting ${m.date}`);
  // Links.
  for (const l of facts.links) check(doc.links.some((x) => x.url === l), `link ${l}`);
  for (const l of doc.links) if (!facts.links.includes(l.url)) invented.push(`link ${l.url}`);
  return { found, missed, invented, total: found + missed.length };
}
