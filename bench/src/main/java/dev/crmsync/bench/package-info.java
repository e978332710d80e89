/**
 * Issue 9's benchmarks: each measures the packaged service against a limit measured in the same run on
 * the same database (fsync and synchronous_commit on), and prints medians of several runs and their
 * ratios. Run with {@code bench/run.sh}; figures go to {@code docs/BENCHMARKS.md}.
 */
package dev.crmsync.bench;
