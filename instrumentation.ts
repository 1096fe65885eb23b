/**
 * Runs once per server instance, before it serves requests. Everything it does needs
 * Node.js (instrumentation-node.ts); the import sits inside the NEXT_RUNTIME check so the
 * Edge compilation of this file leaves it out. Nothing runs during `next build`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { registerNode } = await import("./instrumentation-node");
    await registerNode();
  }
}
