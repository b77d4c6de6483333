import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

/** The CSRF header the signed-in session needs on API writes made with `page.request`. */
export async function csrfHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const session = (await (await request.get('/api/auth/session')).json()) as { csrfToken: string };
  return { 'x-csrf-token': session.csrfToken };
}

/** The body of a successful API answer; anything else fails the step with the server's words. */
export async function okBody<T>(response: APIResponse): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}
