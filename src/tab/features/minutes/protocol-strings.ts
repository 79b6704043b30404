import type { MinutesAttendanceStatus, MinutesKind, ItemNumbering, OwnerRole } from '../../../domain/minutes-model';

/**
 * The minutes editor's words for the protocol model (issue 10): the people's role and attendance,
 * the chair, the record's kind, numbering, rounds, several owners and the body's markup. Beside
 * the feature, chosen by the tab's language.
 */
export interface ProtocolModelStrings {
  status: Record<MinutesAttendanceStatus, string>;
  organisation: string;
  role: string;
  leftAt: string;
  left(time: string): string;
  othersPresent: string;
  chair: string;
  kind: Record<MinutesKind, string>;
  /** What the kind means for approval, shown under the title. */
  kindHint: Record<MinutesKind, string>;
  numbering: string;
  numberings: Record<ItemNumbering, string>;
  round: string;
  questions: string;
  responses: string;
  presenters: string;
  presentersHint: string;
  owners: string;
  ownerRoles: Record<OwnerRole, string>;
  groupName: string;
  markupHelp: string;
  noTime: string;
}

const SV: ProtocolModelStrings = {
  status: { onsite: 'På plats', online: 'Digitalt', apologies: 'Anmält förhinder', absent: 'Frånvarande' },
  organisation: 'Organisation',
  role: 'Roll eller titel',
  leftAt: 'Gick (TT:MM)',
  left: (time) => `gick ${time}`,
  othersPresent: 'Övrig närvarande (inte medlem)',
  chair: 'Ordförande',
  kind: { protokoll: 'Protokoll', minnesanteckningar: 'Minnesanteckningar' },
  kindHint: {
    protokoll: 'Nätverket för protokoll: justerarna justerar dem.',
    minnesanteckningar: 'Nätverket för minnesanteckningar: sekreteraren eller ordföranden godkänner dem, utan justerare.',
  },
  numbering: 'Punkterna',
  numberings: { numbered: 'Numrerade punkter', sections: 'Rubriker utan nummer' },
  round: 'Runda (incheckning, utcheckning, laget runt)',
  questions: 'Frågor, en per rad',
  responses: 'Vad som sades, en per rad: Namn: svar',
  presenters: 'Föredragande',
  presentersHint: 'Namn, med kommatecken emellan',
  owners: 'Fler ansvariga',
  ownerRoles: { presidium: 'presidiet', ordforande: 'ordföranden', sekreterare: 'sekreteraren' },
  groupName: 'Grupp',
  markupHelp: 'Tom rad: nytt stycke. ## Rubrik. * eller - : punktlista. 1. : numrerad lista. [text](https://…) : länk.',
  noTime: 'Tid ej angiven',
};

const EN: ProtocolModelStrings = {
  status: { onsite: 'On site', online: 'Online', apologies: 'Apologies', absent: 'Absent' },
  organisation: 'Organisation',
  role: 'Role or title',
  leftAt: 'Left (HH:MM)',
  left: (time) => `left ${time}`,
  othersPresent: 'Also present (not a member)',
  chair: 'Chair',
  kind: { protokoll: 'Minutes', minnesanteckningar: 'Notes' },
  kindHint: {
    protokoll: 'The network keeps minutes: the approvers approve them.',
    minnesanteckningar: 'The network keeps notes: the secretary or the chair approves them, without approvers.',
  },
  numbering: 'Items',
  numberings: { numbered: 'Numbered items', sections: 'Headings without numbers' },
  round: 'Round (check-in, check-out, round table)',
  questions: 'Questions, one a line',
  responses: 'What was said, one a line: Name: answer',
  presenters: 'Presenters',
  presentersHint: 'Names, separated by commas',
  owners: 'More owners',
  ownerRoles: { presidium: 'the presidium', ordforande: 'the chair', sekreterare: 'the secretary' },
  groupName: 'Group',
  markupHelp: 'Blank line: new paragraph. ## Heading. * or - : bulleted list. 1. : numbered list. [text](https://…) : link.',
  noTime: 'Time not given',
};

export function protocolModelStrings(lang: 'sv' | 'en'): ProtocolModelStrings {
  return lang === 'en' ? EN : SV;
}
