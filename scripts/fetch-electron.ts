// `npm run fetch:electron`: fetch the Electron binary now (npm install leaves it
// out; see scripts/electron-binary.ts). `npm run dist` runs it first.
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electron-binary';
import { electronBinaryDeps } from './electron-installer';

const root = fileURLToPath(new URL('..', import.meta.url));
const decision = await ensureElectronBinary(electronBinaryDeps(root, process.env, (line) => console.log(line)));
if (decision.kind === 'electron') {
  console.log(`Electron is ready: ${decision.binary}`);
} else {
  console.error(`No Electron binary: ${decision.reason}.`);
  if (decision.advice !== undefined) console.error(decision.advice);
  process.exit(1);
}
