import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { readBodyText } from "@/lib/api/route";
import { errorResponse } from "@/lib/api/respond";
import { authOptions } from "@/lib/auth/options";
import { metaFromHeaders } from "@/lib/request-meta";

/** Sign-in forms are small: a body past this is refused (413) before next-auth reads it. */
const MAX_AUTH_BODY = 16 * 1024;

const handler = async (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => {
  let request = req;
  if (req.method === "POST") {
    try {
      const body = await readBodyText(req, MAX_AUTH_BODY);
      request = new NextRequest(req.url, { method: req.method, headers: req.headers, body });
    } catch (err) {
      return errorResponse(err, metaFromHeaders(req.headers).requestId);
    }
  }
  return (NextAuth(authOptions(req.headers)) as unknown as (req: Request, ctx: unknown) => Promise<Response>)(
    request,
    ctx,
  );
};

export { handler as GET, handler as POST };
