//! The `cohort` binary: parse, run, report, exit. All the work is in the library.

fn main() {
    // candle runs large elementwise ops on a pool of its own threads, sized like rayon's, that
    // serves one caller at a time. cohort's CPU trainers keep rayon's threads busy with whole
    // sequences at once, so two callers would queue on that pool while its spinning workers
    // take the cores: with one thread (unless the user sets it), each op runs on its caller.
    if std::env::var_os("CANDLE_NUM_THREADS").is_none() {
        // SAFETY: no other thread exists yet, so nothing reads the environment meanwhile.
        unsafe { std::env::set_var("CANDLE_NUM_THREADS", "1") };
    }
    std::process::exit(cohort::cli::main());
}
