// The PouchDB server packages ship no type definitions; the benchmark uses a small surface of them.
declare module 'pouchdb-core' {
  interface PouchStatic {
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  function expressPouchdb(PouchDB: unknown, options?: Record<string, unknown>): RequestHandler;
  export default expressPouchdb;
}
