//! Every public type can cross threads and be shared between them.

use according::query::{Chains, Neighbors, VisitedReports};
use according::{Analysis, Chain, Corroboration, Cycle, Depth, Depths, Graph, Profile, RelayGraph};

fn assert_send_sync_unpin<T: Send + Sync + Unpin>() {}

#[test]
fn query_types_are_send_sync_and_unpin() {
    assert_send_sync_unpin::<Graph>();
    assert_send_sync_unpin::<Analysis>();
    assert_send_sync_unpin::<Chain>();
    assert_send_sync_unpin::<Chains<'static>>();
    assert_send_sync_unpin::<Corroboration>();
    assert_send_sync_unpin::<Cycle>();
    assert_send_sync_unpin::<Depth>();
    assert_send_sync_unpin::<Depths>();
    assert_send_sync_unpin::<Profile>();
    assert_send_sync_unpin::<RelayGraph>();
    assert_send_sync_unpin::<Neighbors<'static>>();
    assert_send_sync_unpin::<VisitedReports>();
}

#[test]
fn format_types_are_send_sync_and_unpin() {
    use according::format::{AnyImport, Format, Skip};
    assert_send_sync_unpin::<Format>();
    assert_send_sync_unpin::<AnyImport>();
    assert_send_sync_unpin::<Skip>();
}
