// Uploads FILE with the official 0G TS SDK (pinned in package.json) and prints
// {"root": "0x…", "txSeq": N, "txHash": "0x…"} as the last line of stdout.
// Usage: node upload.mjs RPC FLOW NODES PRIVATEKEY FILE     (NODES: comma-separated URLs)
import { Uploader, StorageNode, ZgFile, getFlowContract } from '@0gfoundation/0g-ts-sdk';
import { ethers } from 'ethers';

const [rpc, flowAddr, nodesArg, key, file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node upload.mjs RPC FLOW NODES PRIVATEKEY FILE');
  process.exit(2);
}
// The SDK logs progress with console.log: keep stdout for the result.
const log = console.log;
console.log = (...a) => console.error(...a);

const provider = new ethers.JsonRpcProvider(rpc);
const signer = new ethers.Wallet(key, provider);
const flow = getFlowContract(flowAddr, signer);
const nodes = nodesArg.split(',').map((u) => new StorageNode(u));
const uploader = new Uploader(nodes, rpc, flow);
const zf = await ZgFile.fromFilePath(file);
const [res, err] = await uploader.splitableUpload(zf, {});
await zf.close();
if (err) {
  console.error('upload failed:', err);
  process.exit(1);
}
log(JSON.stringify({ root: res.rootHashes[0], roots: res.rootHashes, txSeq: res.txSeqs[0], txHash: res.txHashes[0] }));
process.exit(0);
