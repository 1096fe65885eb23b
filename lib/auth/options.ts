import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { metaFromHeaders } from "@/lib/request-meta";
import { endSession } from "./account";
import { safeLocalPath } from "./callback";
import { isDemoSignIn } from "./deployment";
import { SignInBusy } from "./limits";
import { authSecret, IDLE_TIMEOUT_S, secureCookies } from "./session-config";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { SignInThrottled, verifyCredentials } from "./sign-in";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    mfa?: boolean;
    demo?: boolean;
    authTime?: number;
    lastSeen?: number;
  }
}

function toHeaders(h: Record<string, unknown> | undefined): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h ?? {})) if (typeof v === "string") out.set(k, v);
  return out;
}

/** Built per request: whether cookies are Secure depends on how the request came in. */
export function authOptions(h?: Headers): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(h),
    // Idle timeout: the cookie lives 30 minutes and the proxy renews it while the person works.
    session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_S, updateAge: 0 },
    jwt: { maxAge: IDLE_TIMEOUT_S, encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "TrafficOps",
        credentials: {
          username: { label: "Username", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          let user;
          try {
            user = await verifyCredentials(
              credentials?.username,
              credentials?.password,
              metaFromHeaders(toHeaders(req?.headers)),
            );
          } catch (err) {
            // The sign-in form shows these two (next-auth passes the message on as `error`).
            if (err instanceof SignInThrottled) throw new Error("throttled");
            if (err instanceof SignInBusy) throw new Error("busy");
            throw err;
          }
          if (!user) return null;
          return {
            id: user.id,
            name: user.displayName,
            sv: user.sessionVersion,
            sid: user.sessionId,
            demo: isDemoSignIn(String(credentials?.password ?? "")),
          };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const now = Math.floor(Date.now() / 1000);
          const u = user as unknown as { sv: number; sid: string; demo: boolean };
          token.uid = user.id;
          token.sv = u.sv;
          token.sid = u.sid;
          token.mfa = false;
          token.demo = u.demo;
          token.authTime = now;
          token.lastSeen = now;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: session.user?.name, id: token.uid } } as typeof session;
      },
      async redirect({ url, baseUrl }) {
        // Only ever redirect within this app (a path like "/\evil.example" leaves it).
        const local = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        const path = safeLocalPath(local);
        return path ? `${baseUrl}${path}` : baseUrl;
      },
    },
    events: {
      // Signing out ends this session on the server: a copy of the cookie stops working.
      async signOut({ token }) {
        if (token?.sid && token.uid) await endSession({ userId: token.uid, sessionId: token.sid });
      },
    },
  };
}
