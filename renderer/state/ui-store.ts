import { create } from 'zustand';
import type { QueueFilter } from '../data/types/queue';

export const SCREENS = [
  'new',
  'queue',
  'team',
  'callbacks',
  'review',
  'supervisor',
  'reports',
  'attention',
  'outbox',
  'settings',
  'accessLog',
  'erasure',
] as const;
export type ScreenId = (typeof SCREENS)[number];

export function isScreen(value: unknown): value is ScreenId {
  return typeof value === 'string' && (SCREENS as readonly string[]).includes(value);
}

/** UI-only state: where the user is and what is open. Data lives in the hooks. */
interface UiState {
  screen: ScreenId;
  /** The complaint whose detail the right panel shows. */
  selectedId: string | null;
  /** The soothing panel beside intake; hidden on request to give the form room. */
  soothingVisible: boolean;
  helpOpen: boolean;
  escalateOpen: boolean;
  searchText: string;
  /** Queue filters per list screen, kept while the user moves between screens. */
  filters: Partial<Record<ScreenId, QueueFilter>>;
  setFilter(screen: ScreenId, filter: QueueFilter): void;
  go(screen: ScreenId): void;
  select(id: string | null): void;
  setSoothingVisible(visible: boolean): void;
  setHelpOpen(open: boolean): void;
  setEscalateOpen(open: boolean): void;
  setSearchText(text: string): void;
}

export const useUiStore = create<UiState>()((set) => ({
  screen: 'new',
  selectedId: null,
  soothingVisible: true,
  helpOpen: false,
  escalateOpen: false,
  searchText: '',
  filters: {},
  setFilter: (screen, filter) => set((s) => ({ filters: { ...s.filters, [screen]: filter } })),
  go: (screen) => set({ screen }),
  select: (selectedId) => set({ selectedId }),
  setSoothingVisible: (soothingVisible) => set({ soothingVisible }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setEscalateOpen: (escalateOpen) => set({ escalateOpen }),
  setSearchText: (searchText) => set({ searchText }),
}));
