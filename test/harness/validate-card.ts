// The adaptivecards package only loads in Node through its dist bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new (v: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Version: new (major: number, minor: number) => unknown;
};

/**
 * Problems the adaptivecards parser reports at version 1.5, plus what it does not check:
 * every Action.Execute has a verb and names its action in data.
 */
export function cardProblems(card: unknown): string[] {
  const ctx = new AC.SerializationContext(new AC.Version(1, 5));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  problems.push(...parsed.validateProperties().validationEvents.map((e) => e.message));
  walk(card, (node) => {
    if (node.type === 'Action.Execute') {
      const data = node.data as { action?: unknown } | undefined;
      if (typeof node.verb !== 'string' || !node.verb) problems.push('Action.Execute without a verb');
      if (typeof data?.action !== 'string') problems.push('Action.Execute without data.action');
    }
  });
  return problems;
}

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}
