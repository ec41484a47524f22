import { create } from 'zustand';

export interface IntakeMessage {
  tone: 'info' | 'ok' | 'warn' | 'error';
  /** Translation key and its values. */
  key: string;
  values?: Record<string, string | number>;
}

/** The intake's transient state, shared by the form and the soothing panel beside it. */
interface IntakeStatus {
  busy: boolean;
  showErrors: boolean;
  message: IntakeMessage | null;
  set(change: Partial<Pick<IntakeStatus, 'busy' | 'showErrors' | 'message'>>): void;
}

export const useIntakeStatus = create<IntakeStatus>()((set) => ({
  busy: false,
  showErrors: false,
  message: null,
  set: (change) => set(change),
}));
