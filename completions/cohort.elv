
use builtin;
use str;

set edit:completion:arg-completer[cohort] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cohort'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cohort'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand quickstart 'The whole lifecycle on the local devnet in one command: data, training, token, rewards'
            cand wallet 'Keystore wallets, passwords, balances, transfers and signatures'
            cand dataset 'Community datasets: create, upload, review, seal, download, verify'
            cand storage 'Store and fetch files on 0G-compatible storage nodes: upload, download, info, root'
            cand train 'Train the builtin byte-level model, or LoRA adapters for a Hugging Face model, on local files'
            cand job 'Training jobs: submit, list, show, watch, cancel, coordinate and audit'
            cand worker 'Workers: register this machine, work on jobs, earnings and withdrawals'
            cand model 'Models: evaluate, sample, average, verify, download, tokenize, holders, allocations'
            cand rewards 'Rewards: unclaimed allocations, model revenue and worker earnings; claim and deposit'
            cand verify 'Recompute a model''s whole history from chain and storage; exit 5 naming the first link that does not hold'
            cand usage 'Pay-per-use: your deposit on the usage ledger and vouchers for model servers'
            cand devnet 'Run a local chain, the contracts and storage nodes on this machine'
            cand node 'Run a 0G-compatible storage node'
            cand indexer 'Run a 0G indexer that lists a set of storage nodes to clients'
            cand deploy 'Deploy the contract suite to the active profile''s chain'
            cand config 'Show and edit profiles and settings'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;quickstart'= {
            cand --port 'anvil''s port if the devnet has to be started (0 picks a free one)'
            cand --rounds 'Training rounds of the demo job'
            cand --steps 'Training steps per worker per round'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --gpu 'Make the demo job require a GPU: the workers train on CUDA and the coordinator re-executes on the GPU (needs a cohort built with `--features cuda`)'
            cand --lora 'Fine-tune an open-weight model instead: a `lora` job on the committed tiny Qwen2 model (its base model uploaded to storage first), served with its adapter'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand new 'Create a wallet with a new random key or a new recovery phrase'
            cand import 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)'
            cand list 'List wallets: name, address, and which one is the default'
            cand show 'Show a wallet''s address and keystore file'
            cand default 'Make a wallet the default signer (with --profile: that profile''s wallet)'
            cand rename 'Rename a wallet'
            cand remove 'Delete a wallet''s keystore (asks first, unless --yes)'
            cand change-password 'Re-encrypt a wallet with a new password'
            cand export 'Print the private key (after confirmation) or copy the keystore file'
            cand unlock 'Check a wallet''s password; with --remember, keep it in the OS keyring'
            cand lock 'Forget a password remembered in the OS keyring'
            cand balance 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)'
            cand send 'Send the native coin or an ERC-20 token, and wait for the receipt'
            cand sign 'Sign a message (EIP-191 personal message)'
            cand verify 'Check an EIP-191 signature: print the signer, or check it is --address'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;wallet;new'= {
            cand --mnemonic 'Derive the key from a new BIP-39 recovery phrase of 12 (default) or 24 words, printed once on stdout as the only backup (or written to --mnemonic-file)'
            cand --mnemonic-file 'Write the recovery phrase to this file (mode 0600) instead of stdout'
            cand --password-file 'File holding the new wallet''s password'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --force 'Replace an existing wallet of the same name (and an existing --mnemonic-file)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;import'= {
            cand --private-key-file 'File holding a hex private key (`-` reads standard input)'
            cand --mnemonic-file 'File holding a BIP-39 recovery phrase (`-` reads standard input)'
            cand --index 'Account index N of the phrase, path m/44''/60''/0''/0/N'
            cand --keystore 'A Web3 Secret Storage v3 keystore file (geth, foundry, cohort); it keeps its password'
            cand --password-file 'File holding the password (the new wallet''s; with --keystore, the keystore''s)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --force 'Replace an existing wallet of the same name'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;list'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;show'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;default'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;rename'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --force 'Replace an existing wallet named NEW'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;remove'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;change-password'= {
            cand --password-file 'File holding the current password'
            cand --new-password-file 'File holding the new password (else asked twice on the terminal)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;export'= {
            cand --keystore 'Copy the keystore file (still encrypted) to FILE, mode 0600'
            cand --password-file 'File holding the password (for --private-key)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --private-key 'Print the private key on stdout (asks first, unless --yes). Anyone who sees it owns the wallet''s funds'
            cand --force 'Overwrite an existing FILE'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;unlock'= {
            cand --password-file 'File holding the password'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --remember 'Keep the password in the OS keyring, so later commands need no password'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;lock'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;balance'= {
            cand --token 'Also show the balance of this ERC-20 token: address or symbol (repeatable)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;send'= {
            cand --token 'Send this ERC-20 token instead of the native coin: address or symbol (a model token''s, or a revenue asset of a model)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --dry-run 'Check and show the transfer (gas, fees, funds) without sending it'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;sign'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --hex 'The message is hex bytes'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;verify'= {
            cand --address 'The address that should have signed; a mismatch is exit 5'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --hex 'The message is hex bytes'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;wallet;help'= {
            cand new 'Create a wallet with a new random key or a new recovery phrase'
            cand import 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)'
            cand list 'List wallets: name, address, and which one is the default'
            cand show 'Show a wallet''s address and keystore file'
            cand default 'Make a wallet the default signer (with --profile: that profile''s wallet)'
            cand rename 'Rename a wallet'
            cand remove 'Delete a wallet''s keystore (asks first, unless --yes)'
            cand change-password 'Re-encrypt a wallet with a new password'
            cand export 'Print the private key (after confirmation) or copy the keystore file'
            cand unlock 'Check a wallet''s password; with --remember, keep it in the OS keyring'
            cand lock 'Forget a password remembered in the OS keyring'
            cand balance 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)'
            cand send 'Send the native coin or an ERC-20 token, and wait for the receipt'
            cand sign 'Sign a message (EIP-191 personal message)'
            cand verify 'Check an EIP-191 signature: print the signer, or check it is --address'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;wallet;help;new'= {
        }
        &'cohort;wallet;help;import'= {
        }
        &'cohort;wallet;help;list'= {
        }
        &'cohort;wallet;help;show'= {
        }
        &'cohort;wallet;help;default'= {
        }
        &'cohort;wallet;help;rename'= {
        }
        &'cohort;wallet;help;remove'= {
        }
        &'cohort;wallet;help;change-password'= {
        }
        &'cohort;wallet;help;export'= {
        }
        &'cohort;wallet;help;unlock'= {
        }
        &'cohort;wallet;help;lock'= {
        }
        &'cohort;wallet;help;balance'= {
        }
        &'cohort;wallet;help;send'= {
        }
        &'cohort;wallet;help;sign'= {
        }
        &'cohort;wallet;help;verify'= {
        }
        &'cohort;wallet;help;help'= {
        }
        &'cohort;dataset'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a dataset; you become its curator'
            cand upload 'Upload files or folders and record them as your contributions'
            cand list 'List every dataset'
            cand show 'Show a dataset''s metadata and its contributions'
            cand contributors 'Show each contributor''s weight (accepted size × score) and share'
            cand review 'Accept (with a score) or reject contributions (curator only)'
            cand seal 'Seal a dataset: its weights never change again and jobs may train on it (curator only)'
            cand download 'Download the accepted files to DIR/<contributor address>/<path>, each verified'
            cand verify 'Ask the storage nodes for every file and report missing or unfinalized ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;dataset;create'= {
            cand --description 'What the dataset holds'
            cand --license 'SPDX license identifier of the data, e.g. CC-BY-4.0'
            cand --previous 'The dataset (id or name) this one is a new version of'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;upload'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --hidden 'Include hidden files and folders (names starting with ''.'')'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;list'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;show'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;contributors'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;review'= {
            cand --score 'Quality score of accepted contributions, 1 to 100'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --all-pending 'Review every pending contribution'
            cand --accept 'Accept, with --score (refused when a file has the same content as one already accepted or another being accepted: reject the copy first)'
            cand --reject 'Reject'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;seal'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;download'= {
            cand -o 'Folder to write into (created if missing)'
            cand --output 'Folder to write into (created if missing)'
            cand --parallel 'How many files download at once'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;verify'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --deep 'Also download every file and check its blake3 hash'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;dataset;help'= {
            cand create 'Create a dataset; you become its curator'
            cand upload 'Upload files or folders and record them as your contributions'
            cand list 'List every dataset'
            cand show 'Show a dataset''s metadata and its contributions'
            cand contributors 'Show each contributor''s weight (accepted size × score) and share'
            cand review 'Accept (with a score) or reject contributions (curator only)'
            cand seal 'Seal a dataset: its weights never change again and jobs may train on it (curator only)'
            cand download 'Download the accepted files to DIR/<contributor address>/<path>, each verified'
            cand verify 'Ask the storage nodes for every file and report missing or unfinalized ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;dataset;help;create'= {
        }
        &'cohort;dataset;help;upload'= {
        }
        &'cohort;dataset;help;list'= {
        }
        &'cohort;dataset;help;show'= {
        }
        &'cohort;dataset;help;contributors'= {
        }
        &'cohort;dataset;help;review'= {
        }
        &'cohort;dataset;help;seal'= {
        }
        &'cohort;dataset;help;download'= {
        }
        &'cohort;dataset;help;verify'= {
        }
        &'cohort;dataset;help;help'= {
        }
        &'cohort;storage'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand upload 'Upload files: compute the root, pay the fee, submit, send every node its segments'
            cand download 'Download files by root, checking every segment''s proof and the whole root'
            cand info 'What each storage node knows about a root: tx_seq, size, finalized, segments stored'
            cand root 'Compute a file''s root and submission nodes locally (no network)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;storage;upload'= {
            cand --fragment-size 'Split files larger than this into fragments, each its own root and transaction'
            cand --batch 'Segments (256 KiB each) per upload request; a node that refuses a request as too big gets halves of it'
            cand --concurrency 'Upload requests in flight per node'
            cand --timeout 'Seconds to wait for the nodes to see the transaction, and to finalize'
            cand --expected-replica 'Store every shard on this many nodes: the nodes asked of the indexer (or named with --storage-node) must cover every shard this often, else nothing is paid (exit 1)'
            cand --tag 'The submission''s tags, as hex (`0x…`): recorded on chain with the file [default: none]'
            cand --max-fee 'Refuse to pay more than this fee per file or fragment (1.5, 0.001ether, 250gwei, 1000wei): a higher fee fails with exit 4 before anything is sent'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --no-wait 'Return once the segments are sent, without waiting for the nodes to finalize'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;storage;download'= {
            cand -o 'Where to write the file'
            cand --output 'Where to write the file'
            cand --concurrency 'Segments fetched at once, asked 4 per request (each one''s proof is checked as it arrives, on all cores)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --force 'Replace an existing output file'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;storage;info'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;storage;root'= {
            cand --fragment-size 'Fragment size, as for upload'
            cand --threads 'Hashing threads (0: all cores)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --fee 'Also quote the fee at the flow''s current price (reads the chain; nothing is sent)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;storage;help'= {
            cand upload 'Upload files: compute the root, pay the fee, submit, send every node its segments'
            cand download 'Download files by root, checking every segment''s proof and the whole root'
            cand info 'What each storage node knows about a root: tx_seq, size, finalized, segments stored'
            cand root 'Compute a file''s root and submission nodes locally (no network)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;storage;help;upload'= {
        }
        &'cohort;storage;help;download'= {
        }
        &'cohort;storage;help;info'= {
        }
        &'cohort;storage;help;root'= {
        }
        &'cohort;storage;help;help'= {
        }
        &'cohort;train'= {
            cand --data 'Text files or folders (read recursively) to train on; JSONL files too with the lora trainer'
            cand --config 'The job spec (TOML) whose [model] and [training] tables configure the run'
            cand --out 'Folder for checkpoints and metrics.json'
            cand --init 'Start from this checkpoint (its optimizer state too, when it has one)'
            cand --steps 'Steps to train (default: training.steps)'
            cand --seed 'Seed for initialization, batches and dropout (default: training.seed)'
            cand --round 'Pool round: part of the batch sampling key (default 0)'
            cand --worker 'Worker address: part of the batch sampling key (default: the zero address)'
            cand --checkpoint-every 'Write a checkpoint every K global steps (default: training.checkpoint_every)'
            cand --device 'Where to compute'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --fresh-optimizer 'Start with a fresh optimizer state even when --init has one'
            cand --force 'Train even when the memory estimate exceeds the available memory'
            cand --recompute 'LoRA: recompute each block''s activations in backward instead of keeping them (less memory, about a third more time, the same result). Default: only when memory is short'
            cand --timings 'Time each phase of every step but the first (the batch, on a GPU each kind of op of the builtin model''s pass, the optimizer, evaluation, checkpoints), each run to completion before the next, and report them. The steps run slower, with the same result'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand submit 'Check a job spec, upload its bundle and escrow rounds × reward per round'
            cand list 'List jobs'
            cand show 'A job''s spec, state, rounds, submissions, rejections with reasons, payouts and escrow'
            cand watch 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends'
            cand cancel 'Cancel a job (owner): the unspent rounds are refunded to your earnings'
            cand coordinate 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee''s threshold agrees'
            cand close-round 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner'
            cand audit 'Re-execute a worker''s submission from the recorded inputs and report match or mismatch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;job;submit'= {
            cand --min-workers 'With --coordinate: start the job once this many workers joined'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --dry-run 'Print the escrow, storage fee, gas estimates and balances after; send nothing'
            cand --coordinate 'Keep running as the job''s coordinator after submitting'
            cand --allow-exec 'With --coordinate: run a deterministic exec job''s command to re-execute submissions'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;list'= {
            cand --wallet 'Wallet or address for --mine (default: the selected wallet)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --open 'Only jobs that take workers (open, or running with rounds left)'
            cand --mine 'Only jobs the wallet owns, coordinates or works in'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;show'= {
            cand --plot 'Also draw the validation loss per round (and each worker''s submissions) as an SVG file'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;watch'= {
            cand --interval 'Seconds between polls'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;cancel'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;coordinate'= {
            cand --min-workers 'Start the job once this many workers joined'
            cand --poll 'Seconds between polls of the chain'
            cand --tolerance 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)'
            cand --gpu-tolerance 'For jobs that require a GPU: largest difference accepted, as a fraction of the span''s largest weight change (GPU and CPU kernels round differently)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --allow-exec 'Run the job''s command to re-execute submissions of an exec job that declares `[model] deterministic = true` (required for such jobs)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;close-round'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;audit'= {
            cand --round 'The round (from 0)'
            cand --worker 'The worker whose submission is audited (address, wallet name or dev:N)'
            cand --tolerance 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)'
            cand --gpu-tolerance 'For jobs that require a GPU: largest difference accepted, as a fraction of the span''s largest weight change (GPU and CPU kernels round differently)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;job;help'= {
            cand submit 'Check a job spec, upload its bundle and escrow rounds × reward per round'
            cand list 'List jobs'
            cand show 'A job''s spec, state, rounds, submissions, rejections with reasons, payouts and escrow'
            cand watch 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends'
            cand cancel 'Cancel a job (owner): the unspent rounds are refunded to your earnings'
            cand coordinate 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee''s threshold agrees'
            cand close-round 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner'
            cand audit 'Re-execute a worker''s submission from the recorded inputs and report match or mismatch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;job;help;submit'= {
        }
        &'cohort;job;help;list'= {
        }
        &'cohort;job;help;show'= {
        }
        &'cohort;job;help;watch'= {
        }
        &'cohort;job;help;cancel'= {
        }
        &'cohort;job;help;coordinate'= {
        }
        &'cohort;job;help;close-round'= {
        }
        &'cohort;job;help;audit'= {
        }
        &'cohort;job;help;help'= {
        }
        &'cohort;worker'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand register 'Record this machine''s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)'
            cand run 'Join a job and work on it round by round until it ends'
            cand status 'Registration, the state on disk and the current job'
            cand earnings 'Credited earnings and, per job, accepted work and payouts'
            cand withdraw 'Pay out credited earnings (and job refunds) to the payee'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;worker;register'= {
            cand --name 'A name for this machine, stored with its inventory'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;worker;run'= {
            cand --job 'The job to work on (default: the job in the state folder)'
            cand --state-dir 'Folder for the worker''s state and round outputs (default: <data dir>/worker)'
            cand --poll 'Seconds between polls of the chain while waiting'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --auto 'Pick the open job with the best reward whose requirements this machine meets'
            cand --allow-exec 'Allow jobs that run an external command (exec runtime); the command is printed first'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;worker;status'= {
            cand --state-dir 'Folder of the worker''s state (default: <data dir>/worker)'
            cand --wallet 'Wallet or address (default: the selected wallet)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;worker;earnings'= {
            cand --wallet 'Wallet or address (default: the selected wallet)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;worker;withdraw'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;worker;help'= {
            cand register 'Record this machine''s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)'
            cand run 'Join a job and work on it round by round until it ends'
            cand status 'Registration, the state on disk and the current job'
            cand earnings 'Credited earnings and, per job, accepted work and payouts'
            cand withdraw 'Pay out credited earnings (and job refunds) to the payee'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;worker;help;register'= {
        }
        &'cohort;worker;help;run'= {
        }
        &'cohort;worker;help;status'= {
        }
        &'cohort;worker;help;earnings'= {
        }
        &'cohort;worker;help;withdraw'= {
        }
        &'cohort;worker;help;help'= {
        }
        &'cohort;model'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand eval 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data'
            cand generate 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)'
            cand merge 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder'
            cand average 'Average checkpoints'' weights (federated averaging), weighted'
            cand verify 'Re-run the steps between two checkpoints and compare the result with the claimed one'
            cand tokenize 'Turn a completed job''s model into a token shared by its owner and contributors'
            cand list 'List tokenized models'
            cand show 'A model token: job, datasets, model root, pools, holders, revenue per asset'
            cand holders 'A model token''s holders (from its Transfer events)'
            cand allocation 'Contributors'' allocations of a model token, claimed or not'
            cand download 'Download a completed job''s final model (verified) with its spec and provenance; a lora job''s as a PEFT adapter folder beside its base model'
            cand upload-base 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job''s `model.base`'
            cand serve 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free'
            cand query 'Ask a served model, paying with vouchers signed by your wallet'
            cand settle 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;model;eval'= {
            cand --adapter 'A PEFT LoRA adapter folder to apply (Hugging Face folders only)'
            cand --context 'Tokens per scored sequence (Hugging Face folders only; default 256, or the model''s max_position_embeddings where smaller)'
            cand --data 'Text files or folders (recursive) to score'
            cand --split 'Which part of the data to score'
            cand --max-windows 'Score at most N windows of `context` bytes (on a Hugging Face folder: N sequences), spread evenly (default: all)'
            cand --device 'device'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;generate'= {
            cand --prompt 'Text the sample continues (with --chat: the user''s message)'
            cand --max-tokens 'Tokens (bytes for a builtin checkpoint) to generate at most; stops earlier at EOS'
            cand --min-tokens 'Tokens to generate before EOS may end the sample (Hugging Face folders only)'
            cand --temperature 'Sampling temperature (0: always the most likely token)'
            cand --seed 'Seed for sampling'
            cand --adapter 'A PEFT LoRA adapter folder to apply (Hugging Face folders only)'
            cand --top-p 'Nucleus sampling: sample from the most likely tokens that reach this probability'
            cand --device 'Where to compute (Hugging Face folders only)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --chat 'Send the prompt as a user message through the model''s chat template'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;merge'= {
            cand -o 'The folder to write (must not exist or be empty)'
            cand --out 'The folder to write (must not exist or be empty)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;average'= {
            cand --weights 'Weights, one per checkpoint, comma-separated (default: equal)'
            cand -o 'Where to write the average (written atomically)'
            cand --out 'Where to write the average (written atomically)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;verify'= {
            cand --from 'The checkpoint the span starts from (at step s, with optimizer state)'
            cand --claimed 'The claimed checkpoint at the end of the span'
            cand --data 'The training data the worker used'
            cand --config 'The job spec the worker trained with'
            cand --worker 'The worker''s address (part of the batch sampling key; default: the zero address)'
            cand --round 'The round (part of the batch sampling key)'
            cand --seed 'The seed, when the worker overrode the spec''s'
            cand --device 'Where to re-execute: the CPU (bit-reproducible, the default) or a CUDA GPU'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;tokenize'= {
            cand --name 'Token name, e.g. "News Summarizer"'
            cand --symbol 'Token symbol, e.g. NEWS'
            cand --supply 'Whole supply in tokens (18 decimals), minted once: e.g. 1000000'
            cand --owner-share 'No longer taken: the split was committed at `job submit` ([job.split] in the spec)'
            cand --data-share 'No longer taken (see --owner-share)'
            cand --compute-share 'No longer taken (see --owner-share)'
            cand --revenue-asset 'No longer taken: the revenue assets were committed at `job submit` (revenue_assets in the spec''s [job] table)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --dry-run 'Print every contributor''s allocation and send nothing'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;list'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;show'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;holders'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;allocation'= {
            cand --for 'Only this contributor (address, wallet name or dev:N)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;download'= {
            cand -o 'Folder to write model.safetensors (a lora job: adapter/ and base/), job.toml and provenance.json into'
            cand --output 'Folder to write model.safetensors (a lora job: adapter/ and base/), job.toml and provenance.json into'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;upload-base'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;serve'= {
            cand --adapter 'A PEFT adapter folder (`adapter_model.safetensors` + `adapter_config.json`, as `cohort train` writes for a `lora` spec) to serve on top of a Hugging Face folder'
            cand --port 'Port to listen on (0: any free port, printed)'
            cand --bind 'Address to bind (loopback by default; 0.0.0.0 serves the network)'
            cand --price 'Price per 1000 tokens (prompt + completion) in the asset (--asset), e.g. 0.001'
            cand --asset 'What users pay in: the native coin (default) or an ERC-20 the model token takes as revenue (its address or symbol); users deposit it with `cohort usage deposit --asset`'
            cand --token 'The model token a checkpoint file is paid to (when serving a file, not a token or job)'
            cand --max-body 'Largest request body in bytes'
            cand --max-concurrency 'Generations at once: they decode together, one token each per step (default 32)'
            cand --max-queue 'Requests that may wait for a slot; more get 429'
            cand --settle-every 'Settle after this many accepted vouchers …'
            cand --settle-interval '… or after this many seconds (and always on shutdown)'
            cand --min-validity 'Seconds a voucher must still be valid for when it arrives'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --free 'Serve without payment (a private server): no vouchers, no wallet, no chain needed for a checkpoint'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;query'= {
            cand --provider 'The provider''s URL, e.g. http://127.0.0.1:8000'
            cand --prompt 'The prompt'
            cand --max-tokens 'Most tokens to generate'
            cand --temperature 'Sampling temperature (0: greedy)'
            cand --seed 'Seed for sampling (the same seed gives the same answer)'
            cand --max-spend 'The most this query may add to what you owe the provider, in the asset it charges in'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --chat 'Send it as a chat message (`/v1/chat/completions`)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;settle'= {
            cand --voucher 'Vouchers to settle: the header values (JSON), or @FILE with one per line. Default: the unsettled vouchers `cohort model serve` kept in this home (`serve/vouchers-*.jsonl`)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;model;help'= {
            cand eval 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data'
            cand generate 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)'
            cand merge 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder'
            cand average 'Average checkpoints'' weights (federated averaging), weighted'
            cand verify 'Re-run the steps between two checkpoints and compare the result with the claimed one'
            cand tokenize 'Turn a completed job''s model into a token shared by its owner and contributors'
            cand list 'List tokenized models'
            cand show 'A model token: job, datasets, model root, pools, holders, revenue per asset'
            cand holders 'A model token''s holders (from its Transfer events)'
            cand allocation 'Contributors'' allocations of a model token, claimed or not'
            cand download 'Download a completed job''s final model (verified) with its spec and provenance; a lora job''s as a PEFT adapter folder beside its base model'
            cand upload-base 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job''s `model.base`'
            cand serve 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free'
            cand query 'Ask a served model, paying with vouchers signed by your wallet'
            cand settle 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;model;help;eval'= {
        }
        &'cohort;model;help;generate'= {
        }
        &'cohort;model;help;merge'= {
        }
        &'cohort;model;help;average'= {
        }
        &'cohort;model;help;verify'= {
        }
        &'cohort;model;help;tokenize'= {
        }
        &'cohort;model;help;list'= {
        }
        &'cohort;model;help;show'= {
        }
        &'cohort;model;help;holders'= {
        }
        &'cohort;model;help;allocation'= {
        }
        &'cohort;model;help;download'= {
        }
        &'cohort;model;help;upload-base'= {
        }
        &'cohort;model;help;serve'= {
        }
        &'cohort;model;help;query'= {
        }
        &'cohort;model;help;settle'= {
        }
        &'cohort;model;help;help'= {
        }
        &'cohort;rewards'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Everything the wallet can claim: allocations, revenue per asset, worker earnings'
            cand claim 'Claim rewards (each claim is simulated first; rerun to finish after a failure)'
            cand deposit 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)'
            cand sync 'Account revenue sent to a model''s token directly (plain transfers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;rewards;list'= {
            cand --model 'Only this model (job id, token address or symbol)'
            cand --asset 'Only revenue in this asset (address, `native` or symbol)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;rewards;claim'= {
            cand --model 'Only this model''s allocation and revenue (job id, token address or symbol)'
            cand --asset 'Only revenue in this asset (address, `native` or symbol)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --all 'Everything: every model''s allocation and revenue, and worker earnings'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;rewards;deposit'= {
            cand --asset 'Pay in this ERC-20 revenue asset of the model (address or symbol) instead of the native coin'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;rewards;sync'= {
            cand --asset 'Only this asset (address, `native` or symbol); default: all of the model''s assets'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;rewards;help'= {
            cand list 'Everything the wallet can claim: allocations, revenue per asset, worker earnings'
            cand claim 'Claim rewards (each claim is simulated first; rerun to finish after a failure)'
            cand deposit 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)'
            cand sync 'Account revenue sent to a model''s token directly (plain transfers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;rewards;help;list'= {
        }
        &'cohort;rewards;help;claim'= {
        }
        &'cohort;rewards;help;deposit'= {
        }
        &'cohort;rewards;help;sync'= {
        }
        &'cohort;rewards;help;help'= {
        }
        &'cohort;verify'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --deep 'Re-execute every span of every submission, not only the ones drawn from each round''s seed block'
            cand --allow-exec 'Re-run the command of an exec job that declares `[model] deterministic = true`'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;usage'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand deposit 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account'
            cand balance 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled'
            cand withdraw 'Take unspent deposit back'
            cand voucher 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;usage;deposit'= {
            cand --amount 'Amount of the asset, e.g. 0.05'
            cand --asset 'The asset: `native` (default), or an ERC-20 (address or a model''s revenue-asset symbol)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;usage;balance'= {
            cand --provider 'Also ask this provider what it charged and what was settled'
            cand --asset 'The asset of the account: `native` (default), or an ERC-20 (address or symbol)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;usage;withdraw'= {
            cand --amount 'Announce a withdrawal of this amount (without it: take the announced withdrawal)'
            cand --asset 'The asset: `native` (default), or an ERC-20 (address or symbol)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;usage;voucher'= {
            cand --provider 'The provider''s URL'
            cand --amount 'How much more the provider may charge with this voucher, in the asset the provider charges in (its terms say which)'
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;usage;help'= {
            cand deposit 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account'
            cand balance 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled'
            cand withdraw 'Take unspent deposit back'
            cand voucher 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;usage;help;deposit'= {
        }
        &'cohort;usage;help;balance'= {
        }
        &'cohort;usage;help;withdraw'= {
        }
        &'cohort;usage;help;voucher'= {
        }
        &'cohort;usage;help;help'= {
        }
        &'cohort;devnet'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand up 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile'
            cand status 'Show endpoints, chain id, block height, contract addresses and process health'
            cand down 'Stop exactly the processes `up` started. Chain state is kept for the next `up`'
            cand reset 'Stop the devnet and wipe its chain and storage: the next `up` starts fresh'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;devnet;up'= {
            cand --port 'anvil''s port on 127.0.0.1 (0 picks a free one)'
            cand --block-time 'Seconds between blocks (default: a block per transaction)'
            cand --nodes 'Number of storage nodes (0 runs the chain alone)'
            cand --shards 'Number of shards (a power of two dividing --nodes)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;devnet;status'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;devnet;down'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;devnet;reset'= {
            cand --port 'anvil''s port on 127.0.0.1 (0 picks a free one)'
            cand --block-time 'Seconds between blocks (default: a block per transaction)'
            cand --nodes 'Number of storage nodes (0 runs the chain alone)'
            cand --shards 'Number of shards (a power of two dividing --nodes)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;devnet;help'= {
            cand up 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile'
            cand status 'Show endpoints, chain id, block height, contract addresses and process health'
            cand down 'Stop exactly the processes `up` started. Chain state is kept for the next `up`'
            cand reset 'Stop the devnet and wipe its chain and storage: the next `up` starts fresh'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;devnet;help;up'= {
        }
        &'cohort;devnet;help;status'= {
        }
        &'cohort;devnet;help;down'= {
        }
        &'cohort;devnet;help;reset'= {
        }
        &'cohort;devnet;help;help'= {
        }
        &'cohort;node'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;node;run'= {
            cand --data-dir 'Folder for the node''s data (created if missing; one node per folder)'
            cand --rpc 'Address for the JSON-RPC server (port 0 picks a free one)'
            cand --chain-rpc 'The chain''s JSON-RPC URL [default: the profile''s rpc_url]'
            cand --flow 'The flow contract address [default: the profile''s flow contract]'
            cand --shard 'The shard this node stores: K/N keeps global segments g with g % N == K'
            cand --poll-ms 'Milliseconds between chain polls once caught up'
            cand --confirmations 'Blocks a Submit event needs on top of it before the node takes it (reorgs within this depth never reach the node; deeper ones are rolled back) [default: 0 on a devnet chain (id 31337), 6 elsewhere]'
            cand --rpc-max-body-mib 'Largest JSON-RPC request body, and response, in MiB (the SDKs send ~3.5 MiB)'
            cand --rpc-max-batch 'Most calls in one JSON-RPC batch'
            cand --rpc-max-concurrent 'Requests handled at once; more wait for a slot'
            cand --rpc-max-connections 'Open connections in all; more wait until one closes'
            cand --rpc-max-peer-connections 'Open connections from one IP address; more are closed at once'
            cand --rpc-peer-rate 'Requests per second from one IP address, bursts of twice that (0: unlimited); a request over the rate waits up to 5 s, then gets HTTP 429'
            cand --rpc-memory-mib 'MiB of request bodies, decoded parameters and responses held at once; each request is charged 3× its body plus 1 MiB, and waits while the budget is spent. At least 3× the body limit plus 1'
            cand --cache-max-mib 'MiB of segments held for files whose tx is not on chain yet; the least recently used files give way when a new segment does not fit'
            cand --cache-ttl-secs 'Seconds a file''s segments wait for its tx (from the first segment) before they are dropped; also applies to the cache found at start'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;node;help'= {
            cand run 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;node;help;run'= {
        }
        &'cohort;node;help;help'= {
        }
        &'cohort;indexer'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;indexer;run'= {
            cand --rpc 'Address for the JSON-RPC server (port 0 picks a free one)'
            cand --node 'A storage node to list (repeatable, or comma-separated)'
            cand --poll-ms 'Milliseconds between probes of the nodes'
            cand --devnet 'Marks the process as a devnet''s (for `cohort devnet` only)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;indexer;help'= {
            cand run 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;indexer;help;run'= {
        }
        &'cohort;indexer;help;help'= {
        }
        &'cohort;deploy'= {
            cand --wallet 'Wallet that signs (`dev:N` is anvil''s dev account N on the local devnet)'
            cand --password-file 'File holding the wallet''s password'
            cand --private-key-env 'Sign with a raw private key read from this environment variable instead of a wallet'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --skip-storage 'Keep the profile''s existing flow and market (e.g. the public 0G network''s) and deploy only cohort''s own contracts'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show the active profile with every override applied, and where the files are'
            cand get 'Print one setting, e.g. `cohort config get profiles.local.rpc_url`'
            cand set 'Change one setting, e.g. `cohort config set profiles.zg.rpc_url https://…` (an empty value clears it; lists are comma-separated)'
            cand profiles 'List the profiles, marking the active one'
            cand use 'Make NAME the default profile'
            cand add 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints'
            cand remove 'Remove profile NAME'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;config;show'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config;get'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config;set'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config;profiles'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config;use'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config;add'= {
            cand --chain-id 'Chain id of the new profile (checked whenever cohort connects)'
            cand --preset 'Start from a public network''s settings: chain id, RPC, flow contract and indexer (`cohort config profiles` lists the presets)'
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config;remove'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;config;help'= {
            cand show 'Show the active profile with every override applied, and where the files are'
            cand get 'Print one setting, e.g. `cohort config get profiles.local.rpc_url`'
            cand set 'Change one setting, e.g. `cohort config set profiles.zg.rpc_url https://…` (an empty value clears it; lists are comma-separated)'
            cand profiles 'List the profiles, marking the active one'
            cand use 'Make NAME the default profile'
            cand add 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints'
            cand remove 'Remove profile NAME'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;config;help;show'= {
        }
        &'cohort;config;help;get'= {
        }
        &'cohort;config;help;set'= {
        }
        &'cohort;config;help;profiles'= {
        }
        &'cohort;config;help;use'= {
        }
        &'cohort;config;help;add'= {
        }
        &'cohort;config;help;remove'= {
        }
        &'cohort;config;help;help'= {
        }
        &'cohort;completions'= {
            cand --profile 'Profile to use (default: the config''s default_profile, else `local`)'
            cand --progress 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr'
            cand --color 'When to color output'
            cand --rpc-url 'Chain JSON-RPC URL, overriding the profile''s'
            cand --storage-node 'Storage node URL, overriding the profile''s (repeatable; env: comma-separated)'
            cand --indexer '0G indexer URL that finds the storage nodes, overriding the profile''s (explicit storage nodes win over it)'
            cand --wallet 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)'
            cand --password-file 'File holding the wallet''s password (also accepted after the subcommand)'
            cand --json 'Print the result as one JSON document on stdout; errors as JSON on stderr'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output on stderr (-v, -vv, -vvv)'
            cand --verbose 'More log output on stderr (-v, -vv, -vvv)'
            cand --no-progress 'No progress output (same as --progress none)'
            cand -y 'Never prompt: answer yes to confirmations'
            cand --yes 'Never prompt: answer yes to confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cohort;help'= {
            cand quickstart 'The whole lifecycle on the local devnet in one command: data, training, token, rewards'
            cand wallet 'Keystore wallets, passwords, balances, transfers and signatures'
            cand dataset 'Community datasets: create, upload, review, seal, download, verify'
            cand storage 'Store and fetch files on 0G-compatible storage nodes: upload, download, info, root'
            cand train 'Train the builtin byte-level model, or LoRA adapters for a Hugging Face model, on local files'
            cand job 'Training jobs: submit, list, show, watch, cancel, coordinate and audit'
            cand worker 'Workers: register this machine, work on jobs, earnings and withdrawals'
            cand model 'Models: evaluate, sample, average, verify, download, tokenize, holders, allocations'
            cand rewards 'Rewards: unclaimed allocations, model revenue and worker earnings; claim and deposit'
            cand verify 'Recompute a model''s whole history from chain and storage; exit 5 naming the first link that does not hold'
            cand usage 'Pay-per-use: your deposit on the usage ledger and vouchers for model servers'
            cand devnet 'Run a local chain, the contracts and storage nodes on this machine'
            cand node 'Run a 0G-compatible storage node'
            cand indexer 'Run a 0G indexer that lists a set of storage nodes to clients'
            cand deploy 'Deploy the contract suite to the active profile''s chain'
            cand config 'Show and edit profiles and settings'
            cand completions 'Print shell completions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cohort;help;quickstart'= {
        }
        &'cohort;help;wallet'= {
            cand new 'Create a wallet with a new random key or a new recovery phrase'
            cand import 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)'
            cand list 'List wallets: name, address, and which one is the default'
            cand show 'Show a wallet''s address and keystore file'
            cand default 'Make a wallet the default signer (with --profile: that profile''s wallet)'
            cand rename 'Rename a wallet'
            cand remove 'Delete a wallet''s keystore (asks first, unless --yes)'
            cand change-password 'Re-encrypt a wallet with a new password'
            cand export 'Print the private key (after confirmation) or copy the keystore file'
            cand unlock 'Check a wallet''s password; with --remember, keep it in the OS keyring'
            cand lock 'Forget a password remembered in the OS keyring'
            cand balance 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)'
            cand send 'Send the native coin or an ERC-20 token, and wait for the receipt'
            cand sign 'Sign a message (EIP-191 personal message)'
            cand verify 'Check an EIP-191 signature: print the signer, or check it is --address'
        }
        &'cohort;help;wallet;new'= {
        }
        &'cohort;help;wallet;import'= {
        }
        &'cohort;help;wallet;list'= {
        }
        &'cohort;help;wallet;show'= {
        }
        &'cohort;help;wallet;default'= {
        }
        &'cohort;help;wallet;rename'= {
        }
        &'cohort;help;wallet;remove'= {
        }
        &'cohort;help;wallet;change-password'= {
        }
        &'cohort;help;wallet;export'= {
        }
        &'cohort;help;wallet;unlock'= {
        }
        &'cohort;help;wallet;lock'= {
        }
        &'cohort;help;wallet;balance'= {
        }
        &'cohort;help;wallet;send'= {
        }
        &'cohort;help;wallet;sign'= {
        }
        &'cohort;help;wallet;verify'= {
        }
        &'cohort;help;dataset'= {
            cand create 'Create a dataset; you become its curator'
            cand upload 'Upload files or folders and record them as your contributions'
            cand list 'List every dataset'
            cand show 'Show a dataset''s metadata and its contributions'
            cand contributors 'Show each contributor''s weight (accepted size × score) and share'
            cand review 'Accept (with a score) or reject contributions (curator only)'
            cand seal 'Seal a dataset: its weights never change again and jobs may train on it (curator only)'
            cand download 'Download the accepted files to DIR/<contributor address>/<path>, each verified'
            cand verify 'Ask the storage nodes for every file and report missing or unfinalized ones'
        }
        &'cohort;help;dataset;create'= {
        }
        &'cohort;help;dataset;upload'= {
        }
        &'cohort;help;dataset;list'= {
        }
        &'cohort;help;dataset;show'= {
        }
        &'cohort;help;dataset;contributors'= {
        }
        &'cohort;help;dataset;review'= {
        }
        &'cohort;help;dataset;seal'= {
        }
        &'cohort;help;dataset;download'= {
        }
        &'cohort;help;dataset;verify'= {
        }
        &'cohort;help;storage'= {
            cand upload 'Upload files: compute the root, pay the fee, submit, send every node its segments'
            cand download 'Download files by root, checking every segment''s proof and the whole root'
            cand info 'What each storage node knows about a root: tx_seq, size, finalized, segments stored'
            cand root 'Compute a file''s root and submission nodes locally (no network)'
        }
        &'cohort;help;storage;upload'= {
        }
        &'cohort;help;storage;download'= {
        }
        &'cohort;help;storage;info'= {
        }
        &'cohort;help;storage;root'= {
        }
        &'cohort;help;train'= {
        }
        &'cohort;help;job'= {
            cand submit 'Check a job spec, upload its bundle and escrow rounds × reward per round'
            cand list 'List jobs'
            cand show 'A job''s spec, state, rounds, submissions, rejections with reasons, payouts and escrow'
            cand watch 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends'
            cand cancel 'Cancel a job (owner): the unspent rounds are refunded to your earnings'
            cand coordinate 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee''s threshold agrees'
            cand close-round 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner'
            cand audit 'Re-execute a worker''s submission from the recorded inputs and report match or mismatch'
        }
        &'cohort;help;job;submit'= {
        }
        &'cohort;help;job;list'= {
        }
        &'cohort;help;job;show'= {
        }
        &'cohort;help;job;watch'= {
        }
        &'cohort;help;job;cancel'= {
        }
        &'cohort;help;job;coordinate'= {
        }
        &'cohort;help;job;close-round'= {
        }
        &'cohort;help;job;audit'= {
        }
        &'cohort;help;worker'= {
            cand register 'Record this machine''s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)'
            cand run 'Join a job and work on it round by round until it ends'
            cand status 'Registration, the state on disk and the current job'
            cand earnings 'Credited earnings and, per job, accepted work and payouts'
            cand withdraw 'Pay out credited earnings (and job refunds) to the payee'
        }
        &'cohort;help;worker;register'= {
        }
        &'cohort;help;worker;run'= {
        }
        &'cohort;help;worker;status'= {
        }
        &'cohort;help;worker;earnings'= {
        }
        &'cohort;help;worker;withdraw'= {
        }
        &'cohort;help;model'= {
            cand eval 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data'
            cand generate 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)'
            cand merge 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder'
            cand average 'Average checkpoints'' weights (federated averaging), weighted'
            cand verify 'Re-run the steps between two checkpoints and compare the result with the claimed one'
            cand tokenize 'Turn a completed job''s model into a token shared by its owner and contributors'
            cand list 'List tokenized models'
            cand show 'A model token: job, datasets, model root, pools, holders, revenue per asset'
            cand holders 'A model token''s holders (from its Transfer events)'
            cand allocation 'Contributors'' allocations of a model token, claimed or not'
            cand download 'Download a completed job''s final model (verified) with its spec and provenance; a lora job''s as a PEFT adapter folder beside its base model'
            cand upload-base 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job''s `model.base`'
            cand serve 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free'
            cand query 'Ask a served model, paying with vouchers signed by your wallet'
            cand settle 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)'
        }
        &'cohort;help;model;eval'= {
        }
        &'cohort;help;model;generate'= {
        }
        &'cohort;help;model;merge'= {
        }
        &'cohort;help;model;average'= {
        }
        &'cohort;help;model;verify'= {
        }
        &'cohort;help;model;tokenize'= {
        }
        &'cohort;help;model;list'= {
        }
        &'cohort;help;model;show'= {
        }
        &'cohort;help;model;holders'= {
        }
        &'cohort;help;model;allocation'= {
        }
        &'cohort;help;model;download'= {
        }
        &'cohort;help;model;upload-base'= {
        }
        &'cohort;help;model;serve'= {
        }
        &'cohort;help;model;query'= {
        }
        &'cohort;help;model;settle'= {
        }
        &'cohort;help;rewards'= {
            cand list 'Everything the wallet can claim: allocations, revenue per asset, worker earnings'
            cand claim 'Claim rewards (each claim is simulated first; rerun to finish after a failure)'
            cand deposit 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)'
            cand sync 'Account revenue sent to a model''s token directly (plain transfers)'
        }
        &'cohort;help;rewards;list'= {
        }
        &'cohort;help;rewards;claim'= {
        }
        &'cohort;help;rewards;deposit'= {
        }
        &'cohort;help;rewards;sync'= {
        }
        &'cohort;help;verify'= {
        }
        &'cohort;help;usage'= {
            cand deposit 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account'
            cand balance 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled'
            cand withdraw 'Take unspent deposit back'
            cand voucher 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)'
        }
        &'cohort;help;usage;deposit'= {
        }
        &'cohort;help;usage;balance'= {
        }
        &'cohort;help;usage;withdraw'= {
        }
        &'cohort;help;usage;voucher'= {
        }
        &'cohort;help;devnet'= {
            cand up 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile'
            cand status 'Show endpoints, chain id, block height, contract addresses and process health'
            cand down 'Stop exactly the processes `up` started. Chain state is kept for the next `up`'
            cand reset 'Stop the devnet and wipe its chain and storage: the next `up` starts fresh'
        }
        &'cohort;help;devnet;up'= {
        }
        &'cohort;help;devnet;status'= {
        }
        &'cohort;help;devnet;down'= {
        }
        &'cohort;help;devnet;reset'= {
        }
        &'cohort;help;node'= {
            cand run 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C'
        }
        &'cohort;help;node;run'= {
        }
        &'cohort;help;indexer'= {
            cand run 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C'
        }
        &'cohort;help;indexer;run'= {
        }
        &'cohort;help;deploy'= {
        }
        &'cohort;help;config'= {
            cand show 'Show the active profile with every override applied, and where the files are'
            cand get 'Print one setting, e.g. `cohort config get profiles.local.rpc_url`'
            cand set 'Change one setting, e.g. `cohort config set profiles.zg.rpc_url https://…` (an empty value clears it; lists are comma-separated)'
            cand profiles 'List the profiles, marking the active one'
            cand use 'Make NAME the default profile'
            cand add 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints'
            cand remove 'Remove profile NAME'
        }
        &'cohort;help;config;show'= {
        }
        &'cohort;help;config;get'= {
        }
        &'cohort;help;config;set'= {
        }
        &'cohort;help;config;profiles'= {
        }
        &'cohort;help;config;use'= {
        }
        &'cohort;help;config;add'= {
        }
        &'cohort;help;config;remove'= {
        }
        &'cohort;help;completions'= {
        }
        &'cohort;help;help'= {
        }
    ]
    $completions[$command]
}
