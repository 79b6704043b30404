import type { MinutesContent } from './minutes-model';

/** Why a named justerare cannot attest these minutes. */
export interface JusterareProblem {
  /** `justerare.N`: the N-th justerare (from 0). */
  field: string;
  code: 'justerare_is_secretary' | 'justerare_absent';
}

/**
 * Who may be named justerare: a member who attended the meeting (present on site or online in
 * the minutes' attendance), and never the secretary who wrote them. Justering is someone
 * else's word that the minutes say what happened, so an absent justerare is refused, not
 * warned (README: "Vem får göra vad / Who may do what").
 */
export function justerareProblems(c: Pick<MinutesContent, 'secretary' | 'justerare' | 'attendees'>): JusterareProblem[] {
  const secretaryId = c.secretary?.kind === 'member' ? c.secretary.memberId : undefined;
  const attended = new Set(c.attendees.filter((a) => a.status === 'onsite' || a.status === 'online').map((a) => a.id));
  const problems: JusterareProblem[] = [];
  c.justerare.forEach((j, i) => {
    const field = `justerare.${i}`;
    if (j.memberId === secretaryId) problems.push({ field, code: 'justerare_is_secretary' });
    else if (!attended.has(j.memberId)) problems.push({ field, code: 'justerare_absent' });
  });
  return problems;
}

/** The members the tab offers as justerare: those who attended, except the secretary. */
export function eligibleJusterare<T extends { id: string }>(members: readonly T[], c: Pick<MinutesContent, 'secretary' | 'attendees'>): T[] {
  return members.filter((m) => justerareProblems({ ...c, justerare: [{ kind: 'member', memberId: m.id, name: '' }] }).length === 0);
}
