/**
 * next/headers outside a request, for in-process server-action and page calls: in a test file,
 *   vi.mock("next/headers", async () => (await import("../setup/headers-mock")).headersMock());
 * A same-origin browser's headers and a cookie jar. No imports, so the mock loads nothing it replaces.
 */
export function headersMock() {
  const h = new Headers({ host: "localhost", origin: "http://localhost" });
  const jar = new Map<string, string>();
  return {
    headers: async () => h,
    cookies: async () => ({
      get: (k: string) => (jar.has(k) ? { name: k, value: jar.get(k) } : undefined),
      set: (k: string, v: string) => jar.set(k, v),
      delete: (k: string) => jar.delete(k),
    }),
  };
}
