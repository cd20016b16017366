package dev.dray.dockerfile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The stages of a Dockerfile as a directed graph of "needs" edges: finds cycles and orders the
 * stages a target needs so each comes after everything it needs.
 */
final class StageGraph {
  /** Stage {@code from} needs stage {@code to} because of the instruction on {@code line}. */
  record Edge(int from, int to, int line) {}

  private final List<List<Edge>> out;

  StageGraph(int stageCount, List<Edge> edges) {
    out = new ArrayList<>();
    for (int i = 0; i < stageCount; i++) {
      out.add(new ArrayList<>());
    }
    for (Edge e : edges) {
      out.get(e.from()).add(e);
    }
  }

  /** The edges of a cycle, in order, if the graph has one. */
  List<Edge> findCycle() {
    int n = out.size();
    int[] state = new int[n];
    List<Edge> path = new ArrayList<>();
    for (int start = 0; start < n; start++) {
      if (state[start] == 0) {
        List<Edge> cycle = visit(start, state, path);
        if (!cycle.isEmpty()) {
          return cycle;
        }
      }
    }
    return List.of();
  }

  private List<Edge> visit(int node, int[] state, List<Edge> path) {
    state[node] = 1;
    for (Edge e : out.get(node)) {
      if (state[e.to()] == 1) {
        int i = 0;
        while (i < path.size() && path.get(i).from() != e.to()) {
          i++;
        }
        List<Edge> cycle = new ArrayList<>(path.subList(i, path.size()));
        cycle.add(e);
        return cycle;
      }
      if (state[e.to()] == 0) {
        path.add(e);
        List<Edge> cycle = visit(e.to(), state, path);
        if (!cycle.isEmpty()) {
          return cycle;
        }
        path.remove(path.size() - 1);
      }
    }
    state[node] = 2;
    return List.of();
  }

  /**
   * The stages {@code target} needs, itself included, so that each comes after the stages it needs;
   * among stages free to go next, the one earlier in the Dockerfile goes first. The graph must have
   * no cycle.
   */
  List<Integer> orderFor(int target) {
    BitSet needed = new BitSet();
    collect(target, needed);
    int[] pending = new int[out.size()];
    List<List<Integer>> dependents = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      dependents.add(new ArrayList<>());
    }
    for (int i = needed.nextSetBit(0); i >= 0; i = needed.nextSetBit(i + 1)) {
      for (int dep : out.get(i).stream().map(Edge::to).distinct().toList()) {
        pending[i]++;
        dependents.get(dep).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = needed.nextSetBit(0); i >= 0; i = needed.nextSetBit(i + 1)) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      int stage = ready.poll();
      order.add(stage);
      for (int dependent : dependents.get(stage)) {
        if (--pending[dependent] == 0) {
          ready.add(dependent);
        }
      }
    }
    return order;
  }

  private void collect(int stage, BitSet needed) {
    if (needed.get(stage)) {
      return;
    }
    needed.set(stage);
    for (Edge e : out.get(stage)) {
      collect(e.to(), needed);
    }
  }
}
