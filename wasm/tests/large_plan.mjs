// A country-scale plan for the browser test (issue 21, point 3): `n` measures in 50 layers (each
// measure depends on up to two measures of the layer before, so the schedule stays a few years
// long), 10 directions, 20 executors, 10 clusters × 30 modules; durations from a fixed linear
// congruential sequence, so the file is the same on every run. Written as a stream: the text is
// never held whole.
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";

export async function writeLargePlan(path, n) {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once("drain", r)));
  let x = 12345;
  const next = (m) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % m;
  };
  const ids = (i) => `m${String(i).padStart(7, "0")}`;
  const list = (k, f) => Array.from({ length: k }, (_, j) => f(j)).join(",");
  await write(
    `{"strategy":{"id":"country","title":{"en":"A country's plan","az":"Ölkə planı"},"period":{"start":"2024-01-01","end":"2030-12-31"}},` +
      `"organizations":[${list(20, (j) => `{"id":"O${j + 1}","name":{"en":"Executor ${j + 1}"},"kind":"state_body"}`)}],` +
      `"directions":[${list(10, (j) => `{"id":"D${j + 1}","title":{"en":"Direction ${j + 1}"}}`)}],` +
      `"clusters":[${list(10, (j) => `{"id":"C${j + 1}","title":{"en":"Cluster ${j + 1}"}}`)}],` +
      `"modules":[${list(30, (j) => `{"id":"M${j + 1}","title":{"en":"Module ${j + 1}"},"applies_to":{"all":true}}`)}],"measures":[`,
  );
  const layer = Math.ceil(n / 50);
  let chunk = [];
  for (let i = 0; i < n; i += 1) {
    const l = Math.floor(i / layer);
    const deps = [];
    if (l > 0) {
      const k = next(3);
      for (let j = 0; j < k; j += 1) {
        const d = (l - 1) * layer + next(layer);
        if (!deps.includes(d)) deps.push(d);
      }
    }
    chunk.push(
      `{"id":"${ids(i)}","direction":"D${1 + (i % 10)}","title":{"en":"Measure ${i}"},"main_executor":"O${1 + (i % 20)}",` +
        `"duration_days":${1 + next(60)},"depends_on":[${deps.map((d) => `"${ids(d)}"`).join(",")}],` +
        `"targets":[{"module":"M${1 + next(30)}","clusters":["C${1 + next(10)}"]}]}`,
    );
    if (chunk.length === 10_000) {
      await write((i + 1 > chunk.length ? "," : "") + chunk.join(","));
      chunk = [];
    }
  }
  if (chunk.length) await write((n > chunk.length ? "," : "") + chunk.join(","));
  await write("]}\n");
  await new Promise((r) => out.end(r));
}
