import "server-only";
import { redirect } from "next/navigation";
import { getSessionState, stagePath, type SessionState, type SignInStage } from "./session";

/** For a sign-in step's page: the session at that step, or a redirect to where this session belongs. */
export async function requireStage(stage: SignInStage): Promise<SessionState> {
  const s = await getSessionState();
  if (!s) redirect("/login");
  if (s.stage !== stage) redirect(s.stage ? stagePath(s.stage) : "/");
  return s;
}
