import type { ReactNode } from 'react';
import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  h2: { margin: '0' },
});

/** A section of a page: its h2 (which names it) and an introduction. `id` is the heading's. */
export function Section(props: { id: string; title: string; intro: string; children: ReactNode } & Record<`data-${string}`, boolean>): ReactNode {
  const { id, title, intro, children, ...data } = props;
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <section className={styles.section} aria-labelledby={id} {...data}>
      <Subtitle1 as="h2" id={id} className={styles.h2}>
        {title}
      </Subtitle1>
      <Body1 as="p" className={shared.intro}>
        {intro}
      </Body1>
      {children}
    </section>
  );
}
