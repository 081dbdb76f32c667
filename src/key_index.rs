//! The index from external keys to ids.
//!
//! A key is stored once, in its item (`Report::key`, ...). The index holds
//! the ids with 32 bits of their key's hash, in a hash table whose entries
//! are compared through the item's own key: 8 bytes and a control byte per
//! slot, where a map from `String` would hold a second copy of every key (a
//! heap allocation) and a 32-byte entry. Keeping the hash means that
//! growing the table, and probing past other keys, never reads the items:
//! with millions of keys each such read is a cache miss.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Ids by key. Every method that may compare keys takes `key_of`, which
/// gives the key of an id already in the index (from the table of items the
/// ids point into).
#[derive(Clone)]
pub(crate) struct KeyIndex<Id> {
    /// (id, the key's [`KeyIndex::hash`]).
    table: HashTable<(Id, u32)>,
    /// foldhash: several times faster than SipHash on short keys, seeded
    /// per index.
    hasher: foldhash::fast::RandomState,
}

/// The table's 64-bit hash of a stored 32-bit one: the same bits in both
/// halves, so that both the slot (low bits) and the control tag (high bits)
/// depend on all 32.
fn widen(hash: u32) -> u64 {
    u64::from(hash) << 32 | u64::from(hash)
}

impl<Id> Default for KeyIndex<Id> {
    fn default() -> Self {
        KeyIndex {
            table: HashTable::new(),
            hasher: foldhash::fast::RandomState::default(),
        }
    }
}

impl<Id: fmt::Debug> fmt::Debug for KeyIndex<Id> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.table.iter().map(|(id, _)| id))
            .finish()
    }
}

impl<Id: Copy> KeyIndex<Id> {
    /// The 32-bit hash of `key` in this index.
    fn hash(&self, key: &str) -> u32 {
        let hash = self.hasher.hash_one(key);
        (hash ^ hash >> 32) as u32
    }

    /// The id under `key`. **O(|key|)** expected.
    pub(crate) fn get<'a>(&self, key: &str, key_of: impl Fn(Id) -> Option<&'a str>) -> Option<Id> {
        let hash = self.hash(key);
        self.table
            .find(widen(hash), |&(id, stored)| {
                stored == hash && key_of(id) == Some(key)
            })
            .map(|&(id, _)| id)
    }

    /// Adds `id` under `key`. Returns `false`, changing nothing, if the key
    /// is taken. **O(|key|)** expected, amortised.
    pub(crate) fn insert<'a>(
        &mut self,
        key: &str,
        id: Id,
        key_of: impl Fn(Id) -> Option<&'a str>,
    ) -> bool {
        let hash = self.hash(key);
        match self.table.entry(
            widen(hash),
            |&(other, stored)| stored == hash && key_of(other) == Some(key),
            |&(_, stored)| widen(stored),
        ) {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert((id, hash));
                true
            }
        }
    }

    /// Makes room for `additional` more keys.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.table.reserve(additional, |&(_, stored)| widen(stored));
    }
}
