/** The targets (docs/performance.md): a figure meets its target when `at most` or `at least` holds. */
export const TARGETS = {
  list_throughput_ratio: { atLeast: 0.8 },
  ddb_calls_per_list_page: { atMost: 3 },
  list_latency_scale_ratio: { atMost: 1.3 },
  dashboard_scale_ratio: { atMost: 1.3 },
  cold_start_ratio: { atMost: 1.5 },
  lambda_bundle_bytes: { atMost: 1_300_000 },
  write_throughput_ratio: { atLeast: 0.9 },
  console_initial_js_gzip_bytes: { atMost: 350_000 },
} as const satisfies Record<string, { atMost: number } | { atLeast: number }>;
