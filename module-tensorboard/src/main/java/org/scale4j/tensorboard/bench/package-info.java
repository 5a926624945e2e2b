/** Not exported: the writer throughput benchmark run by {@code bench/tensorboard/run.sh}. */
package org.scale4j.tensorboard.bench;
