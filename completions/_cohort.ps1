
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cohort' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cohort'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cohort' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('quickstart', 'quickstart', [CompletionResultType]::ParameterValue, 'The whole lifecycle on the local devnet in one command: data, training, token, rewards')
            [CompletionResult]::new('wallet', 'wallet', [CompletionResultType]::ParameterValue, 'Keystore wallets, passwords, balances, transfers and signatures')
            [CompletionResult]::new('dataset', 'dataset', [CompletionResultType]::ParameterValue, 'Community datasets: create, upload, review, seal, download, verify')
            [CompletionResult]::new('storage', 'storage', [CompletionResultType]::ParameterValue, 'Store and fetch files on 0G-compatible storage nodes: upload, download, info, root')
            [CompletionResult]::new('train', 'train', [CompletionResultType]::ParameterValue, 'Train the builtin byte-level model, or LoRA adapters for a Hugging Face model, on local files')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Training jobs: submit, list, show, watch, cancel, coordinate, close rounds and audit')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Workers: register this machine, work on jobs, earnings and withdrawals')
            [CompletionResult]::new('model', 'model', [CompletionResultType]::ParameterValue, 'Models: evaluate, sample, merge, average, verify, download, upload bases, tokenize, list, show, holders, allocations; serve, query and settle paid use')
            [CompletionResult]::new('rewards', 'rewards', [CompletionResultType]::ParameterValue, 'Rewards: unclaimed allocations, model revenue and worker earnings; claim and deposit')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute a model''s whole history from chain and storage; exit 5 naming the first link that does not hold')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Pay-per-use: your deposit on the usage ledger and vouchers for model servers')
            [CompletionResult]::new('devnet', 'devnet', [CompletionResultType]::ParameterValue, 'Run a local chain, the contracts and storage nodes on this machine')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Run a 0G-compatible storage node')
            [CompletionResult]::new('indexer', 'indexer', [CompletionResultType]::ParameterValue, 'Run a 0G indexer that lists a set of storage nodes to clients')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Deploy the contract suite to the active profile''s chain')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and edit profiles and settings')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;quickstart' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'anvil''s port if the devnet has to be started (0 picks a free one)')
            [CompletionResult]::new('--rounds', '--rounds', [CompletionResultType]::ParameterName, 'Training rounds of the demo job')
            [CompletionResult]::new('--steps', '--steps', [CompletionResultType]::ParameterName, 'Training steps per worker per round')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--gpu', '--gpu', [CompletionResultType]::ParameterName, 'Make the demo job require a GPU: the workers train on CUDA and the coordinator re-executes on the GPU (needs a cohort built with `--features cuda`)')
            [CompletionResult]::new('--lora', '--lora', [CompletionResultType]::ParameterName, 'Fine-tune an open-weight model instead: a `lora` job on the committed tiny Qwen2 model (its base model uploaded to storage first), served with its adapter')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a wallet with a new random key or a new recovery phrase')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List wallets: name, address, and which one is the default')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a wallet''s address and keystore file')
            [CompletionResult]::new('default', 'default', [CompletionResultType]::ParameterValue, 'Make a wallet the default signer (with --profile: that profile''s wallet)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a wallet')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a wallet''s keystore (asks first, unless --yes)')
            [CompletionResult]::new('change-password', 'change-password', [CompletionResultType]::ParameterValue, 'Re-encrypt a wallet with a new password')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the private key (after confirmation) or copy the keystore file')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Check a wallet''s password; with --remember, keep it in the OS keyring')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Forget a password remembered in the OS keyring')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send the native coin or an ERC-20 token, and wait for the receipt')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message (EIP-191 personal message)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check an EIP-191 signature: print the signer, or check it is --address')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;wallet;new' {
            [CompletionResult]::new('--mnemonic', '--mnemonic', [CompletionResultType]::ParameterName, 'Derive the key from a new BIP-39 recovery phrase of 12 (default) or 24 words, printed once on stdout as the only backup (or written to --mnemonic-file)')
            [CompletionResult]::new('--mnemonic-file', '--mnemonic-file', [CompletionResultType]::ParameterName, 'Write the recovery phrase to this file (mode 0600) instead of stdout')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the new wallet''s password')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing wallet of the same name, whose key is lost unless backed up (asks first, unless --yes), and an existing --mnemonic-file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;import' {
            [CompletionResult]::new('--private-key-file', '--private-key-file', [CompletionResultType]::ParameterName, 'File holding a hex private key (`-` reads standard input)')
            [CompletionResult]::new('--mnemonic-file', '--mnemonic-file', [CompletionResultType]::ParameterName, 'File holding a BIP-39 recovery phrase (`-` reads standard input)')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Account index N of the phrase, path m/44''/60''/0''/0/N')
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'A Web3 Secret Storage v3 keystore file (geth, foundry, cohort); it keeps its password')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the password (the new wallet''s; with --keystore, the keystore''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing wallet of the same name, whose key is lost unless backed up (asks first, unless --yes)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;default' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;rename' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing wallet named NEW, whose key is lost unless backed up (asks first, unless --yes)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;remove' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;change-password' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the current password')
            [CompletionResult]::new('--new-password-file', '--new-password-file', [CompletionResultType]::ParameterName, 'File holding the new password (else asked twice on the terminal)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;export' {
            [CompletionResult]::new('--keystore', '--keystore', [CompletionResultType]::ParameterName, 'Copy the keystore file (still encrypted) to FILE, mode 0600')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the password (for --private-key)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Print the private key on stdout (asks first, unless --yes). Anyone who sees it owns the wallet''s funds')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing FILE')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;unlock' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the password')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--remember', '--remember', [CompletionResultType]::ParameterName, 'Keep the password in the OS keyring, so later commands need no password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;lock' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;balance' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Also show the balance of this ERC-20 token: address or symbol (repeatable)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;send' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Send this ERC-20 token instead of the native coin: address or symbol (a model token''s, or a revenue asset of a model)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check and show the transfer (gas, fees, funds) without sending it; needs no password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;sign' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--hex', '--hex', [CompletionResultType]::ParameterName, 'The message is hex bytes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;verify' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Who should have signed (an address, a wallet''s name or dev:N); a mismatch is exit 5')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--hex', '--hex', [CompletionResultType]::ParameterName, 'The message is hex bytes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;wallet;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a wallet with a new random key or a new recovery phrase')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List wallets: name, address, and which one is the default')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a wallet''s address and keystore file')
            [CompletionResult]::new('default', 'default', [CompletionResultType]::ParameterValue, 'Make a wallet the default signer (with --profile: that profile''s wallet)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a wallet')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a wallet''s keystore (asks first, unless --yes)')
            [CompletionResult]::new('change-password', 'change-password', [CompletionResultType]::ParameterValue, 'Re-encrypt a wallet with a new password')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the private key (after confirmation) or copy the keystore file')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Check a wallet''s password; with --remember, keep it in the OS keyring')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Forget a password remembered in the OS keyring')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send the native coin or an ERC-20 token, and wait for the receipt')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message (EIP-191 personal message)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check an EIP-191 signature: print the signer, or check it is --address')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;wallet;help;new' {
            break
        }
        'cohort;wallet;help;import' {
            break
        }
        'cohort;wallet;help;list' {
            break
        }
        'cohort;wallet;help;show' {
            break
        }
        'cohort;wallet;help;default' {
            break
        }
        'cohort;wallet;help;rename' {
            break
        }
        'cohort;wallet;help;remove' {
            break
        }
        'cohort;wallet;help;change-password' {
            break
        }
        'cohort;wallet;help;export' {
            break
        }
        'cohort;wallet;help;unlock' {
            break
        }
        'cohort;wallet;help;lock' {
            break
        }
        'cohort;wallet;help;balance' {
            break
        }
        'cohort;wallet;help;send' {
            break
        }
        'cohort;wallet;help;sign' {
            break
        }
        'cohort;wallet;help;verify' {
            break
        }
        'cohort;wallet;help;help' {
            break
        }
        'cohort;dataset' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a dataset; you become its curator')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files or folders and record them as your contributions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every dataset')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a dataset''s metadata and its contributions')
            [CompletionResult]::new('contributors', 'contributors', [CompletionResultType]::ParameterValue, 'Show each contributor''s weight (accepted size × score) and share')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Accept (with a score) or reject contributions (curator only)')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal a dataset: its weights never change again and jobs may train on it (curator only)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the accepted files to DIR/<contributor address>/<path>, each verified')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Ask the storage nodes for every file and report missing or unfinalized ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;dataset;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the dataset holds')
            [CompletionResult]::new('--license', '--license', [CompletionResultType]::ParameterName, 'SPDX license of the data: an identifier (CC-BY-4.0, CC0-1.0), an expression (`MIT OR Apache-2.0`) or LicenseRef-NAME for terms of your own; anything else is refused')
            [CompletionResult]::new('--previous', '--previous', [CompletionResultType]::ParameterName, 'The dataset (id or name) this one is a new version of')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;upload' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Include hidden files and folders (names starting with ''.'')')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;contributors' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;review' {
            [CompletionResult]::new('--score', '--score', [CompletionResultType]::ParameterName, 'Quality score of accepted contributions, 1 to 100')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--all-pending', '--all-pending', [CompletionResultType]::ParameterName, 'Review every pending contribution')
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'Accept, with --score. Each file is first downloaded (every proof checked) and compared with its recorded size and blake3; nothing is sent when one does not match (exit 5), has a path no download can write, or has the same content as one already accepted or another being accepted (exit 2): reject those first. A file that could not be fetched (its storage nodes offline, or none reachable holding it) is exit 3: retry, nothing was sent')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Accept without downloading the files, taking their recorded size and blake3 as they are (for files checked already, e.g. with `cohort dataset verify --deep`)')
            [CompletionResult]::new('--reject', '--reject', [CompletionResultType]::ParameterName, 'Reject')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;seal' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;download' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Folder to write into (created if missing)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Folder to write into (created if missing)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Folder to write into (created if missing)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many files download at once')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;verify' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also download every file and check its blake3 hash')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;dataset;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a dataset; you become its curator')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files or folders and record them as your contributions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every dataset')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a dataset''s metadata and its contributions')
            [CompletionResult]::new('contributors', 'contributors', [CompletionResultType]::ParameterValue, 'Show each contributor''s weight (accepted size × score) and share')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Accept (with a score) or reject contributions (curator only)')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal a dataset: its weights never change again and jobs may train on it (curator only)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the accepted files to DIR/<contributor address>/<path>, each verified')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Ask the storage nodes for every file and report missing or unfinalized ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;dataset;help;create' {
            break
        }
        'cohort;dataset;help;upload' {
            break
        }
        'cohort;dataset;help;list' {
            break
        }
        'cohort;dataset;help;show' {
            break
        }
        'cohort;dataset;help;contributors' {
            break
        }
        'cohort;dataset;help;review' {
            break
        }
        'cohort;dataset;help;seal' {
            break
        }
        'cohort;dataset;help;download' {
            break
        }
        'cohort;dataset;help;verify' {
            break
        }
        'cohort;dataset;help;help' {
            break
        }
        'cohort;storage' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files: compute the root, pay the fee, submit, send every node its segments')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download files by root, checking every segment''s proof and the whole root')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'What each storage node knows about a root: tx_seq, size, finalized, segments stored')
            [CompletionResult]::new('root', 'root', [CompletionResultType]::ParameterValue, 'Compute a file''s root and submission nodes locally (no network)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;storage;upload' {
            [CompletionResult]::new('--fragment-size', '--fragment-size', [CompletionResultType]::ParameterName, 'Split files larger than this into fragments, each its own root and transaction (rounded up to a power of two, at least 256 bytes, as 0G''s clients do: 100MiB gives 128 MiB)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Segments (256 KiB each) per upload request; a node that refuses a request as too big gets halves of it')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Upload requests in flight per node')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the nodes to see the transaction, and to finalize')
            [CompletionResult]::new('--expected-replica', '--expected-replica', [CompletionResultType]::ParameterName, 'Store every shard on this many nodes: the nodes asked of the indexer (or named with --storage-node) must cover every shard this often, else nothing is paid (exit 1)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'The submission''s tags, as hex (`0x…`): recorded on chain with the file [default: none]')
            [CompletionResult]::new('--max-fee', '--max-fee', [CompletionResultType]::ParameterName, 'Refuse to pay more than this fee per file or fragment (1.5, 0.001ether, 250gwei, 1000wei): a higher fee fails with exit 4 before anything is sent')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the segments are sent, without waiting for the nodes to finalize')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;storage;download' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the file; `-` streams it to stdout (each segment written once its proof checks, in order; the root checked at the end: exit 5 on a mismatch; no resume)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the file; `-` streams it to stdout (each segment written once its proof checks, in order; the root checked at the end: exit 5 on a mismatch; no resume)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the file; `-` streams it to stdout (each segment written once its proof checks, in order; the root checked at the end: exit 5 on a mismatch; no resume)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Segments fetched at once, asked 4 per request (each one''s proof is checked as it arrives, on all cores)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing output file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;storage;info' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;storage;root' {
            [CompletionResult]::new('--fragment-size', '--fragment-size', [CompletionResultType]::ParameterName, 'Fragment size, as for upload (rounded up to a power of two)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Hashing threads (0: all cores)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--fee', '--fee', [CompletionResultType]::ParameterName, 'Also quote the fee at the flow''s current price (reads the chain; nothing is sent)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;storage;help' {
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files: compute the root, pay the fee, submit, send every node its segments')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download files by root, checking every segment''s proof and the whole root')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'What each storage node knows about a root: tx_seq, size, finalized, segments stored')
            [CompletionResult]::new('root', 'root', [CompletionResultType]::ParameterValue, 'Compute a file''s root and submission nodes locally (no network)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;storage;help;upload' {
            break
        }
        'cohort;storage;help;download' {
            break
        }
        'cohort;storage;help;info' {
            break
        }
        'cohort;storage;help;root' {
            break
        }
        'cohort;storage;help;help' {
            break
        }
        'cohort;train' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Text files or folders (read recursively) to train on; JSONL files too with the lora trainer')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The job spec (TOML) whose [model] and [training] tables configure the run')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Folder for checkpoints and metrics.json (temporary files that a killed run left there are removed at the start). One run at a time trains into a folder; a run without --init needs a new or empty one')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Folder for checkpoints and metrics.json (temporary files that a killed run left there are removed at the start). One run at a time trains into a folder; a run without --init needs a new or empty one')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Folder for checkpoints and metrics.json (temporary files that a killed run left there are removed at the start). One run at a time trains into a folder; a run without --init needs a new or empty one')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Start from this checkpoint (its optimizer state too, when it has one) and continue its run: by default up to training.steps, on the same learning-rate schedule')
            [CompletionResult]::new('--steps', '--steps', [CompletionResultType]::ParameterName, 'Steps to train from where the run starts (default: training.steps; from an --init checkpoint at step S, training.steps - S, and exit 2 when S is there already)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for initialization, batches and dropout (default: training.seed)')
            [CompletionResult]::new('--round', '--round', [CompletionResultType]::ParameterName, 'Pool round: part of the batch sampling key (default 0)')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker address: part of the batch sampling key (default: the zero address)')
            [CompletionResult]::new('--checkpoint-every', '--checkpoint-every', [CompletionResultType]::ParameterName, 'Write a checkpoint every K global steps (default: training.checkpoint_every)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Where to compute')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--fresh-optimizer', '--fresh-optimizer', [CompletionResultType]::ParameterName, 'Start with a fresh optimizer state even when --init has one')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Train even when the memory estimate exceeds the available memory')
            [CompletionResult]::new('--recompute', '--recompute', [CompletionResultType]::ParameterName, 'LoRA: recompute each block''s activations in backward instead of keeping them (less memory, about a third more time, the same result). Default: only when memory is short')
            [CompletionResult]::new('--timings', '--timings', [CompletionResultType]::ParameterName, 'Time each phase of every step but the first (the batch, on a GPU each kind of op of the builtin model''s pass, the optimizer, evaluation, checkpoints), each run to completion before the next, and report them. The steps run slower, with the same result')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Check a job spec, upload its bundle and escrow rounds × reward per round')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A job''s spec, state, rounds, submissions, rejections with reasons, payouts and escrow')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends. A chain or storage outage is ridden out: each poll that cannot reach them says so on stderr, and watching goes on')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a job (owner): the unspent rounds are refunded to your earnings')
            [CompletionResult]::new('coordinate', 'coordinate', [CompletionResultType]::ParameterValue, 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee''s threshold agrees')
            [CompletionResult]::new('close-round', 'close-round', [CompletionResultType]::ParameterValue, 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Re-execute a worker''s submission from the recorded inputs and report match or mismatch')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;job;submit' {
            [CompletionResult]::new('--min-workers', '--min-workers', [CompletionResultType]::ParameterName, 'With --coordinate: start the job once this many workers joined')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the escrow, storage fee, gas estimates and balances after; send nothing (no password is asked: a plan uses the wallet''s address only)')
            [CompletionResult]::new('--coordinate', '--coordinate', [CompletionResultType]::ParameterName, 'Keep running as the job''s coordinator after submitting')
            [CompletionResult]::new('--allow-exec', '--allow-exec', [CompletionResultType]::ParameterName, 'With --coordinate: run a deterministic exec job''s command to re-execute submissions')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;list' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet or address for --mine (default: the selected wallet)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only jobs that take workers (open, or running with rounds left)')
            [CompletionResult]::new('--mine', '--mine', [CompletionResultType]::ParameterName, 'Only jobs the wallet owns, coordinates or works in')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;show' {
            [CompletionResult]::new('--plot', '--plot', [CompletionResultType]::ParameterName, 'Also draw the validation loss per round (and each worker''s submissions) as an SVG file')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;watch' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;cancel' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;coordinate' {
            [CompletionResult]::new('--min-workers', '--min-workers', [CompletionResultType]::ParameterName, 'Start the job once this many workers joined')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'Seconds between polls of the chain')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)')
            [CompletionResult]::new('--gpu-tolerance', '--gpu-tolerance', [CompletionResultType]::ParameterName, 'For jobs that require a GPU: largest difference accepted, as a fraction of the span''s largest weight change (GPU and CPU kernels round differently)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--allow-exec', '--allow-exec', [CompletionResultType]::ParameterName, 'Run the job''s command to re-execute submissions of an exec job that declares `[model] deterministic = true` (required for such jobs)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;close-round' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;audit' {
            [CompletionResult]::new('--round', '--round', [CompletionResultType]::ParameterName, 'The round (from 0)')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The worker whose submission is audited (address, wallet name or dev:N)')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)')
            [CompletionResult]::new('--gpu-tolerance', '--gpu-tolerance', [CompletionResultType]::ParameterName, 'For jobs that require a GPU: largest difference accepted, as a fraction of the span''s largest weight change (GPU and CPU kernels round differently)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;job;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Check a job spec, upload its bundle and escrow rounds × reward per round')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A job''s spec, state, rounds, submissions, rejections with reasons, payouts and escrow')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends. A chain or storage outage is ridden out: each poll that cannot reach them says so on stderr, and watching goes on')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a job (owner): the unspent rounds are refunded to your earnings')
            [CompletionResult]::new('coordinate', 'coordinate', [CompletionResultType]::ParameterValue, 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee''s threshold agrees')
            [CompletionResult]::new('close-round', 'close-round', [CompletionResultType]::ParameterValue, 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Re-execute a worker''s submission from the recorded inputs and report match or mismatch')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;job;help;submit' {
            break
        }
        'cohort;job;help;list' {
            break
        }
        'cohort;job;help;show' {
            break
        }
        'cohort;job;help;watch' {
            break
        }
        'cohort;job;help;cancel' {
            break
        }
        'cohort;job;help;coordinate' {
            break
        }
        'cohort;job;help;close-round' {
            break
        }
        'cohort;job;help;audit' {
            break
        }
        'cohort;job;help;help' {
            break
        }
        'cohort;worker' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Record this machine''s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Join a job and work on it round by round until it ends')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave a job between rounds: its bond is credited back to your earnings')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Registration, the state on disk and the current job')
            [CompletionResult]::new('earnings', 'earnings', [CompletionResultType]::ParameterValue, 'Credited earnings and, per job, payouts (accepted and unverified rounds), returned and slashed bonds')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Pay out credited earnings (and job refunds) to the payee')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;worker;register' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for this machine, stored with its inventory')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;worker;run' {
            [CompletionResult]::new('--job', '--job', [CompletionResultType]::ParameterName, 'The job to work on (default: the job in the state folder)')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Folder for the worker''s state and round outputs, used by one run at a time (default: <data dir>/worker/<address>)')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'Seconds between polls of the chain while waiting')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--auto', '--auto', [CompletionResultType]::ParameterName, 'Pick the open job with the best reward whose requirements this machine meets')
            [CompletionResult]::new('--allow-exec', '--allow-exec', [CompletionResultType]::ParameterName, 'Allow jobs that run an external command (exec runtime); the command is printed first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;worker;leave' {
            [CompletionResult]::new('--job', '--job', [CompletionResultType]::ParameterName, 'The job to leave')
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Folder of the worker''s state, marked stopped when it works on this job (default: <data dir>/worker/<address>)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;worker;status' {
            [CompletionResult]::new('--state-dir', '--state-dir', [CompletionResultType]::ParameterName, 'Folder of the worker''s state (default: <data dir>/worker/<address>)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet or address (default: the selected wallet)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;worker;earnings' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet or address (default: the selected wallet)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;worker;withdraw' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;worker;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Record this machine''s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Join a job and work on it round by round until it ends')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave a job between rounds: its bond is credited back to your earnings')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Registration, the state on disk and the current job')
            [CompletionResult]::new('earnings', 'earnings', [CompletionResultType]::ParameterValue, 'Credited earnings and, per job, payouts (accepted and unverified rounds), returned and slashed bonds')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Pay out credited earnings (and job refunds) to the payee')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;worker;help;register' {
            break
        }
        'cohort;worker;help;run' {
            break
        }
        'cohort;worker;help;leave' {
            break
        }
        'cohort;worker;help;status' {
            break
        }
        'cohort;worker;help;earnings' {
            break
        }
        'cohort;worker;help;withdraw' {
            break
        }
        'cohort;worker;help;help' {
            break
        }
        'cohort;model' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder')
            [CompletionResult]::new('average', 'average', [CompletionResultType]::ParameterValue, 'Average builtin checkpoints'' weights (federated averaging), weighted.')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-run the steps between two builtin checkpoints and compare the result with the claimed one')
            [CompletionResult]::new('tokenize', 'tokenize', [CompletionResultType]::ParameterValue, 'Turn a completed job''s model into a token shared by its owner and contributors')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokenized models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A model token: job, datasets, model root, pools, holders, revenue per asset')
            [CompletionResult]::new('holders', 'holders', [CompletionResultType]::ParameterValue, 'A model token''s holders (from its Transfer events)')
            [CompletionResult]::new('allocation', 'allocation', [CompletionResultType]::ParameterValue, 'Contributors'' allocations of a model token, claimed or not')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a completed job''s final model (verified) with its spec and provenance; a lora job''s as a PEFT adapter folder beside its base model')
            [CompletionResult]::new('upload-base', 'upload-base', [CompletionResultType]::ParameterValue, 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job''s `model.base`')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Ask a served model, paying with vouchers signed by your wallet')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;model;eval' {
            [CompletionResult]::new('--adapter', '--adapter', [CompletionResultType]::ParameterName, 'A PEFT LoRA adapter folder to apply (Hugging Face folders only)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Tokens per scored sequence (Hugging Face folders only; default 256, or the model''s max_position_embeddings where smaller)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Text files or folders (recursive) to score')
            [CompletionResult]::new('--split', '--split', [CompletionResultType]::ParameterName, 'Which part of the data to score')
            [CompletionResult]::new('--max-windows', '--max-windows', [CompletionResultType]::ParameterName, 'Score at most N windows of `context` bytes (on a Hugging Face folder: N sequences), spread evenly (default: all)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'device')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;generate' {
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'Text the sample continues (with --chat: the user''s message)')
            [CompletionResult]::new('--max-tokens', '--max-tokens', [CompletionResultType]::ParameterName, 'Tokens (bytes for a builtin checkpoint, at most 65536) to generate at most; stops earlier at EOS (a Hugging Face folder: also where its context is full)')
            [CompletionResult]::new('--min-tokens', '--min-tokens', [CompletionResultType]::ParameterName, 'Tokens to generate before EOS may end the sample (Hugging Face folders only)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 2 (0: always the most likely token)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for sampling')
            [CompletionResult]::new('--adapter', '--adapter', [CompletionResultType]::ParameterName, 'A PEFT LoRA adapter folder to apply (Hugging Face folders only)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling: sample from the most likely tokens that reach this probability, in (0, 1]')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Where to compute (Hugging Face folders; a builtin checkpoint samples on the CPU, as `model serve` does)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--chat', '--chat', [CompletionResultType]::ParameterName, 'Send the prompt as a user message through the model''s chat template')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;merge' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The folder to write (must not exist or be empty)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The folder to write (must not exist or be empty)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The folder to write (must not exist or be empty)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;average' {
            [CompletionResult]::new('--weights', '--weights', [CompletionResultType]::ParameterName, 'Weights, one per checkpoint, comma-separated (default: equal)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the average (written atomically)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the average (written atomically)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the average (written atomically)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing output file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;verify' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The checkpoint the span starts from (at step s, with optimizer state)')
            [CompletionResult]::new('--claimed', '--claimed', [CompletionResultType]::ParameterName, 'The claimed checkpoint at the end of the span')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The training data the worker used')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The job spec the worker trained with')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'The worker''s address (part of the batch sampling key; default: the zero address)')
            [CompletionResult]::new('--round', '--round', [CompletionResultType]::ParameterName, 'The round (part of the batch sampling key)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'The seed, when the worker overrode the spec''s')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Where to re-execute: the CPU (bit-reproducible, the default) or a CUDA GPU')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)')
            [CompletionResult]::new('--gpu-tolerance', '--gpu-tolerance', [CompletionResultType]::ParameterName, 'For jobs that require a GPU: largest difference accepted, as a fraction of the span''s largest weight change (GPU and CPU kernels round differently)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;tokenize' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Token name, e.g. "News Summarizer"')
            [CompletionResult]::new('--symbol', '--symbol', [CompletionResultType]::ParameterName, 'Token symbol, e.g. NEWS')
            [CompletionResult]::new('--supply', '--supply', [CompletionResultType]::ParameterName, 'Whole supply in tokens (18 decimals), minted once: e.g. 1000000')
            [CompletionResult]::new('--owner-share', '--owner-share', [CompletionResultType]::ParameterName, 'No longer taken: the split was committed at `job submit` ([job.split] in the spec)')
            [CompletionResult]::new('--data-share', '--data-share', [CompletionResultType]::ParameterName, 'No longer taken (see --owner-share)')
            [CompletionResult]::new('--compute-share', '--compute-share', [CompletionResultType]::ParameterName, 'No longer taken (see --owner-share)')
            [CompletionResult]::new('--revenue-asset', '--revenue-asset', [CompletionResultType]::ParameterName, 'No longer taken: the revenue assets were committed at `job submit` (revenue_assets in the spec''s [job] table)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print every contributor''s allocation and send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;holders' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;allocation' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Only this contributor (address, wallet name or dev:N)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;download' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Folder to write model.safetensors (a lora job: adapter/ and base/), job.toml and provenance.json into')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Folder to write model.safetensors (a lora job: adapter/ and base/), job.toml and provenance.json into')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Folder to write model.safetensors (a lora job: adapter/ and base/), job.toml and provenance.json into')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;upload-base' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;serve' {
            [CompletionResult]::new('--adapter', '--adapter', [CompletionResultType]::ParameterName, 'A PEFT adapter folder (`adapter_model.safetensors` + `adapter_config.json`, as `cohort train` writes for a `lora` spec) to serve on top of a Hugging Face folder')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0: any free port, printed)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to bind (loopback by default; 0.0.0.0 serves the network)')
            [CompletionResult]::new('--price', '--price', [CompletionResultType]::ParameterName, 'Price per 1000 tokens (prompt + completion) in the asset (--asset), e.g. 0.001')
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'What users pay in: the native coin (default) or an ERC-20 the model token takes as revenue (its address or symbol); users deposit it with `cohort usage deposit --asset`')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The model token a checkpoint file is paid to (when serving a file, not a token or job)')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest request body in bytes')
            [CompletionResult]::new('--max-concurrency', '--max-concurrency', [CompletionResultType]::ParameterName, 'Generations at once: they decode together, one token each per step (default 32)')
            [CompletionResult]::new('--max-queue', '--max-queue', [CompletionResultType]::ParameterName, 'Requests that may wait for a slot; more get 429')
            [CompletionResult]::new('--settle-every', '--settle-every', [CompletionResultType]::ParameterName, 'Settle after this many requests served on vouchers …')
            [CompletionResult]::new('--settle-interval', '--settle-interval', [CompletionResultType]::ParameterName, '… or after this many seconds (and always on shutdown)')
            [CompletionResult]::new('--min-validity', '--min-validity', [CompletionResultType]::ParameterName, 'Seconds a voucher must still be valid for when it arrives')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--free', '--free', [CompletionResultType]::ParameterName, 'Serve without payment (a private server): no vouchers, no wallet, no chain needed for a checkpoint')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;query' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The provider''s URL, e.g. http://127.0.0.1:8000')
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The prompt')
            [CompletionResult]::new('--max-tokens', '--max-tokens', [CompletionResultType]::ParameterName, 'Most tokens to generate')
            [CompletionResult]::new('--min-tokens', '--min-tokens', [CompletionResultType]::ParameterName, 'No end of sequence before this many tokens (at most --max-tokens)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature (0: greedy)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for sampling (the same seed gives the same answer)')
            [CompletionResult]::new('--max-spend', '--max-spend', [CompletionResultType]::ParameterName, 'The most this query may add to what you owe the provider, in the asset it charges in')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--chat', '--chat', [CompletionResultType]::ParameterName, 'Send it as a chat message (`/v1/chat/completions`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;settle' {
            [CompletionResult]::new('--voucher', '--voucher', [CompletionResultType]::ParameterName, 'Vouchers to settle: the header values (JSON), or @FILE with one per line. Default: the unsettled vouchers `cohort model serve` kept in this home (`serve/vouchers-*.jsonl`) that pay this wallet on this profile''s ledger (other files are skipped with a note)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;model;help' {
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder')
            [CompletionResult]::new('average', 'average', [CompletionResultType]::ParameterValue, 'Average builtin checkpoints'' weights (federated averaging), weighted.')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-run the steps between two builtin checkpoints and compare the result with the claimed one')
            [CompletionResult]::new('tokenize', 'tokenize', [CompletionResultType]::ParameterValue, 'Turn a completed job''s model into a token shared by its owner and contributors')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokenized models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A model token: job, datasets, model root, pools, holders, revenue per asset')
            [CompletionResult]::new('holders', 'holders', [CompletionResultType]::ParameterValue, 'A model token''s holders (from its Transfer events)')
            [CompletionResult]::new('allocation', 'allocation', [CompletionResultType]::ParameterValue, 'Contributors'' allocations of a model token, claimed or not')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a completed job''s final model (verified) with its spec and provenance; a lora job''s as a PEFT adapter folder beside its base model')
            [CompletionResult]::new('upload-base', 'upload-base', [CompletionResultType]::ParameterValue, 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job''s `model.base`')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Ask a served model, paying with vouchers signed by your wallet')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;model;help;eval' {
            break
        }
        'cohort;model;help;generate' {
            break
        }
        'cohort;model;help;merge' {
            break
        }
        'cohort;model;help;average' {
            break
        }
        'cohort;model;help;verify' {
            break
        }
        'cohort;model;help;tokenize' {
            break
        }
        'cohort;model;help;list' {
            break
        }
        'cohort;model;help;show' {
            break
        }
        'cohort;model;help;holders' {
            break
        }
        'cohort;model;help;allocation' {
            break
        }
        'cohort;model;help;download' {
            break
        }
        'cohort;model;help;upload-base' {
            break
        }
        'cohort;model;help;serve' {
            break
        }
        'cohort;model;help;query' {
            break
        }
        'cohort;model;help;settle' {
            break
        }
        'cohort;model;help;help' {
            break
        }
        'cohort;rewards' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Everything the wallet can claim: allocations, revenue per asset, worker earnings')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Claim rewards (each claim is simulated first; rerun to finish after a failure)')
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Account revenue sent to a model''s token directly (plain transfers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;rewards;list' {
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model (job id, token address or symbol)')
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'Only what is owed in this asset (address, `native` or symbol): its revenue, the allocations whose tokens earned some in escrow, and (native, without --model) worker earnings')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;rewards;claim' {
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only this model''s allocation and revenue (job id, token address or symbol)')
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'Only what is owed in this asset (address, `native` or symbol): its revenue; an unclaimed allocation whose tokens earned some in escrow too, as that is what releases it; and (native, without --model) worker earnings')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Everything: every model''s allocation and revenue, and worker earnings')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;rewards;deposit' {
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'Pay in this ERC-20 revenue asset of the model (address or symbol) instead of the native coin')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;rewards;sync' {
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'Only this asset (address, `native` or symbol); default: all of the model''s assets')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;rewards;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Everything the wallet can claim: allocations, revenue per asset, worker earnings')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Claim rewards (each claim is simulated first; rerun to finish after a failure)')
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Account revenue sent to a model''s token directly (plain transfers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;rewards;help;list' {
            break
        }
        'cohort;rewards;help;claim' {
            break
        }
        'cohort;rewards;help;deposit' {
            break
        }
        'cohort;rewards;help;sync' {
            break
        }
        'cohort;rewards;help;help' {
            break
        }
        'cohort;verify' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Re-execute every span of every submission, not only the ones drawn from each round''s seed block')
            [CompletionResult]::new('--allow-exec', '--allow-exec', [CompletionResultType]::ParameterName, 'Re-run the command of an exec job that declares `[model] deterministic = true`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;usage' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Take unspent deposit back')
            [CompletionResult]::new('voucher', 'voucher', [CompletionResultType]::ParameterValue, 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;usage;deposit' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Amount of the asset, e.g. 0.05')
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'The asset: `native` (default), or an ERC-20 a model takes as revenue (address or symbol): what vouchers can pay in')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;usage;balance' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Also ask this provider what it charged and what was settled')
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'The asset of the account: `native` (default), or an ERC-20 a model takes as revenue (address or symbol; any other ERC-20 by address)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;usage;withdraw' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Announce a withdrawal of this amount (without it: take the announced withdrawal)')
            [CompletionResult]::new('--asset', '--asset', [CompletionResultType]::ParameterName, 'The asset: `native` (default), or an ERC-20 a model takes as revenue (address or symbol; any other ERC-20 by address)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;usage;voucher' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The provider''s URL')
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'How much more the provider may charge with this voucher, in the asset the provider charges in (its terms say which)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;usage;help' {
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Take unspent deposit back')
            [CompletionResult]::new('voucher', 'voucher', [CompletionResultType]::ParameterValue, 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;usage;help;deposit' {
            break
        }
        'cohort;usage;help;balance' {
            break
        }
        'cohort;usage;help;withdraw' {
            break
        }
        'cohort;usage;help;voucher' {
            break
        }
        'cohort;usage;help;help' {
            break
        }
        'cohort;devnet' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show endpoints, chain id, block height, contract addresses and process health')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop exactly the processes `up` started. Chain state is kept for the next `up`')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Wipe the devnet''s chain and storage and start it fresh, on the same port with the same nodes and shards unless flags say otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;devnet;up' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'anvil''s port on 127.0.0.1 (default: the port the devnet here had, else 8545; 0 picks a free one)')
            [CompletionResult]::new('--block-time', '--block-time', [CompletionResultType]::ParameterName, 'Seconds between blocks (default: a block per transaction)')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Number of storage nodes (0 runs the chain alone; default: as many as the devnet here had, else 1)')
            [CompletionResult]::new('--shards', '--shards', [CompletionResultType]::ParameterName, 'Number of shards (a power of two dividing --nodes; default: as many as the devnet here had, else 1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;devnet;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;devnet;down' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;devnet;reset' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'anvil''s port on 127.0.0.1 (default: the devnet''s port, else 8545; 0 picks a free one)')
            [CompletionResult]::new('--block-time', '--block-time', [CompletionResultType]::ParameterName, 'Seconds between blocks (default: a block per transaction)')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Number of storage nodes (default: as many as the devnet had, else 1)')
            [CompletionResult]::new('--shards', '--shards', [CompletionResultType]::ParameterName, 'Number of shards (default: as many as the devnet had, else 1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;devnet;help' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show endpoints, chain id, block height, contract addresses and process health')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop exactly the processes `up` started. Chain state is kept for the next `up`')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Wipe the devnet''s chain and storage and start it fresh, on the same port with the same nodes and shards unless flags say otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;devnet;help;up' {
            break
        }
        'cohort;devnet;help;status' {
            break
        }
        'cohort;devnet;help;down' {
            break
        }
        'cohort;devnet;help;reset' {
            break
        }
        'cohort;devnet;help;help' {
            break
        }
        'cohort;node' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;node;run' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Folder for the node''s data (created if missing; one node per folder)')
            [CompletionResult]::new('--rpc', '--rpc', [CompletionResultType]::ParameterName, 'Address for the JSON-RPC server (port 0 picks a free one)')
            [CompletionResult]::new('--chain-rpc', '--chain-rpc', [CompletionResultType]::ParameterName, 'The chain''s JSON-RPC URL [default: the profile''s rpc_url]')
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'The flow contract address [default: the profile''s flow contract]')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'The shard this node stores: K/N keeps global segments g with g % N == K')
            [CompletionResult]::new('--poll-ms', '--poll-ms', [CompletionResultType]::ParameterName, 'Milliseconds between chain polls once caught up')
            [CompletionResult]::new('--confirmations', '--confirmations', [CompletionResultType]::ParameterName, 'Blocks a Submit event needs on top of it before the node takes it (reorgs within this depth never reach the node; deeper ones are rolled back) [default: 0 on a devnet chain (id 31337), 6 elsewhere]')
            [CompletionResult]::new('--rpc-max-body-mib', '--rpc-max-body-mib', [CompletionResultType]::ParameterName, 'Largest JSON-RPC request body, and response, in MiB (the SDKs send ~3.5 MiB)')
            [CompletionResult]::new('--rpc-max-batch', '--rpc-max-batch', [CompletionResultType]::ParameterName, 'Most calls in one JSON-RPC batch')
            [CompletionResult]::new('--rpc-max-concurrent', '--rpc-max-concurrent', [CompletionResultType]::ParameterName, 'Requests handled at once; more wait for a slot')
            [CompletionResult]::new('--rpc-max-connections', '--rpc-max-connections', [CompletionResultType]::ParameterName, 'Open connections in all; more wait until one closes')
            [CompletionResult]::new('--rpc-max-peer-connections', '--rpc-max-peer-connections', [CompletionResultType]::ParameterName, 'Open connections from one IP address; more are closed at once')
            [CompletionResult]::new('--rpc-peer-rate', '--rpc-peer-rate', [CompletionResultType]::ParameterName, 'Requests per second from one IP address, bursts of twice that (0: unlimited); a request over the rate waits up to 5 s, then gets HTTP 429')
            [CompletionResult]::new('--rpc-memory-mib', '--rpc-memory-mib', [CompletionResultType]::ParameterName, 'MiB of request bodies, decoded parameters and responses held at once; each request is charged 3× its body plus 1 MiB, and waits while the budget is spent. At least 3× the body limit plus 1')
            [CompletionResult]::new('--cache-max-mib', '--cache-max-mib', [CompletionResultType]::ParameterName, 'MiB of segments held for files whose tx is not on chain yet; the least recently used files give way when a new segment does not fit')
            [CompletionResult]::new('--cache-ttl-secs', '--cache-ttl-secs', [CompletionResultType]::ParameterName, 'Seconds a file''s segments wait for its tx (from the first segment) before they are dropped; also applies to the cache found at start')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;node;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;node;help;run' {
            break
        }
        'cohort;node;help;help' {
            break
        }
        'cohort;indexer' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;indexer;run' {
            [CompletionResult]::new('--rpc', '--rpc', [CompletionResultType]::ParameterName, 'Address for the JSON-RPC server (port 0 picks a free one)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'A storage node to list (repeatable, or comma-separated)')
            [CompletionResult]::new('--poll-ms', '--poll-ms', [CompletionResultType]::ParameterName, 'Milliseconds between probes of the nodes')
            [CompletionResult]::new('--devnet', '--devnet', [CompletionResultType]::ParameterName, 'Marks the process as a devnet''s (for `cohort devnet` only)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;indexer;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;indexer;help;run' {
            break
        }
        'cohort;indexer;help;help' {
            break
        }
        'cohort;deploy' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password')
            [CompletionResult]::new('--private-key-env', '--private-key-env', [CompletionResultType]::ParameterName, 'Sign with a raw private key read from this environment variable instead of a wallet')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--skip-storage', '--skip-storage', [CompletionResultType]::ParameterName, 'Keep the profile''s existing flow and market (e.g. the public 0G network''s) and deploy only cohort''s own contracts. On the local devnet''s profile this is what deploy does anyway: the devnet''s storage nodes follow its flow')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the active profile with every override applied, and where the files are')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting (an empty value clears it; lists are comma-separated)')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles, marking the active one')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the default profile')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove profile NAME')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config;set' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config;profiles' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config;use' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config;add' {
            [CompletionResult]::new('--chain-id', '--chain-id', [CompletionResultType]::ParameterName, 'Chain id of the new profile (checked whenever cohort connects)')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'Start from a public network''s settings: chain id, RPC, flow contract and indexer (`cohort config profiles` lists the presets)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config;remove' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the active profile with every override applied, and where the files are')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting (an empty value clears it; lists are comma-separated)')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles, marking the active one')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the default profile')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove profile NAME')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;config;help;show' {
            break
        }
        'cohort;config;help;get' {
            break
        }
        'cohort;config;help;set' {
            break
        }
        'cohort;config;help;profiles' {
            break
        }
        'cohort;config;help;use' {
            break
        }
        'cohort;config;help;add' {
            break
        }
        'cohort;config;help;remove' {
            break
        }
        'cohort;config;help;help' {
            break
        }
        'cohort;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (default: the config''s default_profile, else `local`)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to color output')
            [CompletionResult]::new('--rpc-url', '--rpc-url', [CompletionResultType]::ParameterName, 'Chain JSON-RPC URL, overriding the profile''s')
            [CompletionResult]::new('--storage-node', '--storage-node', [CompletionResultType]::ParameterName, 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)')
            [CompletionResult]::new('--indexer', '--indexer', [CompletionResultType]::ParameterName, '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the wallet''s password (also accepted after the subcommand)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document on stdout; errors as JSON on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'No progress output (same as --progress none)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt: answer yes to confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cohort;help' {
            [CompletionResult]::new('quickstart', 'quickstart', [CompletionResultType]::ParameterValue, 'The whole lifecycle on the local devnet in one command: data, training, token, rewards')
            [CompletionResult]::new('wallet', 'wallet', [CompletionResultType]::ParameterValue, 'Keystore wallets, passwords, balances, transfers and signatures')
            [CompletionResult]::new('dataset', 'dataset', [CompletionResultType]::ParameterValue, 'Community datasets: create, upload, review, seal, download, verify')
            [CompletionResult]::new('storage', 'storage', [CompletionResultType]::ParameterValue, 'Store and fetch files on 0G-compatible storage nodes: upload, download, info, root')
            [CompletionResult]::new('train', 'train', [CompletionResultType]::ParameterValue, 'Train the builtin byte-level model, or LoRA adapters for a Hugging Face model, on local files')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Training jobs: submit, list, show, watch, cancel, coordinate, close rounds and audit')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Workers: register this machine, work on jobs, earnings and withdrawals')
            [CompletionResult]::new('model', 'model', [CompletionResultType]::ParameterValue, 'Models: evaluate, sample, merge, average, verify, download, upload bases, tokenize, list, show, holders, allocations; serve, query and settle paid use')
            [CompletionResult]::new('rewards', 'rewards', [CompletionResultType]::ParameterValue, 'Rewards: unclaimed allocations, model revenue and worker earnings; claim and deposit')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute a model''s whole history from chain and storage; exit 5 naming the first link that does not hold')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Pay-per-use: your deposit on the usage ledger and vouchers for model servers')
            [CompletionResult]::new('devnet', 'devnet', [CompletionResultType]::ParameterValue, 'Run a local chain, the contracts and storage nodes on this machine')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Run a 0G-compatible storage node')
            [CompletionResult]::new('indexer', 'indexer', [CompletionResultType]::ParameterValue, 'Run a 0G indexer that lists a set of storage nodes to clients')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Deploy the contract suite to the active profile''s chain')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and edit profiles and settings')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cohort;help;quickstart' {
            break
        }
        'cohort;help;wallet' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a wallet with a new random key or a new recovery phrase')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List wallets: name, address, and which one is the default')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a wallet''s address and keystore file')
            [CompletionResult]::new('default', 'default', [CompletionResultType]::ParameterValue, 'Make a wallet the default signer (with --profile: that profile''s wallet)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a wallet')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a wallet''s keystore (asks first, unless --yes)')
            [CompletionResult]::new('change-password', 'change-password', [CompletionResultType]::ParameterValue, 'Re-encrypt a wallet with a new password')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the private key (after confirmation) or copy the keystore file')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Check a wallet''s password; with --remember, keep it in the OS keyring')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Forget a password remembered in the OS keyring')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send the native coin or an ERC-20 token, and wait for the receipt')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message (EIP-191 personal message)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check an EIP-191 signature: print the signer, or check it is --address')
            break
        }
        'cohort;help;wallet;new' {
            break
        }
        'cohort;help;wallet;import' {
            break
        }
        'cohort;help;wallet;list' {
            break
        }
        'cohort;help;wallet;show' {
            break
        }
        'cohort;help;wallet;default' {
            break
        }
        'cohort;help;wallet;rename' {
            break
        }
        'cohort;help;wallet;remove' {
            break
        }
        'cohort;help;wallet;change-password' {
            break
        }
        'cohort;help;wallet;export' {
            break
        }
        'cohort;help;wallet;unlock' {
            break
        }
        'cohort;help;wallet;lock' {
            break
        }
        'cohort;help;wallet;balance' {
            break
        }
        'cohort;help;wallet;send' {
            break
        }
        'cohort;help;wallet;sign' {
            break
        }
        'cohort;help;wallet;verify' {
            break
        }
        'cohort;help;dataset' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a dataset; you become its curator')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files or folders and record them as your contributions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every dataset')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a dataset''s metadata and its contributions')
            [CompletionResult]::new('contributors', 'contributors', [CompletionResultType]::ParameterValue, 'Show each contributor''s weight (accepted size × score) and share')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Accept (with a score) or reject contributions (curator only)')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal a dataset: its weights never change again and jobs may train on it (curator only)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the accepted files to DIR/<contributor address>/<path>, each verified')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Ask the storage nodes for every file and report missing or unfinalized ones')
            break
        }
        'cohort;help;dataset;create' {
            break
        }
        'cohort;help;dataset;upload' {
            break
        }
        'cohort;help;dataset;list' {
            break
        }
        'cohort;help;dataset;show' {
            break
        }
        'cohort;help;dataset;contributors' {
            break
        }
        'cohort;help;dataset;review' {
            break
        }
        'cohort;help;dataset;seal' {
            break
        }
        'cohort;help;dataset;download' {
            break
        }
        'cohort;help;dataset;verify' {
            break
        }
        'cohort;help;storage' {
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files: compute the root, pay the fee, submit, send every node its segments')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download files by root, checking every segment''s proof and the whole root')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'What each storage node knows about a root: tx_seq, size, finalized, segments stored')
            [CompletionResult]::new('root', 'root', [CompletionResultType]::ParameterValue, 'Compute a file''s root and submission nodes locally (no network)')
            break
        }
        'cohort;help;storage;upload' {
            break
        }
        'cohort;help;storage;download' {
            break
        }
        'cohort;help;storage;info' {
            break
        }
        'cohort;help;storage;root' {
            break
        }
        'cohort;help;train' {
            break
        }
        'cohort;help;job' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Check a job spec, upload its bundle and escrow rounds × reward per round')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A job''s spec, state, rounds, submissions, rejections with reasons, payouts and escrow')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends. A chain or storage outage is ridden out: each poll that cannot reach them says so on stderr, and watching goes on')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a job (owner): the unspent rounds are refunded to your earnings')
            [CompletionResult]::new('coordinate', 'coordinate', [CompletionResultType]::ParameterValue, 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee''s threshold agrees')
            [CompletionResult]::new('close-round', 'close-round', [CompletionResultType]::ParameterValue, 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Re-execute a worker''s submission from the recorded inputs and report match or mismatch')
            break
        }
        'cohort;help;job;submit' {
            break
        }
        'cohort;help;job;list' {
            break
        }
        'cohort;help;job;show' {
            break
        }
        'cohort;help;job;watch' {
            break
        }
        'cohort;help;job;cancel' {
            break
        }
        'cohort;help;job;coordinate' {
            break
        }
        'cohort;help;job;close-round' {
            break
        }
        'cohort;help;job;audit' {
            break
        }
        'cohort;help;worker' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Record this machine''s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Join a job and work on it round by round until it ends')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave a job between rounds: its bond is credited back to your earnings')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Registration, the state on disk and the current job')
            [CompletionResult]::new('earnings', 'earnings', [CompletionResultType]::ParameterValue, 'Credited earnings and, per job, payouts (accepted and unverified rounds), returned and slashed bonds')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Pay out credited earnings (and job refunds) to the payee')
            break
        }
        'cohort;help;worker;register' {
            break
        }
        'cohort;help;worker;run' {
            break
        }
        'cohort;help;worker;leave' {
            break
        }
        'cohort;help;worker;status' {
            break
        }
        'cohort;help;worker;earnings' {
            break
        }
        'cohort;help;worker;withdraw' {
            break
        }
        'cohort;help;model' {
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder')
            [CompletionResult]::new('average', 'average', [CompletionResultType]::ParameterValue, 'Average builtin checkpoints'' weights (federated averaging), weighted.')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-run the steps between two builtin checkpoints and compare the result with the claimed one')
            [CompletionResult]::new('tokenize', 'tokenize', [CompletionResultType]::ParameterValue, 'Turn a completed job''s model into a token shared by its owner and contributors')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokenized models')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A model token: job, datasets, model root, pools, holders, revenue per asset')
            [CompletionResult]::new('holders', 'holders', [CompletionResultType]::ParameterValue, 'A model token''s holders (from its Transfer events)')
            [CompletionResult]::new('allocation', 'allocation', [CompletionResultType]::ParameterValue, 'Contributors'' allocations of a model token, claimed or not')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a completed job''s final model (verified) with its spec and provenance; a lora job''s as a PEFT adapter folder beside its base model')
            [CompletionResult]::new('upload-base', 'upload-base', [CompletionResultType]::ParameterValue, 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job''s `model.base`')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Ask a served model, paying with vouchers signed by your wallet')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)')
            break
        }
        'cohort;help;model;eval' {
            break
        }
        'cohort;help;model;generate' {
            break
        }
        'cohort;help;model;merge' {
            break
        }
        'cohort;help;model;average' {
            break
        }
        'cohort;help;model;verify' {
            break
        }
        'cohort;help;model;tokenize' {
            break
        }
        'cohort;help;model;list' {
            break
        }
        'cohort;help;model;show' {
            break
        }
        'cohort;help;model;holders' {
            break
        }
        'cohort;help;model;allocation' {
            break
        }
        'cohort;help;model;download' {
            break
        }
        'cohort;help;model;upload-base' {
            break
        }
        'cohort;help;model;serve' {
            break
        }
        'cohort;help;model;query' {
            break
        }
        'cohort;help;model;settle' {
            break
        }
        'cohort;help;rewards' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Everything the wallet can claim: allocations, revenue per asset, worker earnings')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Claim rewards (each claim is simulated first; rerun to finish after a failure)')
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Account revenue sent to a model''s token directly (plain transfers)')
            break
        }
        'cohort;help;rewards;list' {
            break
        }
        'cohort;help;rewards;claim' {
            break
        }
        'cohort;help;rewards;deposit' {
            break
        }
        'cohort;help;rewards;sync' {
            break
        }
        'cohort;help;verify' {
            break
        }
        'cohort;help;usage' {
            [CompletionResult]::new('deposit', 'deposit', [CompletionResultType]::ParameterValue, 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account')
            [CompletionResult]::new('balance', 'balance', [CompletionResultType]::ParameterValue, 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Take unspent deposit back')
            [CompletionResult]::new('voucher', 'voucher', [CompletionResultType]::ParameterValue, 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)')
            break
        }
        'cohort;help;usage;deposit' {
            break
        }
        'cohort;help;usage;balance' {
            break
        }
        'cohort;help;usage;withdraw' {
            break
        }
        'cohort;help;usage;voucher' {
            break
        }
        'cohort;help;devnet' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show endpoints, chain id, block height, contract addresses and process health')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop exactly the processes `up` started. Chain state is kept for the next `up`')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Wipe the devnet''s chain and storage and start it fresh, on the same port with the same nodes and shards unless flags say otherwise')
            break
        }
        'cohort;help;devnet;up' {
            break
        }
        'cohort;help;devnet;status' {
            break
        }
        'cohort;help;devnet;down' {
            break
        }
        'cohort;help;devnet;reset' {
            break
        }
        'cohort;help;node' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C')
            break
        }
        'cohort;help;node;run' {
            break
        }
        'cohort;help;indexer' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C')
            break
        }
        'cohort;help;indexer;run' {
            break
        }
        'cohort;help;deploy' {
            break
        }
        'cohort;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the active profile with every override applied, and where the files are')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting (an empty value clears it; lists are comma-separated)')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles, marking the active one')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the default profile')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove profile NAME')
            break
        }
        'cohort;help;config;show' {
            break
        }
        'cohort;help;config;get' {
            break
        }
        'cohort;help;config;set' {
            break
        }
        'cohort;help;config;profiles' {
            break
        }
        'cohort;help;config;use' {
            break
        }
        'cohort;help;config;add' {
            break
        }
        'cohort;help;config;remove' {
            break
        }
        'cohort;help;completions' {
            break
        }
        'cohort;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
