/** Test helpers: actors for seeded demo users, as the session code would build them. */
import { db } from "@/lib/db";
import { userActor, type SessionUser } from "@/lib/auth/actor";

export async function actorFor(username: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({
    where: { username },
    include: { unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } } },
  });
  return userActor(u, { ip: "127.0.0.1", requestId: `test-${username}` });
}
