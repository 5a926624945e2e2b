/**
 * Data parallelism over several devices: a {@link org.scale4j.training.parallel.ReplicaSet} keeps
 * one copy of the model's parameters per extra device, a
 * {@link org.scale4j.training.parallel.DeviceBoundary} carries each device's phase-1 outputs to the
 * primary device and their gradients back, and {@link org.scale4j.training.parallel.ShardPlan}
 * says which shard of a global batch runs where.
 *
 * <p>Why a boundary and not one graph: in DJL 0.35.1 the PyTorch {@code toDevice} (native
 * {@code torchTo}) runs under a {@code NoGradGuard}, so an array moved to another device is cut
 * from the autograd graph ({@code DeviceTransferTest} pins this). A step therefore back-propagates
 * in two stages: the loss on the primary device down to the moved phase-1 outputs (leaves there),
 * then each replica's graph from those leaves' gradients, moved back.
 *
 * <p>Why our own replicas and not DJL's {@code ParameterStore} copy mode: it keys mirrors by
 * {@code Device}, and every CPU id is the same device, so several replicas on the CPU (the only
 * way to test this without GPUs) are rejected as duplicates.
 */
package org.scale4j.training.parallel;
