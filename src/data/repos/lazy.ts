/**
 * A repository whose code loads on first use. The reports, backup and
 * retention repositories are only needed on supervisor screens and by the
 * daily sweep, so they stay out of the board's first bundle: each listed
 * method waits for the module, then runs. Their methods are all async.
 */
type AsyncMethods<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never };

export function lazyRepo<T extends AsyncMethods<T>>(load: () => Promise<T>, methods: readonly (keyof T)[]): T {
  let repo: Promise<T> | undefined;
  const out = {} as Record<keyof T, unknown>;
  for (const name of methods) {
    out[name] = (...args: unknown[]) => (repo ??= load()).then((r) => (r[name] as (...a: unknown[]) => Promise<unknown>)(...args));
  }
  return out as T;
}
