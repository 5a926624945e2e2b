/** Not exported: the listener's per-step cost benchmark run by {@code bench/tensorboard/run.sh}. */
package org.scale4j.training.monitor.bench;
