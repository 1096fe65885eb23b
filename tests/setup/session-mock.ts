/**
 * A session for in-process route and action calls: in a test file,
 *   vi.mock("@/lib/auth/session", async (orig) => (await import("../setup/session-mock")).sessionMock(await orig()));
 * then set `globalThis.trafficopsTestSession` to an actor (null: no cookie) before each call.
 * No imports here, so the mock cannot load the module it replaces.
 */
const current = globalThis as { trafficopsTestSession?: unknown };

export function sessionMock<M extends object>(orig: M): M {
  return {
    ...orig,
    getSessionUser: async () => current.trafficopsTestSession ?? null,
    requireUser: async () => {
      if (!current.trafficopsTestSession) {
        const { AppError } = await import("@/lib/errors");
        throw new AppError("UNAUTHENTICATED", "sign in required");
      }
      return current.trafficopsTestSession;
    },
    // A page's: no session is a redirect to the sign-in page, as Next would answer it.
    requirePageUser: async () => {
      if (!current.trafficopsTestSession) (await import("next/navigation")).redirect("/login");
      return current.trafficopsTestSession;
    },
  };
}
