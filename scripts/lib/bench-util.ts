/** Small helpers shared by the benchmark scripts: timing, percentiles, HTTP sign-in. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    max: s[s.length - 1],
    mean: s.reduce((x, y) => x + y, 0) / s.length,
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

/** Signs in through next-auth's credentials endpoints (csrf, then credentials), like a script would; returns the session cookies. */
export async function signInCookies(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ name: string; value: string }[]> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("session-token")))
    throw new Error(`sign-in failed for ${username} (${res.status})`);
  return [...jar].map(([name, value]) => ({ name, value }));
}

/** The same, as a Cookie header. */
export async function signInCookie(baseUrl: string, username: string, password: string): Promise<string> {
  return (await signInCookies(baseUrl, username, password)).map((c) => `${c.name}=${c.value}`).join("; ");
}

export async function waitForHttp(url: string, timeoutMs = 120_000) {
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) => "| " + r.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
  return [line(rows[0]), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.slice(1).map(line)].join(
    "\n",
  );
}
