import { useEffect, useRef, type ReactNode } from 'react';
import { useStrings } from './strings-context';
import { makeStyles, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': {
      top: tokens.spacingVerticalS,
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    ':focus': { outlineStyle: 'none' },
  },
  h1: { margin: '0' },
});

/** Every screen: a skip link, an optional banner, and the main landmark with the screen's h1. */
export function Layout(props: { title: string; banner?: ReactNode; children?: ReactNode }): ReactNode {
  const s = useStrings();
  const { title, banner, children } = props;
  const styles = useStyles();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = title === s.appName ? title : `${title} – ${s.appName}`;
  }, [title, s]);
  return (
    <>
      <a
        href="#main"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {s.skipToContent}
      </a>
      {banner}
      <main id="main" ref={main} tabIndex={-1} className={styles.main}>
        <Title2 as="h1" className={styles.h1}>
          {title}
        </Title2>
        {children}
      </main>
    </>
  );
}
