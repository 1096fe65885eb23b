"use client";
/**
 * Registers the field app's service worker (public/sw.js, scope /field) and, once the page
 * is idle, loads the app's lazy parts (capture forms, outbox, duty) so that the worker has
 * them cached before the network goes.
 */
export function registerFieldWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/field", updateViaCache: "none" }).catch(() => {});
}

export function warmUp(loaders: (() => Promise<unknown>)[]) {
  const run = async () => {
    // What loads from here on is the offline warm-up, not the first load (npm run measure:field-js).
    performance.mark("field-warm-up");
    await Promise.all(loaders.map((l) => l().catch(() => null)));
    const reg = await navigator.serviceWorker?.ready;
    const urls = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => u.includes("/_next/static/"));
    if (!reg?.active) return;
    const done = new MessageChannel();
    // Marks the page once its parts are cached (tests wait on it before going offline).
    done.port1.onmessage = () => (document.documentElement.dataset.fieldCached = "1");
    reg.active.postMessage({ type: "cache-assets", urls }, [done.port2]);
  };
  const idle = (window as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
    .requestIdleCallback;
  setTimeout(() => (idle ? idle(() => void run(), { timeout: 5000 }) : void run()), 3000);
}
