"use server";
import { actionWith, safeAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors";
import {
  changeOwnPassword,
  confirmEnrolment,
  regenerateRecoveryCodes,
  signOutEverywhere,
  verifySecondFactor,
} from "./account";
import {
  changePasswordSchema,
  completeEnrolmentSchema,
  confirmEnrolmentSchema,
  noInput,
  secondFactorSchema,
} from "./schemas";
import { open, seal } from "./secret-box";
import { getSessionState, type SessionState, type SignInStage } from "./session";
import { clearSessionCookie, reissueSessionCookie } from "./session-cookie";

/** Acts for this request's session when it is at one of these stages (null: complete). */
function atStage(...stages: (SignInStage | null)[]) {
  return async (): Promise<{ actor: SessionState; requestId: string }> => {
    const s = await getSessionState();
    if (!s || !stages.includes(s.stage)) throw new AppError("UNAUTHENTICATED", "sign in required");
    return { actor: s, requestId: s.user.meta.requestId };
  };
}

/** The second step of signing in: a code from the app or a recovery code. */
export const verifySecondFactorAction = actionWith(atStage("totp"), secondFactorSchema, async ({ actor, input }) => {
  const r = await verifySecondFactor({ actor: actor.user, input });
  await reissueSessionCookie(actor.claims, { mfa: true });
  return r;
});

/** A forced change (first sign-in) or the person's own choice (account page). */
export const changePasswordAction = actionWith(
  atStage("password", null),
  changePasswordSchema,
  async ({ actor, input }) => {
    const { sessionVersion } = await changeOwnPassword({ actor: actor.user, sessionId: actor.claims.sid, input });
    await reissueSessionCookie(actor.claims, { sv: sessionVersion });
    return { changed: true };
  },
);

const ENROLLED = "totp-enrolled";

/**
 * Confirms enrolment (required at first sign-in, or chosen on the account page) and returns
 * the recovery codes with a proof for completeEnrolmentAction. The cookie is not touched
 * here: a changed cookie makes Next re-render the page, and the codes must stay on screen
 * until the person has saved them.
 */
export const confirmEnrolmentAction = actionWith(
  atStage("enrol", null),
  confirmEnrolmentSchema,
  async ({ actor, input }) => {
    const r = await confirmEnrolment({ actor: actor.user, input });
    const proof = seal(
      ENROLLED,
      JSON.stringify({ u: actor.user.userId, s: actor.claims.sid, exp: Date.now() + 3600_000 }),
    );
    return { ...r, proof };
  },
);

/** "I have saved them — continue": this session has enrolled, so it counts as having passed the factor. */
export const completeEnrolmentAction = actionWith(
  atStage("totp", null),
  completeEnrolmentSchema,
  async ({ actor, input }) => {
    const plain = open(ENROLLED, input.proof);
    const p = plain ? (JSON.parse(plain) as { u: string; s: string; exp: number }) : null;
    if (!p || p.u !== actor.user.userId || p.s !== actor.claims.sid || p.exp < Date.now())
      throw new AppError("UNAUTHENTICATED", "sign in required");
    await reissueSessionCookie(actor.claims, { mfa: true });
    return { done: true };
  },
);

export const regenerateRecoveryCodesAction = safeAction({ schema: noInput }, regenerateRecoveryCodes);

/** Ends every session of the person, this one included. */
export const signOutEverywhereAction = safeAction({ schema: noInput }, async ({ actor }) => {
  await signOutEverywhere({ actor });
  await clearSessionCookie();
  return { signedOut: true };
});
