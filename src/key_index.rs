//! The index from external keys to ids.
//!
//! A key is stored once, in its item (`Report::key`, ...). The index holds
//! only the ids, in a hash table whose entries are hashed and compared
//! through the item's own key: 4 bytes and a control byte per slot, where a
//! map from `String` would hold a second copy of every key (a heap
//! allocation) and a 32-byte entry.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Ids by key. Every method takes `key_of`, which gives the key of an id
/// already in the index (from the table of items the ids point into).
#[derive(Clone)]
pub(crate) struct KeyIndex<Id> {
    table: HashTable<Id>,
    /// foldhash: several times faster than SipHash on short keys, seeded
    /// per index.
    hasher: foldhash::fast::RandomState,
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
        f.debug_set().entries(self.table.iter()).finish()
    }
}

impl<Id: Copy> KeyIndex<Id> {
    /// The hash of `key` in this index.
    pub(crate) fn hash(&self, key: &str) -> u64 {
        self.hasher.hash_one(key)
    }

    /// The id under `key`. **O(|key|)** expected.
    pub(crate) fn get<'a>(&self, key: &str, key_of: impl Fn(Id) -> Option<&'a str>) -> Option<Id> {
        self.table
            .find(self.hash(key), |&id| key_of(id) == Some(key))
            .copied()
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
        let hasher = &self.hasher;
        match self.table.entry(
            hash,
            |&other| key_of(other) == Some(key),
            |&other| hasher.hash_one(key_of(other).unwrap_or_default()),
        ) {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(id);
                true
            }
        }
    }

    /// Makes room for `additional` more keys.
    pub(crate) fn reserve<'a>(
        &mut self,
        additional: usize,
        key_of: impl Fn(Id) -> Option<&'a str>,
    ) {
        let hasher = &self.hasher;
        self.table.reserve(additional, |&other| {
            hasher.hash_one(key_of(other).unwrap_or_default())
        });
    }
}
