//! Nesting: which attribution of a sentence sits inside the content of
//! another ("Lee said [Seoul's spy agency believes X]", "[The spy agency told
//! lawmakers that X], according to Lee").
//!
//! An attribution whose cue lies inside another's content is nested in the
//! smallest such content; its own content and source are clipped to it. When
//! two attributions each hold the other's cue, the one whose cue comes first
//! is the outer one. Chains are followed iteratively with a bound, and a
//! cycle (which the rules above should never produce) is cut.

use super::cues::{Found, FoundKind, Range};

/// Assigns parents among `found[first..]` (one sentence) and clips nested
/// contents. Attributions that lose all their content are removed.
pub(crate) fn nest(found: &mut Vec<Found>, first: usize) {
    let n = found.len();
    if n <= first {
        return;
    }
    let size = |f: &Found| {
        f.content
            .iter()
            .map(|&(a, b)| b.saturating_sub(a))
            .sum::<usize>()
    };
    let holds = |a: &Found, b: &Found| {
        let cue = b.cue_head.0;
        a.content.iter().any(|&(s, e)| s <= cue && cue < e)
    };
    for b in first..n {
        if found[b].kind == FoundKind::Relayed && found[b].parent.is_some() {
            continue;
        }
        let mut best: Option<usize> = None;
        for a in first..n {
            if a == b || found[a].kind == FoundKind::Relayed {
                continue;
            }
            if !holds(&found[a], &found[b]) {
                continue;
            }
            // Mutual holding: a postposed attribution ("A said B, C said.")
            // is the outer one; otherwise the earlier cue is.
            if holds(&found[b], &found[a]) {
                let (pa, pb) = (postposed(&found[a]), postposed(&found[b]));
                if pb && !pa || pa == pb && found[b].cue.0 < found[a].cue.0 {
                    continue;
                }
            }
            if best.is_none_or(|x| size(&found[a]) < size(&found[x])) {
                best = Some(a);
            }
        }
        found[b].parent = best;
    }
    // Cut cycles: walk up from each attribution at most n steps.
    for b in first..n {
        let mut at = found[b].parent;
        let mut steps = 0;
        while let Some(p) = at {
            if p == b || steps > n {
                found[b].parent = None;
                break;
            }
            at = found[p].parent;
            steps += 1;
        }
    }
    // Clip in order of depth, outermost first.
    let mut order: Vec<(usize, usize)> = (first..n).map(|i| (depth(found, i), i)).collect();
    order.sort_unstable();
    // Indexed from `first`: the work stays proportional to this sentence.
    let mut dead = vec![false; n - first];
    for &(_, i) in &order {
        let Some(p) = found[i].parent else { continue };
        if dead.get(p.wrapping_sub(first)).copied().unwrap_or(false) {
            dead[i - first] = true;
            continue;
        }
        let parent_content = found[p].content.clone();
        if found[i].kind == FoundKind::Relayed && found[i].content.is_empty() {
            found[i].content = parent_content;
            continue;
        }
        let clipped: Vec<Range> = found[i]
            .content
            .iter()
            .flat_map(|&(a, b)| {
                parent_content
                    .iter()
                    .map(move |&(pa, pb)| (a.max(pa), b.min(pb)))
            })
            .filter(|&(a, b)| a < b)
            .collect();
        if clipped.is_empty() {
            dead[i - first] = true;
            continue;
        }
        found[i].content = clipped;
        if let (Some((sa, sb)), Some(&(pa, _))) = (found[i].source, parent_content.first())
            && !found[i].source_shared
        {
            let sa = sa.max(pa);
            found[i].source = (sa < sb).then_some((sa, sb));
        }
    }
    if dead.iter().any(|&d| d) {
        // Remove dead ones and remap parent indices.
        let mut new_index = vec![usize::MAX; n - first];
        let mut kept = first;
        for (offset, &is_dead) in dead.iter().enumerate() {
            if !is_dead {
                new_index[offset] = kept;
                kept += 1;
            }
        }
        let tail: Vec<Found> = found.drain(first..).collect();
        for (offset, mut f) in tail.into_iter().enumerate() {
            if dead[offset] {
                continue;
            }
            if let Some(p) = f.parent {
                let mapped = new_index
                    .get(p.wrapping_sub(first))
                    .copied()
                    .unwrap_or(usize::MAX);
                f.parent = (mapped != usize::MAX).then_some(mapped);
            }
            found.push(f);
        }
    }
}

/// Whether the content comes before the cue: `CONTENT, SOURCE said.`
fn postposed(f: &Found) -> bool {
    f.content.first().is_some_and(|&(_, end)| end <= f.cue.0)
}

/// Number of parents above `i` (bounded by the number of attributions).
pub(crate) fn depth(found: &[Found], i: usize) -> usize {
    let mut d = 0;
    let mut at = found.get(i).and_then(|f| f.parent);
    while let Some(p) = at {
        d += 1;
        if d > found.len() {
            break;
        }
        at = found.get(p).and_then(|f| f.parent);
    }
    d
}
