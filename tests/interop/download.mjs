// Downloads ROOT with the official 0G TS SDK (pinned in package.json) into OUT.
// Usage: node download.mjs NODES ROOT OUT     (NODES: comma-separated URLs)
import { Downloader, StorageNode } from '@0gfoundation/0g-ts-sdk';

const [nodesArg, root, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node download.mjs NODES ROOT OUT');
  process.exit(2);
}
console.log = (...a) => console.error(...a);
const nodes = nodesArg.split(',').map((u) => new StorageNode(u));
const d = new Downloader(nodes);
const err = await d.download(root, out, false);
if (err) {
  console.error('download failed:', err);
  process.exit(1);
}
process.exit(0);
