/** Validation of the workplace settings, shared by the setup wizard and the supervisor's workplace screen. */
import { isValidTime, minutesOfDay } from '../domain/dates';
import { validatePin } from '../domain/pin';
import { collapseSpaces, textLength } from '../domain/text';
import type { MessageKey } from '../i18n';

export const WORKPLACE_NAME_MAX = 60;
/** Error keys for the times-and-days step; empty when fine. */
export function validateHours(opening: string, closing: string, openDays: readonly number[]): { times?: MessageKey; days?: MessageKey } {
  const out: { times?: MessageKey; days?: MessageKey } = {};
  if (!isValidTime(opening) || !isValidTime(closing)) out.times = 'error.invalidTime';
  else if (minutesOfDay(closing) <= minutesOfDay(opening)) out.times = 'setup.closingBeforeOpening';
  if (openDays.length === 0) out.days = 'setup.openDaysRequired';
  return out;
}

export function validateWorkplaceName(name: string): MessageKey | null {
  const value = collapseSpaces(name);
  if (value === '') return 'setup.nameRequired';
  if (textLength(value) > WORKPLACE_NAME_MAX) return 'setup.nameTooLong';
  return null;
}

/** Error key for a new PIN typed twice, or null when it can be used. */
export function validateNewPin(pin: string, repeat: string): MessageKey | null {
  const errors = validatePin(pin);
  if (errors.length > 0) return errors[0]!;
  if (pin !== repeat) return 'setup.pinMismatch';
  return null;
}

