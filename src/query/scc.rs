//! Strongly connected components of the relay graph (iterative Tarjan).
//!
//! Circular reporting makes the relay graph cyclic. Depths, primary sources
//! and cycles are computed on its condensation, where every strongly
//! connected component counts as one report. Tarjan's algorithm finds the
//! components in one depth-first pass and emits them in reverse topological
//! order (sinks first), which is exactly the order the depth recurrences
//! need. The search keeps its own stack, so a chain of a million relays does
//! not touch the thread's call stack.

use super::relay::Csr;

/// Marks a node not reached yet by the search.
const UNVISITED: u32 = u32::MAX;

/// The strongly connected components of a graph.
///
/// Component ids are assigned in reverse topological order of the
/// condensation: every edge between two different components goes from a
/// larger id to a smaller one, so component 0 is a sink.
#[derive(Clone, Debug)]
pub(crate) struct Components {
    /// Component id of each node.
    pub(crate) component_of: Vec<u32>,
    /// Members of each component, as a CSR over nodes: the members of `c` are
    /// `members[member_offsets[c]..member_offsets[c + 1]]`, in increasing
    /// node order.
    pub(crate) member_offsets: Vec<usize>,
    pub(crate) members: Vec<u32>,
}

impl Components {
    /// Number of components.
    #[inline]
    pub(crate) fn n_components(&self) -> usize {
        self.member_offsets.len() - 1
    }

    /// The members of component `c` (`c < n_components()`).
    #[inline]
    pub(crate) fn members(&self, c: usize) -> &[u32] {
        &self.members[self.member_offsets[c]..self.member_offsets[c + 1]]
    }

    /// Tarjan's algorithm with an explicit call stack.
    ///
    /// **O(V + E)** time, **O(V)** extra memory.
    pub(crate) fn of(csr: &Csr) -> Components {
        let n_nodes = csr.n_nodes();
        // Discovery index of each node, and the smallest index reachable
        // through the search tree plus one back edge.
        let mut index = vec![UNVISITED; n_nodes];
        let mut lowlink = vec![0u32; n_nodes];
        let mut component_of = vec![UNVISITED; n_nodes];
        // Nodes visited but not yet assigned to a component, in visit order.
        let mut open: Vec<u32> = Vec::new();
        // The simulated call stack: a node and the position of its next edge.
        let mut calls: Vec<(u32, usize)> = Vec::new();
        let mut next_index: u32 = 0;
        let mut n_components: u32 = 0;

        for root in 0..n_nodes {
            if index[root] != UNVISITED {
                continue;
            }
            let root = root as u32;
            index[root as usize] = next_index;
            lowlink[root as usize] = next_index;
            next_index += 1;
            open.push(root);
            calls.push((root, csr.offsets[root as usize]));

            while let Some(&mut (v, ref mut edge)) = calls.last_mut() {
                let v_idx = v as usize;
                if *edge < csr.offsets[v_idx + 1] {
                    let w = csr.targets[*edge];
                    *edge += 1;
                    let w_idx = w as usize;
                    if index[w_idx] == UNVISITED {
                        index[w_idx] = next_index;
                        lowlink[w_idx] = next_index;
                        next_index += 1;
                        open.push(w);
                        calls.push((w, csr.offsets[w_idx]));
                    } else if component_of[w_idx] == UNVISITED {
                        // `w` is still open, so it is on the current path's
                        // component stack: a back or cross edge inside the SCC.
                        lowlink[v_idx] = lowlink[v_idx].min(index[w_idx]);
                    }
                } else {
                    calls.pop();
                    if lowlink[v_idx] == index[v_idx] {
                        // `v` roots a component: everything opened since it.
                        while let Some(w) = open.pop() {
                            component_of[w as usize] = n_components;
                            if w == v {
                                break;
                            }
                        }
                        n_components += 1;
                    }
                    if let Some(&(parent, _)) = calls.last() {
                        let parent = parent as usize;
                        lowlink[parent] = lowlink[parent].min(lowlink[v_idx]);
                    }
                }
            }
        }

        // Group members by component with a counting sort; nodes are visited
        // in increasing order, so each component's members come out sorted.
        let n_components = n_components as usize;
        let mut member_offsets = vec![0usize; n_components + 1];
        for &c in &component_of {
            member_offsets[c as usize + 1] += 1;
        }
        for c in 0..n_components {
            member_offsets[c + 1] += member_offsets[c];
        }
        let mut next_slot = member_offsets.clone();
        let mut members = vec![0u32; n_nodes];
        for (node, &c) in component_of.iter().enumerate() {
            let slot = &mut next_slot[c as usize];
            members[*slot] = node as u32;
            *slot += 1;
        }
        Components {
            component_of,
            member_offsets,
            members,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csr(n: usize, edges: &[(u32, u32)]) -> Csr {
        let mut rows = vec![Vec::new(); n];
        for &(a, b) in edges {
            rows[a as usize].push(b);
        }
        let mut offsets = vec![0];
        let mut targets = Vec::new();
        for row in rows {
            targets.extend(row);
            offsets.push(targets.len());
        }
        Csr { offsets, targets }
    }

    #[test]
    fn components_come_out_sinks_first() {
        // 0 -> 1 -> 2 -> 1, 2 -> 3; 4 alone.
        let graph = csr(5, &[(0, 1), (1, 2), (2, 1), (2, 3)]);
        let comps = Components::of(&graph);
        assert_eq!(comps.n_components(), 4);
        let c = |v: usize| comps.component_of[v];
        assert_eq!(c(1), c(2));
        assert_ne!(c(0), c(1));
        // Every edge between components goes from a larger id to a smaller one.
        for v in 0..5 {
            for &w in graph.neighbors(v) {
                assert!(c(v) >= c(w as usize));
            }
        }
        assert_eq!(comps.members(c(1) as usize), [1, 2]);
    }
}
