#!/usr/bin/env node
// Compiles contracts/src/*.sol with the pinned solc-js and writes foundry-shaped artifacts
// (contracts/out/<Name>.json: contractName, abi, bytecode.object, deployedBytecode.object),
// which alloy's `sol!(Name, "contracts/out/Name.json")` reads.
//
//   node build.mjs            compile and (re)write contracts/out/
//   node build.mjs --check    compile in memory; exit 1 if contracts/out/ differs (stale, missing or extra files)
//   node build.mjs --selectors  also print every contract's method identifiers and event topics
//
// The output is deterministic: no metadata hash and no CBOR trailer, so absolute paths never leak into bytecode.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(HERE, 'src');
const OUT = path.join(HERE, 'out');
const NODE_MODULES = path.join(HERE, 'node_modules');
const EXPECTED_SOLC = '0.8.30';

const args = new Set(process.argv.slice(2));
const CHECK = args.has('--check');
const SELECTORS = args.has('--selectors');
for (const a of args) {
  if (!['--check', '--selectors'].includes(a)) {
    console.error(`unknown argument ${a} (use --check or --selectors)`);
    process.exit(2);
  }
}

const version = solc.version();
if (!version.startsWith(EXPECTED_SOLC + '+')) {
  console.error(`solc ${version} found, ${EXPECTED_SOLC} expected: run \`npm --prefix contracts ci\``);
  process.exit(1);
}

const files = fs.readdirSync(SRC).filter((f) => f.endsWith('.sol')).sort();
if (files.length === 0) {
  console.error('no contracts in contracts/src');
  process.exit(1);
}
const sources = {};
for (const f of files) sources[`src/${f}`] = { content: fs.readFileSync(path.join(SRC, f), 'utf8') };

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    viaIR: false,
    metadata: { bytecodeHash: 'none', appendCBOR: false },
    outputSelection: {
      '*': {
        '': ['ast'],
        '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'],
      },
    },
  },
};

function findImports(p) {
  // Only package imports are resolved, and only from contracts/node_modules.
  if (p.startsWith('@openzeppelin/')) {
    const full = path.join(NODE_MODULES, p);
    if (fs.existsSync(full)) return { contents: fs.readFileSync(full, 'utf8') };
    return { error: `${p} not found in contracts/node_modules (run \`npm --prefix contracts ci\`)` };
  }
  return { error: `cannot resolve import ${p}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

const diagnostics = output.errors || [];
const errors = diagnostics.filter((e) => e.severity === 'error');
const warnings = diagnostics.filter((e) => e.severity !== 'error');
for (const w of warnings) console.error(w.formattedMessage || w.message);
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage || e.message);
  console.error(`compilation failed: ${errors.length} error(s)`);
  process.exit(1);
}

// Deployable contracts = ContractDefinition nodes of kind "contract" that are not abstract, in src/*.sol only.
const artifacts = new Map();
for (const file of Object.keys(sources)) {
  const ast = output.sources[file]?.ast;
  if (!ast) {
    console.error(`no AST for ${file}`);
    process.exit(1);
  }
  for (const node of ast.nodes) {
    if (node.nodeType !== 'ContractDefinition' || node.contractKind !== 'contract' || node.abstract) continue;
    const c = output.contracts[file][node.name];
    if (artifacts.has(node.name)) {
      console.error(`contract name ${node.name} is defined twice; artifact names must be unique`);
      process.exit(1);
    }
    const artifact = {
      contractName: node.name,
      abi: c.abi,
      bytecode: { object: '0x' + c.evm.bytecode.object },
      deployedBytecode: { object: '0x' + c.evm.deployedBytecode.object },
    };
    artifacts.set(node.name, { json: JSON.stringify(artifact, null, 2) + '\n', methods: c.evm.methodIdentifiers, abi: c.abi });
  }
}

if (SELECTORS) {
  const { keccak256 } = require('js-sha3');
  const canon = (p) => (p.type.startsWith('tuple') ? `(${p.components.map(canon).join(',')})${p.type.slice(5)}` : p.type);
  for (const [name, a] of [...artifacts].sort()) {
    console.log(`${name}:`);
    for (const [sig, sel] of Object.entries(a.methods).sort()) console.log(`  0x${sel}  ${sig}`);
    for (const ev of a.abi.filter((x) => x.type === 'event')) {
      const sig = `${ev.name}(${ev.inputs.map(canon).join(',')})`;
      console.log(`  0x${keccak256(sig)}  event ${sig}`);
    }
  }
}

const names = [...artifacts.keys()].sort();
if (CHECK) {
  const problems = [];
  const existing = fs.existsSync(OUT) ? fs.readdirSync(OUT).filter((f) => f.endsWith('.json')) : [];
  for (const n of names) {
    const f = path.join(OUT, `${n}.json`);
    if (!fs.existsSync(f)) problems.push(`missing: out/${n}.json`);
    else if (fs.readFileSync(f, 'utf8') !== artifacts.get(n).json) problems.push(`differs: out/${n}.json`);
  }
  for (const f of existing) if (!artifacts.has(f.slice(0, -5))) problems.push(`extra: out/${f}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(`  ${p}`);
    console.error('contracts/out is stale: run `npm --prefix contracts run build`');
    process.exit(1);
  }
  console.log(`contracts/out is up to date: ${names.length} artifacts (solc ${version}, ${warnings.length} warning(s))`);
} else {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) {
    if (f.endsWith('.json') && !artifacts.has(f.slice(0, -5))) fs.rmSync(path.join(OUT, f));
  }
  for (const n of names) {
    const f = path.join(OUT, `${n}.json`);
    const json = artifacts.get(n).json;
    if (!fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== json) fs.writeFileSync(f, json);
  }
  console.log(`compiled ${files.length} source(s) with solc ${version}: wrote ${names.length} artifact(s) to contracts/out (${names.join(', ')}), ${warnings.length} warning(s)`);
}
