/**
 * Shutdown hooks: what must be closed before the process exits (the database). The registry lives on
 * `globalThis` under a `Symbol.for` key because the built server bundles its own copy of this module,
 * while `scripts/start.mjs` imports the source one: both see the same list.
 */
type Hook = () => Promise<void> | void;

const KEY = Symbol.for('canting.shutdown-hooks');

function hooks(): Hook[] {
  const store = globalThis as unknown as Record<symbol, Hook[] | undefined>;
  return (store[KEY] ??= []);
}

export function onShutdown(hook: Hook): void {
  hooks().push(hook);
}

/** Runs every hook once (in reverse order of registration), each failure logged, never thrown. */
export async function runShutdownHooks(log: (message: string) => void = console.error): Promise<void> {
  const pending = hooks().splice(0).reverse();
  for (const hook of pending) {
    try {
      await hook();
    } catch (error) {
      log(`shutdown: a hook failed: ${(error as Error).message}`);
    }
  }
}
