/** Ids for the supervisor's own ladder steps and survey questions (short, random, never reused). */
export function newStepId(): string {
  return `s-${crypto.randomUUID().slice(0, 8)}`;
}
export function newQuestionId(): string {
  return `q-${crypto.randomUUID().slice(0, 8)}`;
}
