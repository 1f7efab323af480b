#pragma once

namespace credvault::bench {

/// `credvault-bench client`: the customer app's side against the real keyserver and vault
/// server of an init-demo folder. Prints unlock_to_list_ms_1000 and _10000 (from redeeming
/// a mailed code until EntryModel has opened every entry), filter_keystroke_ms_10000
/// (EntryFilter refiltering 10,000 open entries per typed character), startup_to_window_ms
/// (the real credvault executable, until its main window is painted) and
/// rss_mb_10000_unlocked.
int runClientBench();

} // namespace credvault::bench
