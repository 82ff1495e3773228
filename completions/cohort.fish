# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cohort_global_optspecs
    string join \n profile= json q/quiet v/verbose no-progress progress= y/yes color= rpc-url= storage-node= indexer= wallet= password-file= h/help V/version
end

function __fish_cohort_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cohort_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cohort_using_subcommand
    set -l cmd (__fish_cohort_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cohort -n "__fish_cohort_needs_command" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_needs_command" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_needs_command" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_needs_command" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_needs_command" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_needs_command" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_needs_command" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_needs_command" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_needs_command" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_needs_command" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_needs_command" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_needs_command" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_needs_command" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "quickstart" -d 'The whole lifecycle on the local devnet in one command: data, training, token, rewards'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "wallet" -d 'Keystore wallets, passwords, balances, transfers and signatures'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "dataset" -d 'Community datasets: create, upload, review, seal, download, verify'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "storage" -d 'Store and fetch files on 0G-compatible storage nodes: upload, download, info, root'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "train" -d 'Train the builtin byte-level model, or LoRA adapters for a Hugging Face model, on local files'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "job" -d 'Training jobs: submit, list, show, watch, cancel, coordinate, close rounds and audit'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "worker" -d 'Workers: register this machine, work on jobs, earnings and withdrawals'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "model" -d 'Models: evaluate, sample, merge, average, verify, download, upload bases, tokenize, list, show, holders, allocations; serve, query and settle paid use'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "rewards" -d 'Rewards: unclaimed allocations, model revenue and worker earnings; claim and deposit'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "verify" -d 'Recompute a model\'s whole history from chain and storage; exit 5 naming the first link that does not hold'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "usage" -d 'Pay-per-use: your deposit on the usage ledger and vouchers for model servers'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "devnet" -d 'Run a local chain, the contracts and storage nodes on this machine'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "node" -d 'Run a 0G-compatible storage node'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "indexer" -d 'Run a 0G indexer that lists a set of storage nodes to clients'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "deploy" -d 'Deploy the contract suite to the active profile\'s chain'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "config" -d 'Show and edit profiles and settings'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c cohort -n "__fish_cohort_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l port -d 'anvil\'s port if the devnet has to be started (0 picks a free one)' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l rounds -d 'Training rounds of the demo job' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l steps -d 'Training steps per worker per round' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l gpu -d 'Make the demo job require a GPU: the workers train on CUDA and the coordinator re-executes on the GPU (needs a cohort built with `--features cuda`)'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l lora -d 'Fine-tune an open-weight model instead: a `lora` job on the committed tiny Qwen2 model (its base model uploaded to storage first), served with its adapter'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand quickstart" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "new" -d 'Create a wallet with a new random key or a new recovery phrase'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "import" -d 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "list" -d 'List wallets: name, address, and which one is the default'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "show" -d 'Show a wallet\'s address and keystore file'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "default" -d 'Make a wallet the default signer (with --profile: that profile\'s wallet)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "rename" -d 'Rename a wallet'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "remove" -d 'Delete a wallet\'s keystore (asks first, unless --yes)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "change-password" -d 'Re-encrypt a wallet with a new password'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "export" -d 'Print the private key (after confirmation) or copy the keystore file'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "unlock" -d 'Check a wallet\'s password; with --remember, keep it in the OS keyring'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "lock" -d 'Forget a password remembered in the OS keyring'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "balance" -d 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "send" -d 'Send the native coin or an ERC-20 token, and wait for the receipt'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "sign" -d 'Sign a message (EIP-191 personal message)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "verify" -d 'Check an EIP-191 signature: print the signer, or check it is --address'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and not __fish_seen_subcommand_from new import list show default rename remove change-password export unlock lock balance send sign verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l mnemonic -d 'Derive the key from a new BIP-39 recovery phrase of 12 (default) or 24 words, printed once on stdout as the only backup (or written to --mnemonic-file)' -r -f -a "12\t''
24\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l mnemonic-file -d 'Write the recovery phrase to this file (mode 0600) instead of stdout' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l password-file -d 'File holding the new wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l force -d 'Replace an existing wallet of the same name, whose key is lost unless backed up (asks first, unless --yes), and an existing --mnemonic-file'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l private-key-file -d 'File holding a hex private key (`-` reads standard input)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l mnemonic-file -d 'File holding a BIP-39 recovery phrase (`-` reads standard input)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l index -d 'Account index N of the phrase, path m/44\'/60\'/0\'/0/N' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l keystore -d 'A Web3 Secret Storage v3 keystore file (geth, foundry, cohort); it keeps its password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l password-file -d 'File holding the password (the new wallet\'s; with --keystore, the keystore\'s)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l force -d 'Replace an existing wallet of the same name, whose key is lost unless backed up (asks first, unless --yes)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from default" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l force -d 'Replace an existing wallet named NEW, whose key is lost unless backed up (asks first, unless --yes)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l password-file -d 'File holding the current password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l new-password-file -d 'File holding the new password (else asked twice on the terminal)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from change-password" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l keystore -d 'Copy the keystore file (still encrypted) to FILE, mode 0600' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l password-file -d 'File holding the password (for --private-key)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l private-key -d 'Print the private key on stdout (asks first, unless --yes). Anyone who sees it owns the wallet\'s funds'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l force -d 'Overwrite an existing FILE'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l password-file -d 'File holding the password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l remember -d 'Keep the password in the OS keyring, so later commands need no password'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from lock" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l token -d 'Also show the balance of this ERC-20 token: address or symbol (repeatable)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from balance" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l token -d 'Send this ERC-20 token instead of the native coin: address or symbol (a model token\'s, or a revenue asset of a model)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l dry-run -d 'Check and show the transfer (gas, fees, funds) without sending it; needs no password'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l hex -d 'The message is hex bytes'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l address -d 'Who should have signed (an address, a wallet\'s name or dev:N); a mismatch is exit 5' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l hex -d 'The message is hex bytes'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "new" -d 'Create a wallet with a new random key or a new recovery phrase'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "list" -d 'List wallets: name, address, and which one is the default'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a wallet\'s address and keystore file'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "default" -d 'Make a wallet the default signer (with --profile: that profile\'s wallet)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a wallet'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Delete a wallet\'s keystore (asks first, unless --yes)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "change-password" -d 'Re-encrypt a wallet with a new password'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print the private key (after confirmation) or copy the keystore file'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Check a wallet\'s password; with --remember, keep it in the OS keyring'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "lock" -d 'Forget a password remembered in the OS keyring'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "balance" -d 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send the native coin or an ERC-20 token, and wait for the receipt'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a message (EIP-191 personal message)'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check an EIP-191 signature: print the signer, or check it is --address'
complete -c cohort -n "__fish_cohort_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "create" -d 'Create a dataset; you become its curator'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "upload" -d 'Upload files or folders and record them as your contributions'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "list" -d 'List every dataset'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "show" -d 'Show a dataset\'s metadata and its contributions'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "contributors" -d 'Show each contributor\'s weight (accepted size × score) and share'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "review" -d 'Accept (with a score) or reject contributions (curator only)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "seal" -d 'Seal a dataset: its weights never change again and jobs may train on it (curator only)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "download" -d 'Download the accepted files to DIR/<contributor address>/<path>, each verified'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "verify" -d 'Ask the storage nodes for every file and report missing or unfinalized ones'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and not __fish_seen_subcommand_from create upload list show contributors review seal download verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l description -d 'What the dataset holds' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l license -d 'SPDX license of the data: an identifier (CC-BY-4.0, CC0-1.0), an expression (`MIT OR Apache-2.0`) or LicenseRef-NAME for terms of your own; anything else is refused' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l previous -d 'The dataset (id or name) this one is a new version of' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l hidden -d 'Include hidden files and folders (names starting with \'.\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from upload" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from contributors" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l score -d 'Quality score of accepted contributions, 1 to 100' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l all-pending -d 'Review every pending contribution'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l accept -d 'Accept, with --score. Each file is first downloaded (every proof checked) and compared with its recorded size and blake3; nothing is sent when one does not match (exit 5), has a path no download can write, or has the same content as one already accepted or another being accepted (exit 2): reject those first. A file that could not be fetched (its storage nodes offline, or none reachable holding it) is exit 3: retry, nothing was sent'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l no-verify -d 'Accept without downloading the files, taking their recorded size and blake3 as they are (for files checked already, e.g. with `cohort dataset verify --deep`)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l reject -d 'Reject'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from review" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from seal" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -s o -l output -l out -d 'Folder to write into (created if missing)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l parallel -d 'How many files download at once' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l deep -d 'Also download every file and check its blake3 hash'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a dataset; you become its curator'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Upload files or folders and record them as your contributions'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every dataset'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a dataset\'s metadata and its contributions'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "contributors" -d 'Show each contributor\'s weight (accepted size × score) and share'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "review" -d 'Accept (with a score) or reject contributions (curator only)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "seal" -d 'Seal a dataset: its weights never change again and jobs may train on it (curator only)'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download the accepted files to DIR/<contributor address>/<path>, each verified'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Ask the storage nodes for every file and report missing or unfinalized ones'
complete -c cohort -n "__fish_cohort_using_subcommand dataset; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -f -a "upload" -d 'Upload files: compute the root, pay the fee, submit, send every node its segments'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -f -a "download" -d 'Download files by root, checking every segment\'s proof and the whole root'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -f -a "info" -d 'What each storage node knows about a root: tx_seq, size, finalized, segments stored'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -f -a "root" -d 'Compute a file\'s root and submission nodes locally (no network)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and not __fish_seen_subcommand_from upload download info root help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l fragment-size -d 'Split files larger than this into fragments, each its own root and transaction (rounded up to a power of two, at least 256 bytes, as 0G\'s clients do: 100MiB gives 128 MiB)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l batch -d 'Segments (256 KiB each) per upload request; a node that refuses a request as too big gets halves of it' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l concurrency -d 'Upload requests in flight per node' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l timeout -d 'Seconds to wait for the nodes to see the transaction, and to finalize' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l expected-replica -d 'Store every shard on this many nodes: the nodes asked of the indexer (or named with --storage-node) must cover every shard this often, else nothing is paid (exit 1)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l tag -d 'The submission\'s tags, as hex (`0x…`): recorded on chain with the file [default: none]' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l max-fee -d 'Refuse to pay more than this fee per file or fragment (1.5, 0.001ether, 250gwei, 1000wei): a higher fee fails with exit 4 before anything is sent' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l no-wait -d 'Return once the segments are sent, without waiting for the nodes to finalize'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from upload" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -s o -l output -l out -d 'Where to write the file; `-` streams it to stdout (each segment written once its proof checks, in order; the root checked at the end: exit 5 on a mismatch; no resume)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l concurrency -d 'Segments fetched at once, asked 4 per request (each one\'s proof is checked as it arrives, on all cores)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l force -d 'Replace an existing output file'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l fragment-size -d 'Fragment size, as for upload (rounded up to a power of two)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l threads -d 'Hashing threads (0: all cores)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l fee -d 'Also quote the fee at the flow\'s current price (reads the chain; nothing is sent)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from root" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Upload files: compute the root, pay the fee, submit, send every node its segments'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download files by root, checking every segment\'s proof and the whole root'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "info" -d 'What each storage node knows about a root: tx_seq, size, finalized, segments stored'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "root" -d 'Compute a file\'s root and submission nodes locally (no network)'
complete -c cohort -n "__fish_cohort_using_subcommand storage; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand train" -l data -d 'Text files or folders (read recursively) to train on; JSONL files too with the lora trainer' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand train" -l config -d 'The job spec (TOML) whose [model] and [training] tables configure the run' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand train" -s o -l out -l output -d 'Folder for checkpoints and metrics.json (temporary files that a killed run left there are removed at the start). One run at a time trains into a folder; a run without --init needs a new or empty one' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand train" -l init -d 'Start from this checkpoint (its optimizer state too, when it has one) and continue its run: by default up to training.steps, on the same learning-rate schedule' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand train" -l steps -d 'Steps to train from where the run starts (default: training.steps; from an --init checkpoint at step S, training.steps - S, and exit 2 when S is there already)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l seed -d 'Seed for initialization, batches and dropout (default: training.seed)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l round -d 'Pool round: part of the batch sampling key (default 0)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l worker -d 'Worker address: part of the batch sampling key (default: the zero address)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l checkpoint-every -d 'Write a checkpoint every K global steps (default: training.checkpoint_every)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l device -d 'Where to compute' -r -f -a "auto\t'A CUDA GPU when built with `--features cuda` and one is present, else the CPU'
cpu\t'The CPU (bit-reproducible)'
cuda\t'CUDA GPU 0'"
complete -c cohort -n "__fish_cohort_using_subcommand train" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand train" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand train" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand train" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand train" -l fresh-optimizer -d 'Start with a fresh optimizer state even when --init has one'
complete -c cohort -n "__fish_cohort_using_subcommand train" -l force -d 'Train even when the memory estimate exceeds the available memory'
complete -c cohort -n "__fish_cohort_using_subcommand train" -l recompute -d 'LoRA: recompute each block\'s activations in backward instead of keeping them (less memory, about a third more time, the same result). Default: only when memory is short'
complete -c cohort -n "__fish_cohort_using_subcommand train" -l timings -d 'Time each phase of every step but the first (the batch, on a GPU each kind of op of the builtin model\'s pass, the optimizer, evaluation, checkpoints), each run to completion before the next, and report them. The steps run slower, with the same result'
complete -c cohort -n "__fish_cohort_using_subcommand train" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand train" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand train" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand train" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand train" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand train" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand train" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "submit" -d 'Check a job spec, upload its bundle and escrow rounds × reward per round'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "list" -d 'List jobs'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "show" -d 'A job\'s spec, state, rounds, submissions, rejections with reasons, payouts and escrow'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "watch" -d 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends. A chain or storage outage is ridden out: each poll that cannot reach them says so on stderr, and watching goes on'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "cancel" -d 'Cancel a job (owner): the unspent rounds are refunded to your earnings'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "coordinate" -d 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee\'s threshold agrees'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "close-round" -d 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "audit" -d 'Re-execute a worker\'s submission from the recorded inputs and report match or mismatch'
complete -c cohort -n "__fish_cohort_using_subcommand job; and not __fish_seen_subcommand_from submit list show watch cancel coordinate close-round audit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l min-workers -d 'With --coordinate: start the job once this many workers joined' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l dry-run -d 'Print the escrow, storage fee, gas estimates and balances after; send nothing (no password is asked: a plan uses the wallet\'s address only)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l coordinate -d 'Keep running as the job\'s coordinator after submitting'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l allow-exec -d 'With --coordinate: run a deterministic exec job\'s command to re-execute submissions'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from submit" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet or address for --mine (default: the selected wallet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l open -d 'Only jobs that take workers (open, or running with rounds left)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l mine -d 'Only jobs the wallet owns, coordinates or works in'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l plot -d 'Also draw the validation loss per round (and each worker\'s submissions) as an SVG file' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l interval -d 'Seconds between polls' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l min-workers -d 'Start the job once this many workers joined' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l poll -d 'Seconds between polls of the chain' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l tolerance -d 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l gpu-tolerance -d 'For jobs that require a GPU: largest difference accepted, as a fraction of the span\'s largest weight change (GPU and CPU kernels round differently)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l allow-exec -d 'Run the job\'s command to re-execute submissions of an exec job that declares `[model] deterministic = true` (required for such jobs)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from coordinate" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from close-round" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l round -d 'The round (from 0)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l worker -d 'The worker whose submission is audited (address, wallet name or dev:N)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l tolerance -d 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l gpu-tolerance -d 'For jobs that require a GPU: largest difference accepted, as a fraction of the span\'s largest weight change (GPU and CPU kernels round differently)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from audit" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Check a job spec, upload its bundle and escrow rounds × reward per round'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "list" -d 'List jobs'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "show" -d 'A job\'s spec, state, rounds, submissions, rejections with reasons, payouts and escrow'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends. A chain or storage outage is ridden out: each poll that cannot reach them says so on stderr, and watching goes on'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel a job (owner): the unspent rounds are refunded to your earnings'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "coordinate" -d 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee\'s threshold agrees'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "close-round" -d 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "audit" -d 'Re-execute a worker\'s submission from the recorded inputs and report match or mismatch'
complete -c cohort -n "__fish_cohort_using_subcommand job; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -f -a "register" -d 'Record this machine\'s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -f -a "run" -d 'Join a job and work on it round by round until it ends'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -f -a "leave" -d 'Leave a job between rounds: its bond is credited back to your earnings'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -f -a "status" -d 'Registration, the state on disk and the current job'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -f -a "earnings" -d 'Credited earnings and, per job, payouts (accepted and unverified rounds), returned and slashed bonds'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -f -a "withdraw" -d 'Pay out credited earnings (and job refunds) to the payee'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and not __fish_seen_subcommand_from register run leave status earnings withdraw help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l name -d 'A name for this machine, stored with its inventory' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l job -d 'The job to work on (default: the job in the state folder)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l state-dir -d 'Folder for the worker\'s state and round outputs, used by one run at a time (default: <data dir>/worker/<address>)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l poll -d 'Seconds between polls of the chain while waiting' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l auto -d 'Pick the open job with the best reward whose requirements this machine meets'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l allow-exec -d 'Allow jobs that run an external command (exec runtime); the command is printed first'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l job -d 'The job to leave' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l state-dir -d 'Folder of the worker\'s state, marked stopped when it works on this job (default: <data dir>/worker/<address>)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from leave" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l state-dir -d 'Folder of the worker\'s state (default: <data dir>/worker/<address>)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l wallet -d 'Wallet or address (default: the selected wallet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l wallet -d 'Wallet or address (default: the selected wallet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from earnings" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from withdraw" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "register" -d 'Record this machine\'s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "run" -d 'Join a job and work on it round by round until it ends'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "leave" -d 'Leave a job between rounds: its bond is credited back to your earnings'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "status" -d 'Registration, the state on disk and the current job'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "earnings" -d 'Credited earnings and, per job, payouts (accepted and unverified rounds), returned and slashed bonds'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "withdraw" -d 'Pay out credited earnings (and job refunds) to the payee'
complete -c cohort -n "__fish_cohort_using_subcommand worker; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "eval" -d 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "generate" -d 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "merge" -d 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "average" -d 'Average builtin checkpoints\' weights (federated averaging), weighted.'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "verify" -d 'Re-run the steps between two builtin checkpoints and compare the result with the claimed one'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "tokenize" -d 'Turn a completed job\'s model into a token shared by its owner and contributors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "list" -d 'List tokenized models'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "show" -d 'A model token: job, datasets, model root, pools, holders, revenue per asset'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "holders" -d 'A model token\'s holders (from its Transfer events)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "allocation" -d 'Contributors\' allocations of a model token, claimed or not'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "download" -d 'Download a completed job\'s final model (verified) with its spec and provenance; a lora job\'s as a PEFT adapter folder beside its base model'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "upload-base" -d 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job\'s `model.base`'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "serve" -d 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "query" -d 'Ask a served model, paying with vouchers signed by your wallet'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "settle" -d 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and not __fish_seen_subcommand_from eval generate merge average verify tokenize list show holders allocation download upload-base serve query settle help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l adapter -d 'A PEFT LoRA adapter folder to apply (Hugging Face folders only)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l context -d 'Tokens per scored sequence (Hugging Face folders only; default 256, or the model\'s max_position_embeddings where smaller)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l data -d 'Text files or folders (recursive) to score' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l split -d 'Which part of the data to score' -r -f -a "all\t'All of the data'
val\t'The held-out validation split (the last tenth of every text file; every tenth line of a JSONL file)'
train\t'The training split'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l max-windows -d 'Score at most N windows of `context` bytes (on a Hugging Face folder: N sequences), spread evenly (default: all)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l device -r -f -a "auto\t'A CUDA GPU when built with `--features cuda` and one is present, else the CPU'
cpu\t'The CPU (bit-reproducible)'
cuda\t'CUDA GPU 0'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from eval" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l prompt -d 'Text the sample continues (with --chat: the user\'s message)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l max-tokens -d 'Tokens (bytes for a builtin checkpoint, at most 65536) to generate at most; stops earlier at EOS (a Hugging Face folder: also where its context is full)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l min-tokens -d 'Tokens to generate before EOS may end the sample (Hugging Face folders only)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l temperature -d 'Sampling temperature, 0 to 2 (0: always the most likely token)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l seed -d 'Seed for sampling' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l adapter -d 'A PEFT LoRA adapter folder to apply (Hugging Face folders only)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l top-p -d 'Nucleus sampling: sample from the most likely tokens that reach this probability, in (0, 1]' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l device -d 'Where to compute (Hugging Face folders; a builtin checkpoint samples on the CPU, as `model serve` does)' -r -f -a "auto\t'A CUDA GPU when built with `--features cuda` and one is present, else the CPU'
cpu\t'The CPU (bit-reproducible)'
cuda\t'CUDA GPU 0'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l chat -d 'Send the prompt as a user message through the model\'s chat template'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -s o -l out -l output -d 'The folder to write (must not exist or be empty)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from merge" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l weights -d 'Weights, one per checkpoint, comma-separated (default: equal)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -s o -l out -l output -d 'Where to write the average (written atomically)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l force -d 'Replace an existing output file'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from average" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l from -d 'The checkpoint the span starts from (at step s, with optimizer state)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l claimed -d 'The claimed checkpoint at the end of the span' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l data -d 'The training data the worker used' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l config -d 'The job spec the worker trained with' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l worker -d 'The worker\'s address (part of the batch sampling key; default: the zero address)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l round -d 'The round (part of the batch sampling key)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l seed -d 'The seed, when the worker overrode the spec\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l device -d 'Where to re-execute: the CPU (bit-reproducible, the default) or a CUDA GPU' -r -f -a "auto\t'A CUDA GPU when built with `--features cuda` and one is present, else the CPU'
cpu\t'The CPU (bit-reproducible)'
cuda\t'CUDA GPU 0'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l tolerance -d 'Largest absolute difference accepted as rounding between CPU models (`job coordinate` uses the tolerance the job committed to on chain instead)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l gpu-tolerance -d 'For jobs that require a GPU: largest difference accepted, as a fraction of the span\'s largest weight change (GPU and CPU kernels round differently)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l name -d 'Token name, e.g. "News Summarizer"' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l symbol -d 'Token symbol, e.g. NEWS' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l supply -d 'Whole supply in tokens (18 decimals), minted once: e.g. 1000000' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l owner-share -d 'No longer taken: the split was committed at `job submit` ([job.split] in the spec)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l data-share -d 'No longer taken (see --owner-share)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l compute-share -d 'No longer taken (see --owner-share)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l revenue-asset -d 'No longer taken: the revenue assets were committed at `job submit` (revenue_assets in the spec\'s [job] table)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l dry-run -d 'Print every contributor\'s allocation and send nothing'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from tokenize" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from holders" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l for -d 'Only this contributor (address, wallet name or dev:N)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from allocation" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -s o -l output -l out -d 'Folder to write model.safetensors (a lora job: adapter/ and base/), job.toml and provenance.json into' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from upload-base" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l adapter -d 'A PEFT adapter folder (`adapter_model.safetensors` + `adapter_config.json`, as `cohort train` writes for a `lora` spec) to serve on top of a Hugging Face folder' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l port -d 'Port to listen on (0: any free port, printed)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l bind -d 'Address to bind (loopback by default; 0.0.0.0 serves the network)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l price -d 'Price per 1000 tokens (prompt + completion) in the asset (--asset), e.g. 0.001' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l asset -d 'What users pay in: the native coin (default) or an ERC-20 the model token takes as revenue (its address or symbol); users deposit it with `cohort usage deposit --asset`' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l token -d 'The model token a checkpoint file is paid to (when serving a file, not a token or job)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l max-body -d 'Largest request body in bytes' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l max-concurrency -d 'Generations at once: they decode together, one token each per step (default 32)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l max-queue -d 'Requests that may wait for a slot; more get 429' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l settle-every -d 'Settle after this many requests served on vouchers …' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l settle-interval -d '… or after this many seconds (and always on shutdown)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l min-validity -d 'Seconds a voucher must still be valid for when it arrives' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l free -d 'Serve without payment (a private server): no vouchers, no wallet, no chain needed for a checkpoint'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l provider -d 'The provider\'s URL, e.g. http://127.0.0.1:8000' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l prompt -d 'The prompt' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l max-tokens -d 'Most tokens to generate' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l min-tokens -d 'No end of sequence before this many tokens (at most --max-tokens)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l temperature -d 'Sampling temperature (0: greedy)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l seed -d 'Seed for sampling (the same seed gives the same answer)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l max-spend -d 'The most this query may add to what you owe the provider, in the asset it charges in' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l chat -d 'Send it as a chat message (`/v1/chat/completions`)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l voucher -d 'Vouchers to settle: the header values (JSON), or @FILE with one per line. Default: the unsettled vouchers `cohort model serve` kept in this home (`serve/vouchers-*.jsonl`) that pay this wallet on this profile\'s ledger (other files are skipped with a note)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from settle" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "eval" -d 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "merge" -d 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "average" -d 'Average builtin checkpoints\' weights (federated averaging), weighted.'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Re-run the steps between two builtin checkpoints and compare the result with the claimed one'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "tokenize" -d 'Turn a completed job\'s model into a token shared by its owner and contributors'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokenized models'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "show" -d 'A model token: job, datasets, model root, pools, holders, revenue per asset'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "holders" -d 'A model token\'s holders (from its Transfer events)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "allocation" -d 'Contributors\' allocations of a model token, claimed or not'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download a completed job\'s final model (verified) with its spec and provenance; a lora job\'s as a PEFT adapter folder beside its base model'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "upload-base" -d 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job\'s `model.base`'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "query" -d 'Ask a served model, paying with vouchers signed by your wallet'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "settle" -d 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)'
complete -c cohort -n "__fish_cohort_using_subcommand model; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -f -a "list" -d 'Everything the wallet can claim: allocations, revenue per asset, worker earnings'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -f -a "claim" -d 'Claim rewards (each claim is simulated first; rerun to finish after a failure)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -f -a "deposit" -d 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -f -a "sync" -d 'Account revenue sent to a model\'s token directly (plain transfers)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and not __fish_seen_subcommand_from list claim deposit sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l model -d 'Only this model (job id, token address or symbol)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l asset -d 'Only what is owed in this asset (address, `native` or symbol): its revenue, the allocations whose tokens earned some in escrow, and (native, without --model) worker earnings' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l model -d 'Only this model\'s allocation and revenue (job id, token address or symbol)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l asset -d 'Only what is owed in this asset (address, `native` or symbol): its revenue; an unclaimed allocation whose tokens earned some in escrow too, as that is what releases it; and (native, without --model) worker earnings' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l all -d 'Everything: every model\'s allocation and revenue, and worker earnings'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from claim" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l asset -d 'Pay in this ERC-20 revenue asset of the model (address or symbol) instead of the native coin' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from deposit" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l asset -d 'Only this asset (address, `native` or symbol); default: all of the model\'s assets' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from help" -f -a "list" -d 'Everything the wallet can claim: allocations, revenue per asset, worker earnings'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from help" -f -a "claim" -d 'Claim rewards (each claim is simulated first; rerun to finish after a failure)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from help" -f -a "deposit" -d 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Account revenue sent to a model\'s token directly (plain transfers)'
complete -c cohort -n "__fish_cohort_using_subcommand rewards; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l deep -d 'Re-execute every span of every submission, not only the ones drawn from each round\'s seed block'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l allow-exec -d 'Re-run the command of an exec job that declares `[model] deterministic = true`'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand verify" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -f -a "deposit" -d 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -f -a "balance" -d 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -f -a "withdraw" -d 'Take unspent deposit back'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -f -a "voucher" -d 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and not __fish_seen_subcommand_from deposit balance withdraw voucher help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l amount -d 'Amount of the asset, e.g. 0.05' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l asset -d 'The asset: `native` (default), or an ERC-20 a model takes as revenue (address or symbol): what vouchers can pay in' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from deposit" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l provider -d 'Also ask this provider what it charged and what was settled' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l asset -d 'The asset of the account: `native` (default), or an ERC-20 a model takes as revenue (address or symbol; any other ERC-20 by address)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from balance" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l amount -d 'Announce a withdrawal of this amount (without it: take the announced withdrawal)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l asset -d 'The asset: `native` (default), or an ERC-20 a model takes as revenue (address or symbol; any other ERC-20 by address)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from withdraw" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l provider -d 'The provider\'s URL' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l amount -d 'How much more the provider may charge with this voucher, in the asset the provider charges in (its terms say which)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from voucher" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "deposit" -d 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "balance" -d 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "withdraw" -d 'Take unspent deposit back'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "voucher" -d 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)'
complete -c cohort -n "__fish_cohort_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -f -a "up" -d 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -f -a "status" -d 'Show endpoints, chain id, block height, contract addresses and process health'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -f -a "down" -d 'Stop exactly the processes `up` started. Chain state is kept for the next `up`'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -f -a "reset" -d 'Wipe the devnet\'s chain and storage and start it fresh, on the same port with the same nodes and shards unless flags say otherwise'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and not __fish_seen_subcommand_from up status down reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l port -d 'anvil\'s port on 127.0.0.1 (default: the port the devnet here had, else 8545; 0 picks a free one)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l block-time -d 'Seconds between blocks (default: a block per transaction)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l nodes -d 'Number of storage nodes (0 runs the chain alone; default: as many as the devnet here had, else 1)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l shards -d 'Number of shards (a power of two dividing --nodes; default: as many as the devnet here had, else 1)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from up" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l port -d 'anvil\'s port on 127.0.0.1 (default: the devnet\'s port, else 8545; 0 picks a free one)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l block-time -d 'Seconds between blocks (default: a block per transaction)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l nodes -d 'Number of storage nodes (default: as many as the devnet had, else 1)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l shards -d 'Number of shards (default: as many as the devnet had, else 1)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from help" -f -a "up" -d 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show endpoints, chain id, block height, contract addresses and process health'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from help" -f -a "down" -d 'Stop exactly the processes `up` started. Chain state is kept for the next `up`'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Wipe the devnet\'s chain and storage and start it fresh, on the same port with the same nodes and shards unless flags say otherwise'
complete -c cohort -n "__fish_cohort_using_subcommand devnet; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C'
complete -c cohort -n "__fish_cohort_using_subcommand node; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l data-dir -d 'Folder for the node\'s data (created if missing; one node per folder)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc -d 'Address for the JSON-RPC server (port 0 picks a free one)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l chain-rpc -d 'The chain\'s JSON-RPC URL [default: the profile\'s rpc_url]' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l flow -d 'The flow contract address [default: the profile\'s flow contract]' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l shard -d 'The shard this node stores: K/N keeps global segments g with g % N == K' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l poll-ms -d 'Milliseconds between chain polls once caught up' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l confirmations -d 'Blocks a Submit event needs on top of it before the node takes it (reorgs within this depth never reach the node; deeper ones are rolled back) [default: 0 on a devnet chain (id 31337), 6 elsewhere]' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-max-body-mib -d 'Largest JSON-RPC request body, and response, in MiB (the SDKs send ~3.5 MiB)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-max-batch -d 'Most calls in one JSON-RPC batch' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-max-concurrent -d 'Requests handled at once; more wait for a slot' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-max-connections -d 'Open connections in all; more wait until one closes' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-max-peer-connections -d 'Open connections from one IP address; more are closed at once' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-peer-rate -d 'Requests per second from one IP address, bursts of twice that (0: unlimited); a request over the rate waits up to 5 s, then gets HTTP 429' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-memory-mib -d 'MiB of request bodies, decoded parameters and responses held at once; each request is charged 3× its body plus 1 MiB, and waits while the budget is spent. At least 3× the body limit plus 1' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l cache-max-mib -d 'MiB of segments held for files whose tx is not on chain yet; the least recently used files give way when a new segment does not fit' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l cache-ttl-secs -d 'Seconds a file\'s segments wait for its tx (from the first segment) before they are dropped; also applies to the cache found at start' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C'
complete -c cohort -n "__fish_cohort_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l rpc -d 'Address for the JSON-RPC server (port 0 picks a free one)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l node -d 'A storage node to list (repeatable, or comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l poll-ms -d 'Milliseconds between probes of the nodes' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l devnet -d 'Marks the process as a devnet\'s (for `cohort devnet` only)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C'
complete -c cohort -n "__fish_cohort_using_subcommand indexer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l wallet -d 'Wallet that signs (`dev:N` is anvil\'s dev account N on the local devnet)' -r
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l password-file -d 'File holding the wallet\'s password' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l private-key-env -d 'Sign with a raw private key read from this environment variable instead of a wallet' -r
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l skip-storage -d 'Keep the profile\'s existing flow and market (e.g. the public 0G network\'s) and deploy only cohort\'s own contracts. On the local devnet\'s profile this is what deploy does anyway: the devnet\'s storage nodes follow its flow'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "show" -d 'Show the active profile with every override applied, and where the files are'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "get" -d 'Print one setting'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "set" -d 'Change one setting (an empty value clears it; lists are comma-separated)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "profiles" -d 'List the profiles, marking the active one'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "use" -d 'Make NAME the default profile'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "add" -d 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "remove" -d 'Remove profile NAME'
complete -c cohort -n "__fish_cohort_using_subcommand config; and not __fish_seen_subcommand_from show get set profiles use add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from profiles" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l chain-id -d 'Chain id of the new profile (checked whenever cohort connects)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l preset -d 'Start from a public network\'s settings: chain id, RPC, flow contract and indexer (`cohort config profiles` lists the presets)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the active profile with every override applied, and where the files are'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one setting'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one setting (an empty value clears it; lists are comma-separated)'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "profiles" -d 'List the profiles, marking the active one'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make NAME the default profile'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove profile NAME'
complete -c cohort -n "__fish_cohort_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l profile -d 'Profile to use (default: the config\'s default_profile, else `local`)' -r
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l progress -d 'Progress output: bars on a terminal (auto), none, or JSON Lines events on stderr' -r -f -a "auto\t'Bars on a terminal, nothing otherwise'
none\t'No progress output'
json\t'Progress events as JSON Lines on stderr'"
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l color -d 'When to color output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l rpc-url -d 'Chain JSON-RPC URL, overriding the profile\'s' -r
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l storage-node -d 'Storage node URL, overriding the profile\'s (repeatable; env: comma-separated)' -r
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l indexer -d '0G indexer URL that finds the storage nodes, overriding the profile\'s (explicit storage nodes win over it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l wallet -d 'Wallet that signs, for the commands that sign (also accepted after the subcommand; commands that only read ignore it)' -r
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l password-file -d 'File holding the wallet\'s password (also accepted after the subcommand)' -r -F
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l json -d 'Print the result as one JSON document on stdout; errors as JSON on stderr'
complete -c cohort -n "__fish_cohort_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c cohort -n "__fish_cohort_using_subcommand completions" -s v -l verbose -d 'More log output on stderr (-v, -vv, -vvv)'
complete -c cohort -n "__fish_cohort_using_subcommand completions" -l no-progress -d 'No progress output (same as --progress none)'
complete -c cohort -n "__fish_cohort_using_subcommand completions" -s y -l yes -d 'Never prompt: answer yes to confirmations'
complete -c cohort -n "__fish_cohort_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cohort -n "__fish_cohort_using_subcommand completions" -s V -l version -d 'Print version'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "quickstart" -d 'The whole lifecycle on the local devnet in one command: data, training, token, rewards'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "wallet" -d 'Keystore wallets, passwords, balances, transfers and signatures'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "dataset" -d 'Community datasets: create, upload, review, seal, download, verify'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "storage" -d 'Store and fetch files on 0G-compatible storage nodes: upload, download, info, root'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "train" -d 'Train the builtin byte-level model, or LoRA adapters for a Hugging Face model, on local files'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "job" -d 'Training jobs: submit, list, show, watch, cancel, coordinate, close rounds and audit'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "worker" -d 'Workers: register this machine, work on jobs, earnings and withdrawals'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "model" -d 'Models: evaluate, sample, merge, average, verify, download, upload bases, tokenize, list, show, holders, allocations; serve, query and settle paid use'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "rewards" -d 'Rewards: unclaimed allocations, model revenue and worker earnings; claim and deposit'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "verify" -d 'Recompute a model\'s whole history from chain and storage; exit 5 naming the first link that does not hold'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "usage" -d 'Pay-per-use: your deposit on the usage ledger and vouchers for model servers'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "devnet" -d 'Run a local chain, the contracts and storage nodes on this machine'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "node" -d 'Run a 0G-compatible storage node'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "indexer" -d 'Run a 0G indexer that lists a set of storage nodes to clients'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "deploy" -d 'Deploy the contract suite to the active profile\'s chain'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "config" -d 'Show and edit profiles and settings'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "completions" -d 'Print shell completions'
complete -c cohort -n "__fish_cohort_using_subcommand help; and not __fish_seen_subcommand_from quickstart wallet dataset storage train job worker model rewards verify usage devnet node indexer deploy config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "new" -d 'Create a wallet with a new random key or a new recovery phrase'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "import" -d 'Import a key from a private key file, a recovery phrase or a keystore (geth, foundry)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "list" -d 'List wallets: name, address, and which one is the default'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "show" -d 'Show a wallet\'s address and keystore file'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "default" -d 'Make a wallet the default signer (with --profile: that profile\'s wallet)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "rename" -d 'Rename a wallet'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "remove" -d 'Delete a wallet\'s keystore (asks first, unless --yes)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "change-password" -d 'Re-encrypt a wallet with a new password'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "export" -d 'Print the private key (after confirmation) or copy the keystore file'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "unlock" -d 'Check a wallet\'s password; with --remember, keep it in the OS keyring'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "lock" -d 'Forget a password remembered in the OS keyring'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "balance" -d 'Show the balance of a wallet or address (native coin, and ERC-20 tokens with --token)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "send" -d 'Send the native coin or an ERC-20 token, and wait for the receipt'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "sign" -d 'Sign a message (EIP-191 personal message)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "verify" -d 'Check an EIP-191 signature: print the signer, or check it is --address'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "create" -d 'Create a dataset; you become its curator'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "upload" -d 'Upload files or folders and record them as your contributions'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "list" -d 'List every dataset'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "show" -d 'Show a dataset\'s metadata and its contributions'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "contributors" -d 'Show each contributor\'s weight (accepted size × score) and share'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "review" -d 'Accept (with a score) or reject contributions (curator only)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "seal" -d 'Seal a dataset: its weights never change again and jobs may train on it (curator only)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "download" -d 'Download the accepted files to DIR/<contributor address>/<path>, each verified'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from dataset" -f -a "verify" -d 'Ask the storage nodes for every file and report missing or unfinalized ones'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "upload" -d 'Upload files: compute the root, pay the fee, submit, send every node its segments'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "download" -d 'Download files by root, checking every segment\'s proof and the whole root'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "info" -d 'What each storage node knows about a root: tx_seq, size, finalized, segments stored'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from storage" -f -a "root" -d 'Compute a file\'s root and submission nodes locally (no network)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "submit" -d 'Check a job spec, upload its bundle and escrow rounds × reward per round'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "list" -d 'List jobs'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "show" -d 'A job\'s spec, state, rounds, submissions, rejections with reasons, payouts and escrow'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "watch" -d 'Follow a job live: round, workers, losses, time left. With --json, one JSON object per line on stdout until the job ends. A chain or storage outage is ridden out: each poll that cannot reach them says so on stderr, and watching goes on'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "cancel" -d 'Cancel a job (owner): the unspent rounds are refunded to your earnings'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "coordinate" -d 'Run the coordinator as a committee member: start the job, check and average every round, vote for the verdict, finalize it once the committee\'s threshold agrees'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "close-round" -d 'Close a round the committee did not finalize by its deadline plus the grace period (anyone may): every submission is paid by its units, bonds are returned, the job stops and its unspent rounds are refunded to the owner'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from job" -f -a "audit" -d 'Re-execute a worker\'s submission from the recorded inputs and report match or mismatch'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "register" -d 'Record this machine\'s inventory on chain (GPUs via nvidia-smi, else CPU cores and memory)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "run" -d 'Join a job and work on it round by round until it ends'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "leave" -d 'Leave a job between rounds: its bond is credited back to your earnings'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "status" -d 'Registration, the state on disk and the current job'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "earnings" -d 'Credited earnings and, per job, payouts (accepted and unverified rounds), returned and slashed bonds'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from worker" -f -a "withdraw" -d 'Pay out credited earnings (and job refunds) to the payee'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "eval" -d 'Loss of a checkpoint, or of a Hugging Face folder (with an adapter), on data'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "generate" -d 'Sample text from a checkpoint, or from a Hugging Face folder (with an adapter)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "merge" -d 'Merge a LoRA adapter into its base model, writing a full Hugging Face folder'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "average" -d 'Average builtin checkpoints\' weights (federated averaging), weighted.'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "verify" -d 'Re-run the steps between two builtin checkpoints and compare the result with the claimed one'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "tokenize" -d 'Turn a completed job\'s model into a token shared by its owner and contributors'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "list" -d 'List tokenized models'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "show" -d 'A model token: job, datasets, model root, pools, holders, revenue per asset'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "holders" -d 'A model token\'s holders (from its Transfer events)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "allocation" -d 'Contributors\' allocations of a model token, claimed or not'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "download" -d 'Download a completed job\'s final model (verified) with its spec and provenance; a lora job\'s as a PEFT adapter folder beside its base model'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "upload-base" -d 'Put a Hugging Face model folder into storage (every file, then a manifest naming each by root, size and blake3) and print the manifest root: a lora job\'s `model.base`'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "serve" -d 'Serve a model over the OpenAI API, paid per token by signed vouchers, or --free'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "query" -d 'Ask a served model, paying with vouchers signed by your wallet'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from model" -f -a "settle" -d 'Settle vouchers on the usage ledger by hand (the server settles on its own as well)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from rewards" -f -a "list" -d 'Everything the wallet can claim: allocations, revenue per asset, worker earnings'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from rewards" -f -a "claim" -d 'Claim rewards (each claim is simulated first; rerun to finish after a failure)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from rewards" -f -a "deposit" -d 'Pay revenue into a model for its holders (native coin, or one of its ERC-20 assets)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from rewards" -f -a "sync" -d 'Account revenue sent to a model\'s token directly (plain transfers)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "deposit" -d 'Deposit native coin, or an ERC-20 a model takes as revenue, into your usage account'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "balance" -d 'Your usage account: deposit, available, pending withdrawal; with --provider, what that server charged and what was settled'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "withdraw" -d 'Take unspent deposit back'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "voucher" -d 'Sign a voucher that lets a provider charge up to AMOUNT more, for clients that send the header themselves (curl, the openai Python client)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from devnet" -f -a "up" -d 'Start anvil and the storage nodes, deploy the contracts, write the `local` profile'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from devnet" -f -a "status" -d 'Show endpoints, chain id, block height, contract addresses and process health'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from devnet" -f -a "down" -d 'Stop exactly the processes `up` started. Chain state is kept for the next `up`'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from devnet" -f -a "reset" -d 'Wipe the devnet\'s chain and storage and start it fresh, on the same port with the same nodes and shards unless flags say otherwise'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "run" -d 'Run a 0G-compatible storage node in the foreground until SIGTERM or Ctrl-C'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from indexer" -f -a "run" -d 'Run a 0G indexer in the foreground until SIGTERM or Ctrl-C'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the active profile with every override applied, and where the files are'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one setting'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change one setting (an empty value clears it; lists are comma-separated)'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "profiles" -d 'List the profiles, marking the active one'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make NAME the default profile'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "add" -d 'Add profile NAME: from a built-in network preset (galileo, mainnet), or from its endpoints'
complete -c cohort -n "__fish_cohort_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "remove" -d 'Remove profile NAME'
