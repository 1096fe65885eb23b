import fs from "node:fs";
import { appOrigin, expect, pageAs, screenshot, test } from "./fixtures";
import { uniquePlate } from "./records-fixtures";

test("a commander imports a CSV: progress, exact counts, the rejected rows and their file; a second import creates nothing", async ({
  browser,
}, testInfo) => {
  const page = await pageAs(browser, "zy-commander");
  const p = [uniquePlate(), uniquePlate(), uniquePlate()];
  const ref = `E2E-${Date.now()}`;
  const csv = [
    "occurredAt,lat,lng,plate,type,source,fineYuan,points,externalRef",
    `2026-02-01 08:00,27.05,108.43,${p[0]},illegal_parking,camera,100,,${ref}-1`,
    `2026-02-01 08:01,27.05,108.43,${p[1]},speeding_20_50,camera,200,6,`,
    `2026-02-01 08:02,27.05,108.43,贵H1,illegal_parking,camera,,,${ref}-3`,
    `2099-02-01 08:03,27.05,108.43,${p[2]},illegal_parking,camera,,,${ref}-4`,
    `2026-02-01 08:04,27.05,108.43,${p[2]},illegal_parking,camera,9999,,${ref}-5`,
  ].join("\n");
  const file = testInfo.outputPath("violations.csv");
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(file, csv);

  await page.goto("/violations/import");
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByTestId("import-start").click();
  await expect(page.getByTestId("import-report")).toBeVisible();
  await expect(page.getByTestId("import-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("report-importReceived")).toHaveText("5");
  await expect(page.getByTestId("report-importCreated")).toHaveText("2");
  await expect(page.getByTestId("report-importDuplicates")).toHaveText("0");
  await expect(page.getByTestId("report-importRejected")).toHaveText("3");
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("号牌号码格式不正确");
  await expect(errors).toContainText("时间不能晚于现在");
  await expect(errors).toContainText("罚款超出该违法类型的法定范围");
  await screenshot(page, "violations-import");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-errors").click()]);
  const text = fs.readFileSync(await download.path(), "utf8");
  expect(
    text
      .replace(/^\uFEFF/, "")
      .split("\n")
      .filter(Boolean),
  ).toEqual([
    "line,field,message",
    '4,"plate","号牌号码格式不正确"',
    '5,"occurredAt","时间不能晚于现在"',
    '6,"fineYuan","罚款超出该违法类型的法定范围"',
  ]);

  await page.reload();
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByTestId("import-start").click();
  await expect(page.getByTestId("report-importCreated")).toHaveText("0");
  await expect(page.getByTestId("report-importDuplicates")).toHaveText("2");
  await expect(page.getByTestId("report-importRejected")).toHaveText("3");
});

test("an officer has no import page; the import route refuses them", async ({ browser }) => {
  const page = await pageAs(browser, "zy-officer");
  await page.goto("/violations/import");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  const r = await page.request.post("/api/v1/import/violations", {
    data: "occurredAt,type\n",
    headers: { "content-type": "text/csv", origin: appOrigin() },
  });
  expect(r.status()).toBe(403);
});
