/*
 * Service worker of the field app (/field), written by hand after Next.js' PWA guide
 * (node_modules/next/dist/docs/01-app/02-guides/progressive-web-apps.md); no build step,
 * so it works the same with Turbopack and webpack. Registered with scope /field.
 *
 *  - the app's page: network first (3 s), the last copy when there is no network, so the
 *    app opens offline, also after the browser or the phone restarts;
 *  - /_next/static (content-hashed scripts and styles), icons, the manifest: cache first;
 *  - the API is never touched here: the app's outbox (IndexedDB) decides what to send.
 * Nothing here ever requests another origin.
 */
const SHELL = "field-shell-v1";
const STATIC = "field-static-v1";
const PAGE = "/field";
const EXTRA = ["/field.webmanifest", "/icons/field-192.png", "/icons/field-512.png"];

const isStatic = (url) =>
  url.origin === self.location.origin &&
  (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || EXTRA.includes(url.pathname));

/** The assets a page names: its scripts, styles and preloads. */
function assetsOf(html) {
  const out = new Set();
  for (const m of html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)) out.add(m[1]);
  return [...out];
}

async function cachePage(res) {
  if (!res.ok || res.redirected || !(res.headers.get("content-type") || "").includes("text/html")) return;
  const html = await res.clone().text();
  await (await caches.open(SHELL)).put(PAGE, res.clone());
  const cache = await caches.open(STATIC);
  await Promise.all(
    [...assetsOf(html), ...EXTRA].map(async (u) => {
      if (await cache.match(u)) return;
      try {
        const r = await fetch(u, { credentials: "same-origin" });
        if (r.ok) await cache.put(u, r);
      } catch {
        /* offline: the next visit fills it */
      }
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      try {
        await cachePage(await fetch(PAGE, { credentials: "same-origin" }));
      } catch {
        /* installed offline: the page is cached on the next visit */
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== STATIC) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

async function page(request) {
  const network = fetch(request);
  try {
    const res = await withTimeout(network, 3000);
    cachePage(res.clone()).catch(() => {});
    return res;
  } catch {
    const cached = await (await caches.open(SHELL)).match(PAGE);
    if (cached) {
      network.then((res) => cachePage(res)).catch(() => {});
      return cached;
    }
    return network; // never cached: let the browser show its own offline page
  }
}

async function asset(request) {
  const cache = await caches.open(STATIC);
  const hit = await cache.match(request, { ignoreSearch: request.url.includes("/_next/static/") ? false : true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && (url.pathname === PAGE || url.pathname.startsWith(PAGE + "/"))) {
    event.respondWith(page(request));
  } else if (isStatic(url)) {
    event.respondWith(asset(request));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache-assets" && Array.isArray(data.urls)) {
    // Scripts the app loaded after the page (lazy parts): kept for offline use; the page
    // hears back when they are (event.ports[0]).
    const reply = () => event.ports[0] && event.ports[0].postMessage({ type: "cached" });
    event.waitUntil(
      caches.open(STATIC).then((cache) =>
        Promise.all(
          data.urls
            .filter((u) => isStatic(new URL(u, self.location.origin)))
            .map((u) =>
              cache.match(u).then((hit) =>
                hit
                  ? null
                  : fetch(u)
                      .then((r) => (r.ok ? cache.put(u, r) : null))
                      .catch(() => null),
              ),
            ),
        ).then(reply, reply),
      ),
    );
  } else if (data.type === "sign-out") {
    // A shared phone: the next person must not open the last one's page from the cache.
    event.waitUntil(caches.delete(SHELL));
  }
});
