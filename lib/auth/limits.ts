import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Sign-in limits, kept in PostgreSQL (table auth_rate_limits, created by a migration) so
 * every app instance counts the same failures:
 *  - per account and client address: 5 failures lock that address out of that account
 *    for 15 minutes — someone elsewhere cannot lock the commander out of their own desk;
 *  - per account, from any address: 20 failures lock the account for 15 minutes
 *    (guessing spread over many machines);
 *  - per client address: 50 failures over any accounts block the address for 15 minutes.
 * A lock stops new sign-ins only; sessions already open go on.
 * Every limit is configurable (SIGNIN_MAX_FAILS_PER_ACCOUNT_ADDRESS, …_PER_ACCOUNT,
 * …_PER_ADDRESS, SIGNIN_LOCK_MINUTES).
 */
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export function signInLimits() {
  return {
    perAccountAddress: num("SIGNIN_MAX_FAILS_PER_ACCOUNT_ADDRESS", 5),
    perAccount: num("SIGNIN_MAX_FAILS_PER_ACCOUNT", 20),
    perAddress: num("SIGNIN_MAX_FAILS_PER_ADDRESS", 50),
    lockMinutes: num("SIGNIN_LOCK_MINUTES", 15),
  };
}

const g = globalThis as unknown as { trafficopsAuthPool?: pg.Pool; trafficopsLimiters?: Limiters };

/** A small pool of its own: a long import holding the bulk pool must not stall sign-in. */
function authPool(): pg.Pool {
  g.trafficopsAuthPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 2,
    connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5_000),
    statement_timeout: 5_000,
    application_name: "trafficops-auth",
  });
  return g.trafficopsAuthPool;
}

type Kind = "accountAddress" | "account" | "address";
type Limiters = Record<Kind, { limiter: RateLimiterPostgres; max: number }>;

function limiters(): Limiters {
  if (g.trafficopsLimiters) return g.trafficopsLimiters;
  const l = signInLimits();
  const make = (keyPrefix: string, max: number) => ({
    max,
    // The max-th failure goes over `points` and blocks the key for the lock time.
    limiter: new RateLimiterPostgres({
      storeClient: authPool(),
      storeType: "pool",
      tableName: "auth_rate_limits",
      tableCreated: true,
      keyPrefix,
      points: max - 1,
      duration: l.lockMinutes * 60,
      blockDuration: l.lockMinutes * 60,
    }),
  });
  g.trafficopsLimiters = {
    accountAddress: make("aa", l.perAccountAddress),
    account: make("acct", l.perAccount),
    address: make("addr", l.perAddress),
  };
  return g.trafficopsLimiters;
}

function keys(username: string, ip: string | null): Record<Kind, string> {
  const addr = ip ?? "unknown";
  return { accountAddress: `${username}|${addr}`, account: username, address: addr };
}

export interface LockState {
  /** This address is blocked (whatever the account). */
  address: boolean;
  /** The account is locked for this address (or for all). */
  account: boolean;
}

/** Is a sign-in of this name from this address blocked right now? */
export async function signInBlocked(username: string, ip: string | null): Promise<LockState> {
  const l = limiters();
  const k = keys(username, ip);
  const [aa, acct, addr] = await Promise.all([
    l.accountAddress.limiter.get(k.accountAddress),
    l.account.limiter.get(k.account),
    l.address.limiter.get(k.address),
  ]);
  const over = (r: RateLimiterRes | null, max: number) => !!r && r.consumedPoints >= max;
  return {
    address: over(addr, l.address.max),
    account: over(aa, l.accountAddress.max) || over(acct, l.account.max),
  };
}

/** Counts a failed sign-in; true when it has just locked the account (for this address or all). */
export async function recordSignInFailure(username: string, ip: string | null): Promise<boolean> {
  const l = limiters();
  const k = keys(username, ip);
  const consume = async (kind: Kind) => {
    try {
      await l[kind].limiter.consume(k[kind]);
      return false;
    } catch (e) {
      if (e instanceof RateLimiterRes) return true; // over the limit: now blocked
      throw e;
    }
  };
  const [aa, acct] = await Promise.all([consume("accountAddress"), consume("account"), consume("address")]);
  return aa || acct;
}

/** A successful sign-in clears this account's failures from this address. */
export async function clearSignInFailures(username: string, ip: string | null): Promise<void> {
  await limiters().accountAddress.limiter.delete(keys(username, ip).accountAddress);
}

/** An administrator unlocks an account (enabling it or setting a new password): every key of it goes. */
export async function unlockAccount(username: string): Promise<void> {
  await authPool().query(`DELETE FROM auth_rate_limits WHERE key = $1 OR key LIKE $2`, [
    `acct:${username}`,
    `aa:${username.replace(/[\\%_]/g, "\\$&")}|%`,
  ]);
}

/** Until when each of these accounts is locked from every address (the users list shows it). */
export async function accountLocks(usernames: string[]): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const { rows } = await authPool().query<{ key: string; expire: string }>(
    `SELECT key, expire FROM auth_rate_limits WHERE key = ANY($1) AND points >= $2 AND expire > $3`,
    [usernames.map((u) => `acct:${u}`), limiters().account.max, Date.now()],
  );
  return new Map(rows.map((r) => [r.key.slice("acct:".length), new Date(Number(r.expire))]));
}

/**
 * At most SIGNIN_CONCURRENCY password checks run at once (argon2id takes 19 MiB and
 * ~50 ms of a core each); up to SIGNIN_QUEUE more wait their turn, and beyond that an
 * attempt is refused at once, so a flood of sign-ins costs neither memory nor the
 * other users' response time.
 */
class Gate {
  private running = 0;
  private peak = 0;
  private waiting: (() => void)[] = [];
  constructor(
    private readonly max: number,
    private readonly queue: number,
  ) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) {
      if (this.waiting.length >= this.queue) throw new SignInBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.peak = Math.max(this.peak, ++this.running);
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
  get stats() {
    return { running: this.running, waiting: this.waiting.length, peak: this.peak };
  }
}

export class SignInBusy extends Error {
  constructor() {
    super("too many sign-ins at once");
    this.name = "SignInBusy";
  }
}

const gateHolder = globalThis as unknown as { trafficopsSignInGate?: Gate };
const gate = () =>
  (gateHolder.trafficopsSignInGate ??= new Gate(num("SIGNIN_CONCURRENCY", 4), num("SIGNIN_QUEUE", 32)));

/** Runs a password hash or check through the gate. */
export function gated<T>(fn: () => Promise<T>): Promise<T> {
  return gate().run(fn);
}

export function gateStats() {
  return gate().stats;
}
