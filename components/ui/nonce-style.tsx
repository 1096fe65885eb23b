import { headers } from "next/headers";

/**
 * A <style> element the Content-Security-Policy lets through: it carries this request's
 * nonce (set by proxy.ts). Server component; for CSS that depends on the page (print setup).
 */
export async function NonceStyle({ css }: { css: string }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <style nonce={nonce} dangerouslySetInnerHTML={{ __html: css }} />;
}
