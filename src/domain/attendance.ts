import { DEFAULT_MEMBER_ORGANISATIONS } from './municipality';
import { byNameSv, compareSv } from './sort';

export const ATTENDANCE_STATUSES = ['onsite', 'online', 'apologies'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface AttendanceRecord {
  tenantId: string;
  meetingId: string;
  personId: string;
  name: string;
  municipality: string;
  guest: boolean;
  status: AttendanceStatus;
  updatedAt: string;
}

export interface PresentPerson {
  name: string;
  status: 'onsite' | 'online';
  guest: boolean;
}

export interface MunicipalityGroup {
  municipality: string;
  people: PresentPerson[];
}

export interface AttendanceSummary {
  counts: Record<AttendanceStatus, number>;
  /** People present (on site or online), grouped by municipality; guests last. */
  groups: MunicipalityGroup[];
  guests: PresentPerson[];
  apologies: { name: string; municipality: string; guest: boolean }[];
  /** Which of the cooperation's member organisations has nobody present (Swedish order). */
  missingMunicipalities: string[];
}

/** Attendance in numbers and by organisation; `members` are the cooperation's member organisations. */
export function summarizeAttendance(
  records: readonly Pick<AttendanceRecord, 'name' | 'municipality' | 'guest' | 'status'>[],
  members: readonly string[] = DEFAULT_MEMBER_ORGANISATIONS,
): AttendanceSummary {
  const counts: Record<AttendanceStatus, number> = { onsite: 0, online: 0, apologies: 0 };
  const byMunicipality = new Map<string, PresentPerson[]>();
  const guests: PresentPerson[] = [];
  const apologies: AttendanceSummary['apologies'] = [];
  for (const r of records) {
    counts[r.status] += 1;
    if (r.status === 'apologies') {
      apologies.push({ name: r.name, municipality: r.municipality, guest: r.guest });
      continue;
    }
    const person: PresentPerson = { name: r.name, status: r.status, guest: r.guest };
    if (r.guest) {
      guests.push(person);
      continue;
    }
    const list = byMunicipality.get(r.municipality) ?? [];
    list.push(person);
    byMunicipality.set(r.municipality, list);
  }
  const groups = [...byMunicipality.entries()]
    .sort(([a], [b]) => compareSv(a, b))
    .map(([municipality, people]) => ({ municipality, people: people.sort(byNameSv) }));
  const represented = new Set(byMunicipality.keys());
  return {
    counts,
    groups,
    guests: guests.sort(byNameSv),
    apologies: apologies.sort(byNameSv),
    missingMunicipalities: inSwedishOrder(members).filter((m) => !represented.has(m)),
  };
}

/** The member organisations in Swedish order, sorted once per list (every check-in's answer asks). */
function inSwedishOrder(members: readonly string[]): readonly string[] {
  let sorted = SORTED_MEMBERS.get(members);
  if (!sorted) {
    sorted = [...members].sort(compareSv);
    SORTED_MEMBERS.set(members, sorted);
  }
  return sorted;
}

const SORTED_MEMBERS = new WeakMap<readonly string[], readonly string[]>();
