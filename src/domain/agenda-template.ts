import {
  itemProblems,
  STANDARD_FRAME,
  STANDARD_PART,
  standardsInOrder,
  type AgendaItem,
  type AgendaProblem,
  type FramePart,
  type ItemKind,
  type StandardItem,
  type TemplateFrame,
  type TemplateItem,
} from './agenda';
import type { Person } from './meeting';

/**
 * A network's agenda template: the items every new agenda of the network starts with, before
 * the meeting's topics (opening) and after them (closing). The chair group edits it; an agenda
 * already started keeps what it has. The five standard items are always in it, in their order
 * and part (närvaro and föregående protokoll open, övriga frågor, nästa möte and avslutning
 * close), worded as the network likes; other items come and go.
 */
export interface AgendaTemplate extends TemplateFrame {
  tenantId: string;
  networkId: string;
  opening: TemplateItem[];
  closing: TemplateItem[];
  /** Who saved it last, and when (absent for the default, never saved). */
  updatedBy?: Person;
  updatedAt?: string;
}

/** What the chair group sends: the items of each part in order; an item without id is new. */
export interface TemplateItemInput {
  id?: string;
  title: string;
  durationMin: number;
  kind: ItemKind;
  description?: string;
  standard?: StandardItem;
}

/** Fixed items around the topics leave room for them within the agenda's limit. */
export const TEMPLATE_LIMITS = { items: 20 } as const;

/** How Swedish meetings usually open, before the standard items (content of the agenda, not UI text). */
const DEFAULT_OPENING: readonly Omit<TemplateItem, 'id'>[] = [
  { title: 'Mötets öppnande', durationMin: 2, kind: 'information', description: '' },
  { title: 'Val av justerare', durationMin: 2, kind: 'beslut', description: '' },
  { title: 'Godkännande av dagordningen', durationMin: 2, kind: 'beslut', description: '' },
];

/** The template of a network that has not saved one: the usual opening, then the standard items. */
export function defaultTemplate(tenantId: string, networkId: string): AgendaTemplate {
  return {
    tenantId,
    networkId,
    opening: [...DEFAULT_OPENING.map((t, n) => ({ id: `default-${n + 1}`, ...t })), ...STANDARD_FRAME.opening],
    closing: [...STANDARD_FRAME.closing],
  };
}

export type TemplateResult = { ok: true; value: AgendaTemplate } | { ok: false; problems: AgendaProblem[] };

/**
 * The template the chair group asked for, checked: every item against the agenda's item limits
 * (each problem at its item's id), at most TEMPLATE_LIMITS.items items, unique ids, and the
 * standard items each once, in order, in their part (`frame_broken` otherwise). Items without
 * an id get one from `ids`; text is tidied as in an agenda.
 */
export function buildTemplate(
  base: Pick<AgendaTemplate, 'tenantId' | 'networkId'>,
  input: { opening: readonly TemplateItemInput[]; closing: readonly TemplateItemInput[] },
  ids: () => string,
): TemplateResult {
  const item = (i: TemplateItemInput): TemplateItem => ({
    id: i.id ?? ids(),
    title: i.title.replace(/\s+/g, ' ').trim(),
    durationMin: i.durationMin,
    kind: i.kind,
    description: (i.description ?? '').replace(/\r\n?/g, '\n').trim(),
    ...(i.standard ? { standard: i.standard } : {}),
  });
  const template: AgendaTemplate = { ...base, opening: input.opening.map(item), closing: input.closing.map(item) };
  const problems = templateProblems(template);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: template };
}

/** Every problem of a template (see buildTemplate). */
export function templateProblems(template: TemplateFrame): AgendaProblem[] {
  const all = [...template.opening, ...template.closing];
  const problems = all.flatMap((t) => itemProblems(asAgendaItem(t)));
  if (all.length > TEMPLATE_LIMITS.items) problems.push({ code: 'template_too_many_items' });
  const seen = new Set<string>();
  for (const t of all) {
    if (seen.has(t.id)) problems.push({ code: 'duplicate_item_id', itemId: t.id });
    seen.add(t.id);
  }
  const inTheirPart = (part: FramePart, list: readonly TemplateItem[]): boolean => list.every((t) => !t.standard || STANDARD_PART[t.standard] === part);
  if (!standardsInOrder(all) || !inTheirPart('opening', template.opening) || !inTheirPart('closing', template.closing)) problems.push({ code: 'frame_broken' });
  return problems;
}

const asAgendaItem = (t: TemplateItem): AgendaItem => ({ id: t.id, title: t.title, durationMin: t.durationMin, kind: t.kind, description: t.description, links: [] });

