/**
 * The classic peer: a CouchDB-compatible server (express-pouchdb, the core of
 * pouchdb-server) over PouchDB's in-memory adapter, run as its own process so
 * it does not share an event loop with the client being measured.
 * Prints `listening <port>` once ready.
 */
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import mapReduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import os from 'node:os';
import path from 'node:path';

const MemoryPouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(mapReduce).plugin(replication).defaults({ adapter: 'memory' });

const app = express();
app.use(
  '/',
  expressPouchdb(MemoryPouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: path.join(os.tmpdir(), `pouchdb-bench-${process.pid}.log`),
  }),
);
const port = Number(process.env.PORT ?? 0);
const server = app.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
