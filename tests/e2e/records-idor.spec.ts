import { expect, pageAs, test } from "./fixtures";
import { api, uniquePlate, YINJIANG } from "./records-fixtures";

test("a Zhenyuan user can neither read nor write a Yinjiang record, in the UI or through the API", async ({
  browser,
}) => {
  const yj = await pageAs(browser, "yj-commander");
  await yj.goto("/violations");
  const plate = uniquePlate();
  const v = await api(yj, "POST", "/api/v1/violations", {
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    ...YINJIANG,
    type: "illegal_parking",
    plate,
    fineYuan: 50,
  });
  expect(v.status).toBe(201);
  expect(v.body.unitCode).toBe("520626");
  const a = await api(yj, "POST", "/api/v1/accidents", {
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    ...YINJIANG,
    injured: 1,
    vehicles: [{ plate }],
  });
  expect(a.status).toBe(201);
  const h = await api(yj, "POST", "/api/v1/hazards", {
    title: "印江测试隐患",
    description: "x",
    deadline: "2099-01-01",
    ...YINJIANG,
  });
  expect(h.status).toBe(201);

  const zy = await pageAs(browser, "zy-commander");
  // UI: the records answer 404 and nothing of them shows in lists.
  for (const url of [`/violations/${v.body.id}`, `/accidents/${a.body.id}`]) {
    const res = await zy.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(zy.locator("body")).not.toContainText(plate);
  }
  await zy.goto(`/violations?plate=${encodeURIComponent(plate)}`);
  await expect(zy.locator("body")).not.toContainText(plate);
  await zy.goto("/hazards");
  await expect(zy.locator("body")).not.toContainText("印江测试隐患");
  expect((await zy.goto("/violations?unit=520626"))?.status()).toBe(404);

  // API: reads are 404, writes are refused and change nothing.
  expect((await api(zy, "GET", `/api/v1/violations/${v.body.id}`)).status).toBe(404);
  expect((await api(zy, "GET", `/api/v1/accidents/${a.body.id}`)).status).toBe(404);
  expect((await api(zy, "GET", `/api/v1/hazards/${h.body.id}`)).status).toBe(404);
  expect((await api(zy, "PATCH", `/api/v1/violations/${v.body.id}`, { status: "closed" })).status).toBe(404);
  expect((await api(zy, "PATCH", `/api/v1/accidents/${a.body.id}`, { deaths: 5 })).status).toBe(404);
  expect((await api(zy, "PATCH", `/api/v1/hazards/${h.body.id}`, { status: "closed", closingNote: "x" })).status).toBe(
    404,
  );
  expect((await api(zy, "POST", `/api/v1/violations/${v.body.id}/appeal`, { reason: "x" })).status).toBe(404);
  expect(
    (
      await api(zy, "POST", "/api/v1/violations", {
        occurredAt: new Date().toISOString(),
        type: "illegal_parking",
        unitCode: "520626",
      })
    ).status,
  ).toBe(404);
  const list = await api(zy, "GET", `/api/v1/violations?plate=${encodeURIComponent(plate)}`);
  expect(list.body.items).toEqual([]);
  const mine = await api(yj, "GET", `/api/v1/violations/${v.body.id}`);
  expect(mine.body).toMatchObject({ status: "recorded", plate });
  expect((await api(yj, "GET", `/api/v1/accidents/${a.body.id}`)).body.deaths).toBe(0);
});
