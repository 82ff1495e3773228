// Drives the official 0G TS SDK's Indexer (pinned in package.json) against an indexer URL.
// Usage: node indexer.mjs upload INDEXER RPC PRIVATEKEY FILE   (prints {"root": "0x…", "txSeq": N})
//        node indexer.mjs download INDEXER ROOT OUT
import { Indexer, ZgFile } from '@0gfoundation/0g-ts-sdk';
import { ethers } from 'ethers';

const [cmd, url, ...rest] = process.argv.slice(2);
// The SDK logs progress with console.log: keep stdout for the result.
const log = console.log;
console.log = (...a) => console.error(...a);
const indexer = new Indexer(url);
if (cmd === 'upload') {
  const [rpc, key, file] = rest;
  const signer = new ethers.Wallet(key, new ethers.JsonRpcProvider(rpc));
  const zf = await ZgFile.fromFilePath(file);
  // taskSize 10 as 0G's Go client: with the SDK's default of 1, its task interleaving (bounded by the
  // shortest node's list) drops segments when shards hold unequal counts.
  const [res, err] = await indexer.upload(zf, rpc, signer, { taskSize: 10 });
  await zf.close();
  if (err) {
    console.error('upload failed:', err);
    process.exit(1);
  }
  log(JSON.stringify({ root: res.rootHash, txSeq: res.txSeq }));
} else if (cmd === 'download') {
  const [root, out] = rest;
  const err = await indexer.download(root, out, true);
  if (err) {
    console.error('download failed:', err);
    process.exit(1);
  }
} else {
  console.error('usage: node indexer.mjs upload|download INDEXER ...');
  process.exit(2);
}
process.exit(0);
