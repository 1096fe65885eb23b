import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { metaFromHeaders } from "@/lib/request-meta";
import { authSecret, IDLE_TIMEOUT_S, secureCookies } from "./session-config";
import { verifyCredentials } from "./sign-in";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
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
    jwt: { maxAge: IDLE_TIMEOUT_S },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "TrafficOps",
        credentials: {
          username: { label: "Username", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const user = await verifyCredentials(
            credentials?.username,
            credentials?.password,
            metaFromHeaders(toHeaders(req?.headers)),
          );
          if (!user) return null;
          return { id: user.id, name: user.displayName, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const now = Math.floor(Date.now() / 1000);
          token.uid = user.id;
          token.sv = (user as unknown as { sv: number }).sv;
          token.authTime = now;
          token.lastSeen = now;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: session.user?.name, id: token.uid } } as typeof session;
      },
      async redirect({ url, baseUrl }) {
        // Only ever redirect within this app.
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        return url.startsWith(baseUrl) ? url : baseUrl;
      },
    },
  };
}
