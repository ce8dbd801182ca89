import type { Page } from 'playwright-core';

/** Console errors and uncaught exceptions of a page, collected while `fn` runs. */
export async function errorsWhile(page: Page, fn: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await fn();
  return errors;
}
