import type { ActionItem, ActionOwner } from './minutes-model';

/** Who an action item is for: pure, without Node imports, so the tab bundles it too. */

/**
 * Whether an action item is a person's: they are one of its owners, a member of a named group
 * that owns it, or hold a role that owns it ("presidiet": any of the chair group).
 */
export function ownsAction(action: ActionItem, personId: string, roles: ReadonlySet<string>): boolean {
  return action.owners.some((o) => {
    switch (o.kind) {
      case 'member':
        return o.memberId === personId;
      case 'named':
        return false;
      case 'group':
        return o.members.some((m) => m.memberId === personId);
      case 'role':
        return o.role === 'presidium' ? ['presidium', 'ordforande', 'sekreterare'].some((r) => roles.has(r)) : roles.has(o.role);
    }
  });
}

/** The owners as one line: "Maria Bring, presidiet". */
export function ownersText(owners: readonly ActionOwner[]): string {
  return owners.map((o) => o.name).join(', ');
}
