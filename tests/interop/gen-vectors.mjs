// Regenerates sdk-vectors.json (roots, submission nodes, segment proofs) with the pinned SDK:
//   npm ci --prefix tests/interop && (cd tests/interop && node gen-vectors.mjs | python3 -m json.tool --indent 0 > sdk-vectors.json)
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
const SDK_DIR = process.cwd();
const pkgDir = path.join(SDK_DIR, 'node_modules/@0gfoundation/0g-ts-sdk');
const sdk = await import(pathToFileURL(path.join(pkgDir, 'lib.esm/index.js')).href);
const SIZES = [1, 255, 256, 257, 4097, 65536, 262143, 262144, 262145, 435200, 435201, 600000, 1048576, 1048577, 3000000, 4194305, 5242883, 10000000, 16777217, 33554433];
function makeData(n) { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) % 251; return b; }
const out = [];
for (const n of SIZES) {
  const file = new sdk.MemData(makeData(n));
  const [tree] = await file.merkleTree();
  const [sub] = await file.createSubmission('0x', '0x0000000000000000000000000000000000000001');
  const proofs = [];
  const L = tree.leaves.length;
  const idx = [...new Set([0, 1, Math.floor(L/2), L-2, L-1].filter(i => i >= 0 && i < L))];
  for (const i of idx) { const p = tree.proofAt(i); proofs.push([i, p.lemma, p.path]); }
  out.push({ size: n, root: tree.rootHash(), nodes: sub.data.nodes.map(x => [Number(x.height), x.root]), segs: L, proofs });
}
console.log(JSON.stringify(out));
