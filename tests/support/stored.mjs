// What the assessment page keeps in this browser, read straight from its IndexedDB database
// (www/app/db.js): no debug hook in the page. `stored(page)` gives the shape the suites used to
// read from localStorage: { assessments: { id: { id, profile, held? } }, order, current, weights }.

/** Every record of every store: { assessments, quarantine, settings } (arrays). */
export function readDb(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, no) => {
      const request = indexedDB.open("sdo-openness");
      request.onsuccess = () => ok(request.result);
      request.onerror = () => no(request.error);
    });
    const all = (name) =>
      new Promise((ok, no) => {
        if (!db.objectStoreNames.contains(name)) return ok([]);
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => ok(request.result);
        request.onerror = () => no(request.error);
      });
    try {
      return { assessments: await all("assessments"), quarantine: await all("quarantine"), settings: await all("settings") };
    } finally {
      db.close();
    }
  });
}

export async function stored(page) {
  const { assessments, settings } = await readDb(page);
  const prefs = settings.find((s) => s.key === "settings") ?? {};
  const records = assessments.toSorted((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  return {
    assessments: Object.fromEntries(records.map(({ id, profile, held }) => [id, held === undefined ? { id, profile } : { id, profile, held }])),
    order: records.map((r) => r.id),
    current: prefs.current ?? null,
    weights: prefs.weights ?? null,
  };
}
