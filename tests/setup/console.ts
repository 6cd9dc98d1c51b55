/**
 * A test fails when the code under test logs an unexpected `console.error` (as epic-stack's setup
 * does): a quiet failure — a swallowed side effect, a logged-and-ignored exception — is a failure.
 * A test that expects one says so with `allowConsoleError(/pattern/)`; the errors it allows are
 * still printed, the others fail the test after it ran.
 */
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

let allowed: RegExp[] = [];
let unexpected: string[] = [];
let spy: MockInstance<typeof console.error> | undefined;
const original = console.error.bind(console);

/** Lets this test log console.error lines matching `pattern` (any, without one). */
export function allowConsoleError(pattern: RegExp = /[\s\S]*/): void {
  allowed.push(pattern);
}

function describeArgs(args: unknown[]): string {
  return args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

beforeEach(() => {
  allowed = [];
  unexpected = [];
  spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    original(...args);
    const text = describeArgs(args);
    if (!allowed.some((p) => p.test(text))) unexpected.push(text);
  });
});

afterEach(() => {
  spy?.mockRestore();
  spy = undefined;
  const logged = unexpected;
  unexpected = [];
  expect(logged, 'console.error was called; if the test expects it, call allowConsoleError(/…/) in it').toEqual([]);
});
