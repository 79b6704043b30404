import type { Locale } from '../domain/meeting';

/**
 * The public-sector documents the service serves and the Teams manifest links to: the privacy
 * notice (integritetsmeddelande, /privacy), the accessibility statement (tillgänglighets-
 * redogörelse, /accessibility, after DIGG's model) and the terms of use (/terms). Swedish first;
 * English with `?lang=en` or a browser asking for English. Who answers for the data and where
 * to reach them are settings (DATA_CONTROLLER, PRIVACY_CONTACT, DPO_CONTACT,
 * ACCESSIBILITY_CONTACT): nothing here invents an address.
 */

export interface LegalSettings {
  /** Personuppgiftsansvarig: the organisation that runs Justera. */
  controller: string;
  /** Where to ask about personal data or use one's rights: an e-mail address or an https URL. */
  privacyContact?: string;
  /** The controller's data protection officer (dataskyddsombud): e-mail or URL. */
  dpoContact?: string;
  /** Where to report accessibility problems: e-mail or URL (else the privacy contact). */
  accessibilityContact?: string;
}

/** When the texts of the statements were last revised (the accessibility statement must say). */
export const STATEMENTS_REVISED = '2026-12-07';

/** Supervisory authorities: public addresses of Swedish authorities, not settings. */
const IMY = 'https://www.imy.se';
const DIGG = 'https://www.digg.se';

type Block = string | { list: string[] };
interface Section {
  heading: string;
  blocks: Block[];
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const link = (href: string, text = href): string => `<a href="${esc(href)}">${esc(text)}</a>`;

/** A contact setting as a link: mailto for an e-mail address, else the URL. */
function contact(value: string): string {
  return /^[^@\s]+@[^@\s]+$/.test(value) ? link(`mailto:${value}`, value) : link(value);
}

function page(locale: Locale, title: string, intro: string, sections: readonly Section[], path: string): string {
  const other = locale === 'sv' ? `<p lang="en">${link(`${path}?lang=en`, 'Read in English')}</p>` : `<p lang="sv">${link(`${path}?lang=sv`, 'Läs på svenska')}</p>`;
  const nav =
    locale === 'sv'
      ? `${link('/privacy', 'Integritetsmeddelande')} · ${link('/accessibility', 'Tillgänglighetsredogörelse')} · ${link('/terms', 'Användarvillkor')}`
      : `${link('/privacy?lang=en', 'Privacy notice')} · ${link('/accessibility?lang=en', 'Accessibility statement')} · ${link('/terms?lang=en', 'Terms of use')}`;
  const body = sections
    .map((s) => `<h2>${s.heading}</h2>${s.blocks.map((b) => (typeof b === 'string' ? `<p>${b}</p>` : `<ul>${b.list.map((i) => `<li>${i}</li>`).join('')}</ul>`)).join('')}`)
    .join('');
  return (
    `<!doctype html><html lang="${locale === 'sv' ? 'sv' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title} – Justera</title><style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b;background:#fff}a{color:#0b57a4}h2{margin-top:2rem}</style>` +
    `</head><body><main><h1>${title}</h1>${other}<p>${intro}</p>${body}</main><footer><p>${nav}</p></footer></body></html>`
  );
}

function howToReach(s: LegalSettings, locale: Locale): string {
  if (s.privacyContact) return locale === 'sv' ? `Kontakta ${esc(s.controller)}: ${contact(s.privacyContact)}.` : `Contact ${esc(s.controller)}: ${contact(s.privacyContact)}.`;
  return locale === 'sv'
    ? `Kontakta ${esc(s.controller)} genom dess registratur eller kundtjänst.`
    : `Contact ${esc(s.controller)} through its registry or customer service.`;
}

export function privacyPage(s: LegalSettings, locale: Locale): string {
  const controller = esc(s.controller);
  const dpo = s.dpoContact ? contact(s.dpoContact) : undefined;
  if (locale === 'en') {
    return page('en', 'Privacy notice', `Justera supports the school networks of the cooperation: their meetings, attendance, agendas and minutes, in Microsoft Teams. This notice says which personal data it processes, why, for how long, and what your rights are.`, [
      { heading: 'Controller', blocks: [`${controller} is the controller (personuppgiftsansvarig). ${howToReach(s, 'en')}${dpo ? ` Data protection officer: ${dpo}.` : ''}`] },
      {
        heading: 'Legal basis',
        blocks: [
          'The processing is necessary for a task carried out in the public interest and in the exercise of official authority vested in the controller (GDPR art. 6(1)(e), with the Swedish Data Protection Act 2018:218, ch. 2 s. 2): the municipalities\' cooperation on schools, its networks and their records.',
          'Minutes are kept because public bodies must keep records: approved minutes are public documents (allmänna handlingar) under the Freedom of the Press Act (TF ch. 2), handled under the Public Access to Information and Secrecy Act (OSL 2009:400) and kept under the Archives Act (1990:782).',
        ],
      },
      {
        heading: 'What is processed',
        blocks: [
          {
            list: [
              "Members: name, e-mail address, Microsoft Entra and Teams user ids, municipality (derived from the e-mail address, which you may correct), role in the network, whether you own the team, when you left it.",
              'Meetings: date, time, place, form, who created them.',
              'Attendance: for each meeting whether you attend on site, online or sent apologies, and when you said so.',
              'Agendas and proposals: items, presenters, who proposed an item and the chair group\'s decision.',
              'Minutes: attendees, secretary, justerare, presenters, action items and their owners, approvals and change requests with their time.',
              'Delivery of cards in Teams (including reminders to you) and operational logs (requests without their content).',
            ],
          },
        ],
      },
      {
        heading: 'How long it is kept',
        blocks: [
          {
            list: [
              'Approved minutes, with the attendance and names they contain, are public documents: kept or disposed of under the Archives Act and the controller\'s records management plan, never altered.',
              'Membership: while you are in the network\'s team; after you leave it is marked as left (so past attendance still reads right) until an admin erases it.',
              'Attendance, agendas, proposals and drafts: with the meeting; what is not part of approved minutes can be erased on request.',
              'Operational logs: as set for the hosting environment (30 days by default). Backups of the state: as long as the controller\'s backup routine keeps them; an erasure reaches a backup when it is replaced.',
            ],
          },
        ],
      },
      {
        heading: 'Processors and where the data is',
        blocks: [
          'Microsoft processes the data as the controller\'s processor (Microsoft Products and Services Data Protection Addendum): Microsoft 365 (Teams, SharePoint, Microsoft Entra ID) and Azure (App Service, Table Storage, Application Insights). The data is stored in the Azure region the controller chose (Sweden Central is recommended). Nothing is sold or used for other purposes.',
        ],
      },
      {
        heading: 'Your rights',
        blocks: [
          {
            list: [
              'Access to your data and a copy of it (art. 15): the network\'s admins can take out everything stored about you.',
              'Rectification (art. 16): you correct your municipality yourself with “@Justera kommun &lt;name&gt;”; ask the secretary or an admin for anything else.',
              'Erasure (art. 17) and restriction (art. 18), except what must be kept: approved minutes are public documents and are not altered.',
              'Objection (art. 21) to processing based on public interest.',
            ],
          },
          `${howToReach(s, 'en')} You get an answer within a month.`,
        ],
      },
      {
        heading: 'Complaints',
        blocks: [`If you think your data is processed wrongly, you may complain to the supervisory authority, the Swedish Authority for Privacy Protection (Integritetsskyddsmyndigheten, IMY): ${link(IMY)}.`],
      },
    ], '/privacy');
  }
  return page('sv', 'Integritetsmeddelande', 'Justera är ett stöd för samverkansorganisationens skolnätverk: träffar, närvaro, dagordningar och protokoll i Microsoft Teams. Här står vilka personuppgifter appen behandlar, varför, hur länge och vilka rättigheter du har.', [
    { heading: 'Personuppgiftsansvarig', blocks: [`${controller} är personuppgiftsansvarig. ${howToReach(s, 'sv')}${dpo ? ` Dataskyddsombud: ${dpo}.` : ''}`] },
    {
      heading: 'Rättslig grund',
      blocks: [
        'Behandlingen är nödvändig för att utföra en uppgift av allmänt intresse och som ett led i myndighetsutövning (dataskyddsförordningen artikel 6.1 e, med dataskyddslagen 2018:218, 2 kap. 2 §): kommunernas samverkan om skolan, dess nätverk och deras protokoll.',
        'Protokollen sparas eftersom offentliga organ ska dokumentera sin verksamhet: justerade protokoll är allmänna handlingar enligt tryckfrihetsförordningen (2 kap.), hanteras enligt offentlighets- och sekretesslagen (2009:400) och bevaras enligt arkivlagen (1990:782).',
      ],
    },
    {
      heading: 'Vilka uppgifter som behandlas',
      blocks: [
        {
          list: [
            'Medlemmar: namn, e-postadress, användar-id i Microsoft Entra och Teams, kommun (härledd ur e-postadressen, som du kan rätta), roll i nätverket, om du äger teamet och när du lämnade det.',
            'Träffar: datum, tid, plats, form och vem som skapade dem.',
            'Närvaro: för varje träff om du deltar på plats, digitalt eller har anmält förhinder, och när du anmälde det.',
            'Dagordningar och förslag: punkter, föredragande, vem som föreslog en punkt och presidiets beslut.',
            'Protokoll: närvarande, sekreterare, justerare, föredragande, uppdrag och vem som har dem, justeringar och ändringsönskemål med tidpunkt.',
            'Leverans av kort i Teams (också påminnelser till dig) och driftloggar (anrop utan innehåll).',
          ],
        },
      ],
    },
    {
      heading: 'Hur länge uppgifterna sparas',
      blocks: [
        {
          list: [
            'Justerade protokoll, med närvaro och namn i dem, är allmänna handlingar: de bevaras eller gallras enligt arkivlagen och den personuppgiftsansvariges dokumenthanteringsplan och ändras aldrig.',
            'Medlemskap: så länge du är med i nätverkets team; när du har lämnat markeras det som avslutat (så att tidigare närvaro fortfarande stämmer) tills en administratör raderar det.',
            'Närvaro, dagordningar, förslag och utkast: så länge träffen finns; det som inte ingår i ett justerat protokoll kan raderas på begäran.',
            'Driftloggar: så länge driftmiljön är inställd att spara dem (30 dagar som standard). Säkerhetskopior: så länge den personuppgiftsansvariges rutin sparar dem; en radering når en säkerhetskopia när den ersätts.',
          ],
        },
      ],
    },
    {
      heading: 'Personuppgiftsbiträden och var uppgifterna finns',
      blocks: [
        'Microsoft behandlar uppgifterna som personuppgiftsbiträde (Microsofts dataskyddstillägg, Data Protection Addendum): Microsoft 365 (Teams, SharePoint, Microsoft Entra ID) och Azure (App Service, Table Storage, Application Insights). Uppgifterna lagras i den Azure-region som den personuppgiftsansvarige har valt (Sweden Central rekommenderas). Inget säljs eller används för andra ändamål.',
      ],
    },
    {
      heading: 'Dina rättigheter',
      blocks: [
        {
          list: [
            'Att få veta vilka uppgifter som finns om dig och få en kopia (artikel 15): nätverkets administratörer kan ta ut allt som sparats om dig.',
            'Att få fel rättade (artikel 16): kommunen rättar du själv med ”@Justera kommun &lt;namn&gt;”; be sekreteraren eller en administratör om annat.',
            'Att få uppgifter raderade (artikel 17) eller behandlingen begränsad (artikel 18), utom det som måste bevaras: justerade protokoll är allmänna handlingar och ändras inte.',
            'Att invända mot behandling som grundas på allmänt intresse (artikel 21).',
          ],
        },
        `${howToReach(s, 'sv')} Du får svar inom en månad.`,
      ],
    },
    {
      heading: 'Klagomål',
      blocks: [`Om du anser att dina uppgifter behandlas felaktigt kan du klaga hos tillsynsmyndigheten Integritetsskyddsmyndigheten (IMY): ${link(IMY)}.`],
    },
  ], '/privacy');
}

export function accessibilityPage(s: LegalSettings, locale: Locale): string {
  const controller = esc(s.controller);
  const report = s.accessibilityContact ?? s.privacyContact;
  if (locale === 'en') {
    return page('en', 'Accessibility statement', `${controller} is responsible for Justera, its tab in Microsoft Teams, its cards and the documents it produces. We want as many people as possible to be able to use it. This statement describes how Justera meets the Swedish Act on accessibility to digital public services (2018:1937), known gaps, and how to report problems to us.`, [
      { heading: 'Compliance status', blocks: ['Justera is <strong>partially compliant</strong> with WCAG 2.1 level AA (EN 301 549), because of the gaps described below.'] },
      {
        heading: 'Content that is not accessible',
        blocks: [
          {
            list: [
              'The cards in Teams channels and chats are drawn by Microsoft Teams from Adaptive Cards: their contrast, focus order and screen reader output follow the Teams client and cannot be fully controlled by Justera.',
              'Older minutes that were scanned before they were imported may lack a text layer or hold OCR errors. Documents published before 23 September 2018 are outside the law\'s scope; on request we provide them in an accessible form.',
              'The tab has not yet been audited against every WCAG 2.1 AA success criterion; shortcomings may remain where this statement says nothing.',
            ],
          },
        ],
      },
      {
        heading: 'Report accessibility problems',
        blocks: [
          report
            ? `If you find something you cannot use, or need content in another form, tell us: ${contact(report)}.`
            : `If you find something you cannot use, or need content in another form, contact ${controller} through its registry or customer service.`,
        ],
      },
      {
        heading: 'Enforcement',
        blocks: [`The Agency for Digital Government (Myndigheten för digital förvaltning, DIGG) supervises the Act on accessibility to digital public services. If you are not satisfied with how we handle your report, you may report it to DIGG: ${link(DIGG)}.`],
      },
      {
        heading: 'How we assessed Justera',
        blocks: [`Self-assessment by ${controller}: the tab built with Fluent UI (accessible components), language marked on every page, approved minutes as tagged PDF (with language and reading order) and as DOCX. This statement was last revised on ${STATEMENTS_REVISED}.`],
      },
    ], '/accessibility');
  }
  return page('sv', 'Tillgänglighetsredogörelse', `${controller} står bakom Justera: fliken i Microsoft Teams, korten och de dokument appen skapar. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Justera uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem till oss.`, [
    { heading: 'Hur tillgänglig är tjänsten?', blocks: ['Justera är <strong>delvis förenlig</strong> med WCAG 2.1 nivå AA (EN 301 549), på grund av de brister som beskrivs nedan.'] },
    {
      heading: 'Innehåll som inte är tillgängligt',
      blocks: [
        {
          list: [
            'Korten i Teams kanaler och chattar ritas av Microsoft Teams utifrån Adaptive Cards: kontrast, fokusordning och uppläsning följer Teams-klienten och kan inte helt styras av Justera.',
            'Äldre protokoll som skannades innan de importerades kan sakna textlager eller innehålla tolkningsfel. Dokument som publicerades före den 23 september 2018 omfattas inte av lagen; på begäran tar vi fram dem i tillgänglig form.',
            'Fliken har ännu inte granskats mot alla framgångskriterier i WCAG 2.1 AA; brister kan finnas där redogörelsen inte nämner dem.',
          ],
        },
      ],
    },
    {
      heading: 'Rapportera brister i tillgänglighet',
      blocks: [
        report
          ? `Om du upptäcker något du inte kan använda, eller behöver innehållet i en annan form, meddela oss: ${contact(report)}.`
          : `Om du upptäcker något du inte kan använda, eller behöver innehållet i en annan form, kontakta ${controller} genom dess registratur eller kundtjänst.`,
      ],
    },
    {
      heading: 'Tillsyn',
      blocks: [`Myndigheten för digital förvaltning (DIGG) har tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till DIGG: ${link(DIGG)}.`],
    },
    {
      heading: 'Hur vi testat tjänsten',
      blocks: [`Egen bedömning av ${controller}: fliken byggd med Fluent UI (tillgängliga komponenter), språket angivet på varje sida, justerade protokoll som taggad PDF (med språk och läsordning) och som DOCX. Redogörelsen uppdaterades senast ${STATEMENTS_REVISED}.`],
    },
  ], '/accessibility');
}

export function termsPage(s: LegalSettings, locale: Locale): string {
  const controller = esc(s.controller);
  if (locale === 'en') {
    return page('en', 'Terms of use', `Justera is provided by ${controller}.`, [
      {
        heading: 'Use',
        blocks: [
          'Justera supports the school networks\' meetings, attendance and minutes. Members of the networks\' teams may use it in their work.',
          'Approved minutes are public documents and are not changed afterwards without a new version being approved.',
        ],
      },
    ], '/terms');
  }
  return page('sv', 'Användarvillkor', `Justera tillhandahålls av ${controller}.`, [
    {
      heading: 'Användning',
      blocks: [
        'Justera är ett stöd för skolnätverkens träffar, närvaro och protokoll. Appen får användas av medlemmar i nätverkens team i tjänsten.',
        'Justerade protokoll är allmänna handlingar och ändras inte i efterhand utan att en ny version justeras.',
      ],
    },
  ], '/terms');
}

/** The pages by path. */
export const LEGAL_PAGES: Record<string, (s: LegalSettings, locale: Locale) => string> = {
  '/privacy': privacyPage,
  '/accessibility': accessibilityPage,
  '/terms': termsPage,
};

/** `?lang=en|sv` first, else the browser's Accept-Language (English when it prefers English), else Swedish. */
export function pageLocale(url: string | undefined, acceptLanguage: string | undefined): Locale {
  const lang = new URL(url ?? '/', 'http://localhost').searchParams.get('lang');
  if (lang === 'en' || lang === 'sv') return lang;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'sv';
}
