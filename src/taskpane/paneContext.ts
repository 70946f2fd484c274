/** The pane's store and run controller, handed to the tabs (App.tsx provides them). */
import { createContext, useContext, type Dispatch } from 'react';
import type { RunController } from './runController';
import type { Action, PaneState } from './store';

export type Pane = Readonly<{ state: PaneState; dispatch: Dispatch<Action>; controller: RunController }>;

export const PaneContext = createContext<Pane | undefined>(undefined);

export function usePane(): Pane {
  const p = useContext(PaneContext);
  if (!p) throw new Error('usePane outside the pane');
  return p;
}
