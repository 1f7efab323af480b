#pragma once

namespace credvault::bench {

/// `credvault-bench server`: the real vault server (from an init-demo folder) listing one
/// account of 1,000 sealed entries to 8 TLS connections, against the same bytes served as
/// a static file by Debian's nginx, both driven by wrk. Prints list_1000_per_s,
/// list_1000_p99_ms, nginx_static_per_s, nginx_static_p99_ms and ratio_list_vs_nginx.
int runServerBench(double seconds);

} // namespace credvault::bench
