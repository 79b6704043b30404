import type { Role } from '../../../http/api-contract';
import type { Lang } from '../../strings';

/** The tab's words for members and their roles (sv/en). */
export interface MembersTabStrings {
  roles: {
    title: string;
    intro: string;
    readOnly: string;
    loading: string;
    name: Record<Role, string>;
    columns: { name: string; municipality: string; role: string };
    roleFor(name: string): string;
    changed(name: string, role: string): string;
    saving: string;
  };
}

const sv: MembersTabStrings = {
  roles: {
    title: 'Medlemmar och roller',
    intro: 'Ordförande, sekreterare och presidiet skriver dagordningen. Administratörer ändrar rollerna.',
    readOnly: 'Du kan se rollerna. Teamets ägare och administratörer ändrar dem.',
    loading: 'Hämtar medlemmarna …',
    name: { admin: 'Administratör', ordforande: 'Ordförande', sekreterare: 'Sekreterare', presidium: 'Presidiet', member: 'Medlem' },
    columns: { name: 'Namn', municipality: 'Kommun', role: 'Roll' },
    roleFor: (name) => `Roll för ${name}`,
    changed: (name, role) => `${name} har nu rollen ${role}.`,
    saving: 'Sparar rollen …',
  },
};

const en: MembersTabStrings = {
  roles: {
    title: 'Members and roles',
    intro: 'The chair, the secretary and the presidium write the agenda. Administrators change the roles.',
    readOnly: "You can see the roles. The team's owners and administrators change them.",
    loading: 'Loading the members …',
    name: { admin: 'Administrator', ordforande: 'Chair', sekreterare: 'Secretary', presidium: 'Presidium', member: 'Member' },
    columns: { name: 'Name', municipality: 'Municipality', role: 'Role' },
    roleFor: (name) => `Role of ${name}`,
    changed: (name, role) => `${name} now has the role ${role}.`,
    saving: 'Saving the role …',
  },
};

export const membersStrings: Readonly<Record<Lang, MembersTabStrings>> = { sv, en };
