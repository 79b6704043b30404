import { createContext, useContext, type ReactNode } from 'react';
import { STRINGS, type TabStrings } from '../strings';

const StringsContext = createContext<TabStrings>(STRINGS.sv);

/** The words of the language the tab speaks (chosen once, in app.tsx, by langFromLocale), for every component below. */
export function StringsProvider(props: { strings: TabStrings; children: ReactNode }): ReactNode {
  return <StringsContext.Provider value={props.strings}>{props.children}</StringsContext.Provider>;
}

/** The tab's words; each feature reads its slice (`useStrings().agenda`), defined in its own strings.ts. */
export function useStrings(): TabStrings {
  return useContext(StringsContext);
}
