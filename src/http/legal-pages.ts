/** The privacy statement and terms the Teams manifest links to, in Swedish. Static text. */
const page = (title: string, paragraphs: string[]): string =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title} – Justera</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>` +
  `</head><body><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;

export const PRIVACY_HTML = page('Integritet', [
  'Justera används av skolnätverken inom Skaraborgs kommunalförbund. Appen sparar det som behövs för nätverkens träffar: nätverkets team och kanaler, medlemmarnas namn, e-postadress och kommun, träffarnas uppgifter och vem som anmält närvaro eller förhinder.',
  'Uppgifterna lagras i kommunalförbundets egen Azure-miljö och används inte till något annat. Kommunen härleds ur e-postadressen och kan rättas av medlemmen själv.',
  'Frågor om personuppgifter besvaras av Skaraborgs kommunalförbund, som är personuppgiftsansvarig.',
]);

export const TERMS_HTML = page('Användarvillkor', [
  'Justera är ett stöd för skolnätverkens träffar, närvaro och protokoll. Appen får användas av medlemmar i nätverkens team i tjänsten.',
  'Justerade protokoll är allmänna handlingar och ändras inte i efterhand utan att en ny version justeras.',
]);
