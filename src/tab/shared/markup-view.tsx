import type { ReactNode } from 'react';
import { Body1, Text } from '@fluentui/react-components';
import { parseMarkup, type MarkupLine } from '../../domain/markup';

/**
 * An item's body as the tab shows it: the tree the domain's parser gives (the same as the cards,
 * the PDF and the DOCX), as React elements. Text is text (React escapes it); a link is an https
 * address the parser accepted, opened in a new window.
 */
export function MarkupView(props: { source: string; className?: string; heading: 'h4' | 'h5' }): ReactNode {
  const blocks = parseMarkup(props.source);
  if (blocks.length === 0) return null;
  return (
    <div data-markup>
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'heading':
            return (
              <Text as={props.heading} key={i} weight="semibold" className={props.className}>
                <Line line={b.line} />
              </Text>
            );
          case 'paragraph':
            return (
              <Body1 as="p" key={i} className={props.className}>
                {b.lines.map((l, k) => (
                  <span key={k}>
                    {k > 0 && <br />}
                    <Line line={l} />
                  </span>
                ))}
              </Body1>
            );
          case 'list': {
            const items = b.items.map((l, k) => (
              <li key={k}>
                <Line line={l} />
              </li>
            ));
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
        }
      })}
    </div>
  );
}

function Line(props: { line: MarkupLine }): ReactNode {
  return (
    <>
      {props.line.map((inline, i) =>
        inline.kind === 'link' ? (
          <a key={i} href={inline.href} target="_blank" rel="noopener noreferrer">
            {inline.text}
          </a>
        ) : (
          <span key={i}>{inline.text}</span>
        ),
      )}
    </>
  );
}
