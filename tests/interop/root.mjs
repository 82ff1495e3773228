// Computes FILE's root with the official 0G TS SDK and prints {"root": "0x…", "ms": N}.
// Usage: node root.mjs FILE
import { ZgFile } from '@0gfoundation/0g-ts-sdk';

const file = process.argv[2];
const t0 = Date.now();
const zf = await ZgFile.fromFilePath(file);
const [tree, err] = await zf.merkleTree();
await zf.close();
if (err) {
  console.error('root failed:', err);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ root: tree.rootHash(), ms: Date.now() - t0 }) + '\n');
