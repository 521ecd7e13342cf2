/**
 * What a first visitor chose on the light welcome (firstVisit.ts) before the
 * app had loaded: the wizard (Setup.tsx) carries it out once it is on screen,
 * exactly as if it had been tapped there. Kept apart from firstVisit.ts so
 * the wizard's chunk does not take in the light welcome, nor it the wizard.
 */
export type FirstRunAction = 'start' | 'demo' | 'language' | 'restore';

let pending: FirstRunAction | null = null;

export function setFirstRunAction(action: FirstRunAction | null): void {
  pending = action;
}

/** The choice waiting to be carried out, once: a second call gives null. */
export function takeFirstRunAction(): FirstRunAction | null {
  const action = pending;
  pending = null;
  return action;
}
