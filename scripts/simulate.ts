/**
 * npm run simulate [-- --url=http://localhost:3000 --brigade=zy --interval=4 --minutes=0 --sos=zy01-aux3]
 *
 * Makes the duty map come alive for a demo: every demo officer and auxiliary (seed step
 * "duty", usernames zy01-officer1 …) signs in through the real sign-in endpoints and
 * reports positions through POST /api/v1/positions, moving along the road segments and
 * between the must-reach points of the grid of the beat they are on now (people without a
 * beat report "off duty" where they are, once a minute). --sos=<username> raises one SOS
 * through POST /api/v1/sos after 20 seconds. Ctrl-C stops; --minutes=N stops by itself.
 */
import { DEMO_PASSWORD } from "@/prisma/seed/users";
import { DUTY_STAFF, staffList } from "@/prisma/seed/duty-staff";

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const BASE = arg("url", process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
const PREFIX = arg("brigade", "zy"); // zy = Zhenyuan squads, yy = Yunyang, all = both
const INTERVAL_S = Number(arg("interval", "4"));
const MINUTES = Number(arg("minutes", "0"));
const SOS_USER = arg("sos", "");

type Pt = { lat: number; lng: number };
const R = 6_371_008.8;
const dist = (a: Pt, b: Pt) => {
  const toRad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * toRad) / 2) ** 2 +
    Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(((b.lng - a.lng) * toRad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};

/** A signed-in HTTP session (cookie jar) for one person. */
class Session {
  private cookies = new Map<string, string>();
  constructor(readonly username: string) {}
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  async signIn() {
    this.cookies.clear();
    const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
    this.keep(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.header() },
      body: new URLSearchParams({ csrfToken, username: this.username, password: DEMO_PASSWORD, json: "true" }),
    });
    this.keep(res);
    if (![...this.cookies.keys()].some((k) => k.includes("session-token")))
      throw new Error(`sign-in failed for ${this.username}`);
  }
  async call(method: string, path: string, body?: unknown): Promise<Response> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await fetch(`${BASE}${path}`, {
        method,
        headers: { cookie: this.header(), origin: BASE, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      this.keep(res);
      if (res.status !== 401) return res;
      await this.signIn(); // session ended (12-hour limit): sign in again once
    }
    throw new Error(`${this.username}: still unauthenticated`);
  }
}

interface Plan {
  beatId: string | null;
  endsAt: number;
  route: Pt[];
  area: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;
}

interface Walker {
  s: Session;
  userId: string;
  pos: Pt;
  plan: Plan;
  leg: number;
  status: string;
  busyUntil: number;
  lastOffDuty: number;
}

async function planFor(w: Walker): Promise<Plan> {
  const now = Date.now();
  const q = new URLSearchParams({
    from: new Date(now - 60_000).toISOString(),
    to: new Date(now + 60_000).toISOString(),
  });
  const res = await w.s.call("GET", `/api/v1/beats?${q}`);
  if (!res.ok) return { beatId: null, endsAt: now + 60_000, route: [], area: null };
  const beats = (
    (await res.json()) as {
      items: {
        id: string;
        gridId: string;
        endsAt: string;
        startsAt: string;
        lead: { id: string } | null;
        auxiliaries: { id: string }[];
        mustReachPoints: { id: string }[];
      }[];
    }
  ).items;
  const mine = beats.find(
    (b) => Date.parse(b.startsAt) <= now && (b.lead?.id === w.userId || b.auxiliaries.some((a) => a.id === w.userId)),
  );
  if (!mine) return { beatId: null, endsAt: now + 60_000, route: [], area: null };
  const grid = (await (await w.s.call("GET", `/api/v1/grids/${mine.gridId}`)).json()) as {
    bbox: number[];
    segments: { geometry: { coordinates: number[][] } }[];
    points: { id: string; lat: number; lng: number }[];
  };
  const planned = grid.points.filter((p) => mine.mustReachPoints.some((m) => m.id === p.id));
  // Drive the first segment (the death road end to end), then visit the points.
  const road = grid.segments[0]?.geometry.coordinates.map(([lng, lat]) => ({ lat, lng })) ?? [];
  const route = [...(road.length > 30 ? road : []), ...planned.map((p) => ({ lat: p.lat, lng: p.lng }))];
  const [minLng, minLat, maxLng, maxLat] = grid.bbox;
  return { beatId: mine.id, endsAt: Date.parse(mine.endsAt), route, area: { minLat, maxLat, minLng, maxLng } };
}

function step(w: Walker, seconds: number) {
  const area = w.plan.area;
  if (!area) return;
  if (w.leg >= w.plan.route.length) {
    // Wander inside the grid's box once the route is done.
    w.plan.route.push({
      lat: area.minLat + Math.random() * (area.maxLat - area.minLat),
      lng: area.minLng + Math.random() * (area.maxLng - area.minLng),
    });
  }
  const target = w.plan.route[w.leg];
  const speed = (area.maxLng - area.minLng > 0.05 ? 12 : 1.4) * (0.7 + Math.random() * 0.6); // m/s: car on rural roads, on foot in town
  const d = dist(w.pos, target);
  const move = speed * seconds;
  if (d <= move) {
    w.pos = { ...target };
    w.leg++;
  } else {
    w.pos = {
      lat: w.pos.lat + ((target.lat - w.pos.lat) * move) / d,
      lng: w.pos.lng + ((target.lng - w.pos.lng) * move) / d,
    };
  }
}

async function main() {
  const prefixes = DUTY_STAFF.map((s) => s.prefix).filter((p) => PREFIX === "all" || p.startsWith(PREFIX));
  const people = staffList().filter((p) => prefixes.some((x) => p.username.startsWith(`${x}-`)));
  console.log(
    `simulate: ${people.length} people against ${BASE}, a report every ~${INTERVAL_S} s${SOS_USER ? `, SOS by ${SOS_USER} in 20 s` : ""}`,
  );
  const walkers: Walker[] = [];
  for (const p of people) {
    const s = new Session(p.username);
    await s.signIn();
    const me = (await (await s.call("GET", "/api/v1/me")).json()) as { id: string };
    const w: Walker = {
      s,
      userId: me.id,
      pos: { lat: 0, lng: 0 },
      plan: { beatId: null, endsAt: 0, route: [], area: null },
      leg: 0,
      status: "on_patrol",
      busyUntil: 0,
      lastOffDuty: 0,
    };
    w.plan = await planFor(w);
    const start = w.plan.route[0] ?? null;
    const a = w.plan.area;
    w.pos =
      start ?? (a ? { lat: (a.minLat + a.maxLat) / 2, lng: (a.minLng + a.maxLng) / 2 } : { lat: 27.05, lng: 108.42 });
    walkers.push(w);
  }
  console.log(`simulate: ${walkers.filter((w) => w.plan.beatId).length} on a beat now`);
  const stopAt = MINUTES > 0 ? Date.now() + MINUTES * 60_000 : Infinity;
  let sent = 0;
  let sosDone = !SOS_USER;
  const t0 = Date.now();
  let stopping = false;
  process.on("SIGINT", () => (stopping = true));
  while (!stopping && Date.now() < stopAt) {
    const tick = Date.now();
    await Promise.all(
      walkers.map(async (w) => {
        if (w.plan.endsAt < tick) {
          w.plan = await planFor(w);
          w.leg = 0;
        }
        if (!w.plan.beatId) {
          if (tick - w.lastOffDuty < 60_000 || w.pos.lat === 0) return;
          w.lastOffDuty = tick;
          await w.s.call("POST", "/api/v1/positions", {
            lat: w.pos.lat,
            lng: w.pos.lng,
            accuracyM: 15,
            status: "off_duty",
          });
          sent++;
          return;
        }
        step(w, INTERVAL_S);
        if (tick > w.busyUntil) {
          w.status = Math.random() < 0.01 ? "handling_incident" : "on_patrol";
          if (w.status === "handling_incident") w.busyUntil = tick + 120_000;
        }
        const res = await w.s.call("POST", "/api/v1/positions", {
          lat: w.pos.lat,
          lng: w.pos.lng,
          accuracyM: 5 + Math.round(Math.random() * 20),
          status: w.status,
        });
        if (!res.ok) console.warn(`${w.s.username}: ${res.status} ${await res.text()}`);
        sent++;
      }),
    );
    if (!sosDone && Date.now() - t0 > 20_000) {
      sosDone = true;
      const w = walkers.find((x) => x.s.username === SOS_USER);
      if (w) {
        const r = await w.s.call("POST", "/api/v1/sos", {
          lat: w.pos.lat,
          lng: w.pos.lng,
          accuracyM: 8,
          message: "演示求助 / demo SOS",
        });
        console.log(`simulate: SOS by ${SOS_USER} → ${r.status}`);
      }
    }
    if (sent && Math.floor((Date.now() - t0) / 60_000) !== Math.floor((tick - t0) / 60_000))
      console.log(`simulate: ${sent} reports sent`);
    await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_S * 1000 - (Date.now() - tick))));
  }
  console.log(`simulate: stopped after ${sent} reports`);
}

await main();
