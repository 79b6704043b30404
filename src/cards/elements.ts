/** Minimal typed building blocks for Adaptive Cards 1.5. Pure: no I/O, no state (but the sizes of shared parts, see `measured`). */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export interface CardElement {
  type: string;
  [key: string]: Json | undefined;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
  [key: string]: Json | undefined;
}

/** Card actions carry an explicit `action` in their data; the bot edge validates it. */
export type ActionData = { action: string } & { [key: string]: string | undefined };

export function card(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

type TextOptions = {
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Bolder' | 'Default';
  color?: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium';
};

/** Our own text (strings table, numbers). Never pass text a user wrote: use `userText`. */
export function text(value: string, opts: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...opts };
}

/** A run of text; `href` (an https address the markup parser accepted) makes it a link that opens on a click. */
export type Run = string | { text: string; bold?: boolean; subtle?: boolean; color?: TextOptions['color']; href?: string };

/**
 * Text that may contain what people typed. TextRuns are never read as markdown, and
 * Teams' {{DATE()}} substitution is broken up, so names and places show as written.
 */
export function userText(runs: Run[], opts: Omit<TextOptions, 'weight'> & { bold?: boolean } = {}): CardElement {
  const { bold, size, color, isSubtle, spacing } = opts;
  return {
    type: 'RichTextBlock',
    ...(spacing ? { spacing } : {}),
    inlines: runs.map((r) => {
      const run = typeof r === 'string' ? { text: r } : r;
      return {
        type: 'TextRun',
        text: neutralise(run.text),
        ...(run.bold || bold ? { weight: 'Bolder' } : {}),
        ...(run.subtle || isSubtle ? { isSubtle: true } : {}),
        ...(run.color || color ? { color: run.color ?? color } : {}),
        ...(size ? { size } : {}),
        ...(run.href ? { selectAction: { type: 'Action.OpenUrl', url: run.href } } : {}),
      };
    }),
  };
}

function neutralise(s: string): string {
  // Teams expands {{DATE(...)}} / {{TIME(...)}} even in plain runs; a zero-width joiner stops it.
  return s.replace(/\{\{/g, '{\u200D{');
}

export function execute(title: string, data: ActionData, opts: { style?: 'positive' | 'destructive'; id?: string } = {}): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb: data.action,
    data,
    associatedInputs: 'auto',
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.id ? { id: opts.id } : {}),
  };
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: CardElement[], spacing: 'Small' | 'Medium' = 'Medium'): CardElement {
  return { type: 'ActionSet', actions, spacing };
}

export function container(items: CardElement[], opts: { style?: 'emphasis' | 'good' | 'attention' | 'accent'; spacing?: 'Small' | 'Medium' | 'None' } = {}): CardElement {
  return { type: 'Container', items, ...opts };
}

/** Size of a card as Teams counts it: the UTF-8 JSON. */
export function cardBytes(c: AdaptiveCard): number {
  return utf8Length(JSON.stringify(c));
}

/**
 * Whether a card is within `budget` bytes; a JSON text of at most budget/3 UTF-16 units always is
 * (no unit takes more than 3 bytes in UTF-8). Parts of its body made once and shared by many cards
 * (`measured`) count with the size they were measured at, not serialised again.
 */
export function withinBytes(c: AdaptiveCard, budget: number): boolean {
  if (!c.body.some((e) => MEASURED.has(e))) {
    const json = JSON.stringify(c);
    return json.length * 3 <= budget || utf8Length(json) <= budget;
  }
  // The card's JSON is its own with an empty body plus each element of the body, comma-separated.
  let bytes = utf8Length(JSON.stringify({ ...c, body: [] })) + Math.max(0, c.body.length - 1);
  for (const e of c.body) bytes += MEASURED.get(e) ?? utf8Length(JSON.stringify(e));
  return bytes <= budget;
}

/**
 * A part of a card's body kept and shared by the cards built from the same state (a meeting's list
 * of names, say), measured once, so that checking a card's size (withinBytes) costs what the card's
 * own parts cost, not the shared ones. A measured part must not be changed.
 */
export function measured<T extends CardElement>(element: T): T {
  MEASURED.set(element, utf8Length(JSON.stringify(element)));
  return element;
}

const MEASURED = new WeakMap<object, number>();

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** What a card may weigh: Teams refuses messages over 28 KB. */
export const CARD_BUDGET_BYTES = 28 * 1024;

/**
 * The card built at the first of `steps` (fullest first) that stays within the budget, or at
 * the last step when none does. Steps are built only as far as needed.
 */
export function firstWithinBudget<T>(steps: readonly [T, ...T[]], build: (step: T) => AdaptiveCard): AdaptiveCard {
  let built = build(steps[0]);
  for (const step of steps.slice(1)) {
    if (withinBytes(built, CARD_BUDGET_BYTES)) break;
    built = build(step);
  }
  return built;
}
