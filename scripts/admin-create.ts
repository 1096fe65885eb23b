/**
 * npm run admin:create — creates an administrator (the first one of a deployment: a
 * production `npm start` refuses to serve until one exists).
 *
 * Interactive at a terminal; for automation, from the environment (nothing is asked):
 *   ADMIN_USERNAME, ADMIN_DISPLAY_NAME, ADMIN_PASSWORD (or ADMIN_PASSWORD_FILE),
 *   ADMIN_UNIT_CODE, and on an empty database the top unit's ADMIN_UNIT_NAME_ZH,
 *   ADMIN_UNIT_NAME_EN and ADMIN_UNIT_KIND (PROVINCE, DETACHMENT or BRIGADE; PROVINCE).
 * The password: 12+ characters with letters and digits, not a common one, not the demo
 * one, not containing the username. It must be changed at first sign-in, and the
 * administrator enrols a second factor (TOTP) then too.
 */
import fs from "node:fs";
import readline from "node:readline";
import { Writable } from "node:stream";
import { resolveDatabase, redactUrl } from "./lib/database";
import { migrate } from "./lib/migrations";
import { clientIsStale, prismaGenerate } from "./lib/prisma-generate";

const env = process.env;
const fromEnv = !!env.ADMIN_USERNAME;
if (!fromEnv && !process.stdin.isTTY) {
  console.error(
    "No terminal to ask at: set ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_UNIT_CODE (see scripts/admin-create.ts).",
  );
  process.exit(1);
}

// Typed passwords are not echoed.
let muted = false;
const out = new Writable({
  write(chunk, _enc, cb) {
    if (!muted) process.stdout.write(chunk);
    cb();
  },
});
const rl = fromEnv ? null : readline.createInterface({ input: process.stdin, output: out, terminal: true });
const ask = (q: string, secret = false): Promise<string> =>
  new Promise((resolve) => {
    process.stdout.write(q);
    muted = secret;
    rl!.question("", (a) => {
      muted = false;
      if (secret) process.stdout.write("\n");
      resolve(a.trim());
    });
  });

/** A message (or i18n key such as validation.passwordShort) in English. */
async function english(message: string): Promise<string> {
  const { tFor } = await import("@/lib/i18n/server-free");
  const { translateMessage } = await import("@/lib/i18n/translate");
  return translateMessage(tFor("en"), message);
}

if (clientIsStale()) prismaGenerate();
const db = await resolveDatabase(() => {});
let code = 1;
try {
  console.log(`Database: ${redactUrl(db.url)}`);
  await migrate(db.url);
  const { createAdministrator } = await import("@/lib/users/create-administrator");
  const { passwordProblem } = await import("@/lib/auth/password-policy");
  const { unitCount } = await import("@/lib/users/create-administrator");
  const noUnits = (await unitCount()) === 0;

  let input;
  if (fromEnv) {
    input = {
      username: env.ADMIN_USERNAME ?? "",
      displayName: env.ADMIN_DISPLAY_NAME ?? env.ADMIN_USERNAME ?? "",
      password: env.ADMIN_PASSWORD_FILE
        ? fs.readFileSync(env.ADMIN_PASSWORD_FILE, "utf8").trim()
        : (env.ADMIN_PASSWORD ?? ""),
      unitCode: env.ADMIN_UNIT_CODE ?? "",
      unitNameZh: env.ADMIN_UNIT_NAME_ZH,
      unitNameEn: env.ADMIN_UNIT_NAME_EN,
      unitKind: (env.ADMIN_UNIT_KIND ?? "PROVINCE") as "PROVINCE",
    };
  } else {
    console.log("Create an administrator.");
    const username = (await ask("Username (a-z, 0-9, - _): ")).toLowerCase();
    const displayName = await ask("Name shown in the portal: ");
    let unitCode = await ask(noUnits ? "Top unit code (e.g. 520000): " : "Unit code of the administrator: ");
    let unitNameZh: string | undefined;
    let unitNameEn: string | undefined;
    let unitKind: "PROVINCE" | "DETACHMENT" | "BRIGADE" = "PROVINCE";
    if (noUnits) {
      unitNameZh = await ask("Top unit, Chinese name (e.g. 贵州省公安厅交通管理局): ");
      unitNameEn = await ask("Top unit, English name: ");
      const k = (await ask("Kind: PROVINCE, DETACHMENT or BRIGADE [PROVINCE]: ")).toUpperCase();
      if (k === "DETACHMENT" || k === "BRIGADE") unitKind = k;
    }
    unitCode = unitCode.trim();
    let password = "";
    for (;;) {
      password = await ask("Password (12+ characters, letters and digits): ", true);
      const problem = passwordProblem(password, username);
      if (problem) {
        console.log(`  ${await english(problem)}`);
        continue;
      }
      if ((await ask("Password again: ", true)) !== password) {
        console.log("  The two passwords differ.");
        continue;
      }
      break;
    }
    input = { username, displayName, password, unitCode, unitNameZh, unitNameEn, unitKind };
  }
  const { user, unit } = await createAdministrator({ input });
  console.log(
    `Administrator ${user.username} created in unit ${unit.code}. The password must be changed at first sign-in, and a second factor (TOTP) set up.`,
  );
  code = 0;
} catch (err) {
  const e = err as { issues?: { path: PropertyKey[]; message: string }[]; message: string };
  if (e.issues) for (const i of e.issues) console.error(`  ${i.path.join(".")}: ${await english(i.message)}`);
  else console.error(e.message);
} finally {
  rl?.close();
  await db.stop();
}
process.exit(code);
