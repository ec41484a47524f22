import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drill } from './Figure';

/** A drill-down as opened: its heading is the figure's label in the language of that moment. */
export interface OpenDrill {
  drill: Drill;
  language: string;
}

/**
 * The drill-down to show. One opened in another language is closed rather
 * than shown under a heading worded in that language (the label is built from
 * translated captions at the click); the figure is one click away again.
 */
export function shownDrill(open: OpenDrill | null, language: string): Drill | null {
  return open && open.language === language ? open.drill : null;
}

/** The reports' open drill-down, closed by a change of display language. */
export function useDrill(): [Drill | null, (drill: Drill | null) => void] {
  const { i18n } = useTranslation();
  const [open, setOpen] = useState<OpenDrill | null>(null);
  const set = useCallback((drill: Drill | null) => setOpen(drill ? { drill, language: i18n.language } : null), [i18n]);
  return [shownDrill(open, i18n.language), set];
}
