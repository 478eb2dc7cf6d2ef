// A small promise wrapper over IndexedDB: one database, three object stores, and one call that
// runs a piece of work inside a single transaction. The work's promise resolves only once the
// transaction has committed; it rejects with the error that aborted it (QuotaExceededError when
// storage is full). Why our own wrapper and not the `idb` package: docs/decisions/0003-storage.md.
export const NAME = "sdo-openness";
export const VERSION = 1;
/** The object stores: assessments by id, unreadable data kept as-is, and the page's settings. */
export const STORES = { assessments: { keyPath: "id" }, quarantine: { keyPath: "qid", autoIncrement: true }, settings: { keyPath: "key" } };

const promised = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Opens (creating or upgrading) the database; rejects where IndexedDB is missing or refused. */
export function openDb(factory = globalThis.indexedDB) {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(new DOMException("IndexedDB is not available", "NotSupportedError"));
    let request;
    try {
      request = factory.open(NAME, VERSION);
    } catch (e) {
      return reject(e);
    }
    request.onupgradeneeded = () => {
      for (const [name, options] of Object.entries(STORES)) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, options);
      }
    };
    request.onsuccess = () => resolve(new Db(request.result));
    request.onerror = () => reject(request.error);
  });
}

class Db {
  #db;
  constructor(db) {
    this.#db = db;
    // A newer version of the page wants to upgrade: let it, rather than block it.
    db.onversionchange = () => db.close();
  }

  /**
   * Runs `work(tx)` in one transaction over `names`; `tx` has get, getAll, put, add and delete,
   * each `(store, …)` and returning a promise. Resolves with work's result once committed.
   */
  run(names, mode, work) {
    return new Promise((resolve, reject) => {
      let transaction;
      try {
        transaction = this.#db.transaction(names, mode);
      } catch (e) {
        return reject(e);
      }
      const store = (name) => transaction.objectStore(name);
      const tx = {
        get: (name, key) => promised(store(name).get(key)),
        getAll: (name) => promised(store(name).getAll()),
        put: (name, value) => promised(store(name).put(value)),
        add: (name, value) => promised(store(name).add(value)),
        delete: (name, key) => promised(store(name).delete(key)),
      };
      let result;
      let failure;
      transaction.oncomplete = () => resolve(result);
      transaction.onabort = () => reject(failure ?? transaction.error ?? new DOMException("Transaction aborted", "AbortError"));
      (async () => work(tx))().then(
        (value) => (result = value),
        (error) => {
          failure = error;
          try {
            transaction.abort();
          } catch {
            // Already finished: its own abort event carries the error.
          }
        },
      );
    });
  }
}
