import { markdownText } from '../../src/cards/markdown';

/** Text from people or Teams inside a markdown message reads as the letters it is. */
describe('markdownText', () => {
  test.each([
    ['IM-nätverket', 'IM-nätverket'],
    ['**[klicka](https://evil.example)**', '\\*\\*\\[klicka\\]\\(https\\://evil\\.example\\)\\*\\*'],
    ['<b>fet</b> <a href="https://evil.example">länk</a>', 'fet länk'],
    ['# Rubrik', '\\# Rubrik'],
    ['- punkt', '\\- punkt'],
    ['rad ett\nrad två\r\n\tslut', 'rad ett rad två slut'],
    ['`kod` _kursiv_ ~stryk~ |tabell|', '\\`kod\\` \\_kursiv\\_ \\~stryk\\~ \\|tabell\\|'],
    ['www.evil.example', 'www\\.evil\\.example'],
  ])('%j → %j', (input, shown) => {
    expect(markdownText(input)).toBe(shown);
  });
});
