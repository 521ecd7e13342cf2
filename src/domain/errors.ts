/**
 * Named errors thrown by the pure domain rules.
 *
 * They are classes (not strings) so a store can tell a rule violation from a
 * bug with `instanceof`, and each carries an i18n `key` the UI can show
 * directly. A rule only throws when the caller asked for something the UI
 * should never have offered (a move that is not in `allowedMoves`, a goal
 * with target 0); user input is checked with the `validate…` functions,
 * which return error keys instead of throwing.
 */

export abstract class DomainError extends Error {
  /** message-catalogue key describing the problem */
  abstract readonly key: string;
}

export class InvalidIsoDate extends DomainError {
  readonly key = 'error.invalidDate';
  constructor(readonly value: unknown) {
    super(`Not an ISO date (YYYY-MM-DD): ${String(value)}`);
    this.name = 'InvalidIsoDate';
  }
}

export class InvalidTime extends DomainError {
  readonly key = 'error.invalidTime';
  constructor(readonly value: unknown) {
    super(`Not a time of day (HH:MM): ${String(value)}`);
    this.name = 'InvalidTime';
  }
}

export class InvalidGoalTarget extends DomainError {
  readonly key = 'goal.error.targetRange';
  constructor(readonly target: unknown) {
    super(`A goal target must be a positive number, got ${String(target)}`);
    this.name = 'InvalidGoalTarget';
  }
}

/** A status change that the state machine does not allow. */
export class IllegalMove extends DomainError {
  readonly key = 'move.error.illegal';
  constructor(
    readonly machine: 'improvement' | 'deviation',
    readonly from: string,
    readonly to: string,
  ) {
    super(`Cannot move ${machine} from "${from}" to "${to}"`);
    this.name = 'IllegalMove';
  }
}

/** Putting an idea on "not now" needs a reason, so the proposer hears why. */
export class ReasonRequired extends DomainError {
  readonly key = 'improvement.error.reasonRequired';
  constructor() {
    super('Moving an idea to "not now" needs a reason');
    this.name = 'ReasonRequired';
  }
}

export class InvalidPin extends DomainError {
  readonly key = 'pin.error.format';
  constructor() {
    super('A PIN is 4 to 8 digits');
    this.name = 'InvalidPin';
  }
}
