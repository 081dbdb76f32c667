//! Interning the ids a reader meets: each distinct string stored once and
//! named by a dense `u32`, in order of first appearance.
//!
//! Files name items again and again (every relation names its entity and
//! agent), in no useful order, and at millions of items every lookup that
//! touches memory at random costs a cache miss. So ids that end in a number
//! (`r:123`, `ag:s45`, the usual shape) are found through a flat array per
//! prefix indexed by that number, and other strings through a hash table
//! whose slots hold short strings inline: most lookups read one place.

/// foldhash: several times faster than SipHash on short keys, seeded per
/// map.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The most strings, and the most bytes of strings, the store holds.
pub(crate) const MAX_STORED: usize = (u32::MAX - 2) as usize;

/// Every string a reader keeps (ids, attribute names, values), stored
/// end to end in one buffer and named by a `u32`. Ids and attribute names
/// are interned (each distinct string is stored once, and equal ids have
/// equal numbers); other values are appended.
pub(crate) struct Strings {
    text: String,
    /// End offset of each string in `text`; a string starts where the
    /// previous one ends.
    ends: Vec<u32>,
    /// The interned strings: open addressing with linear probing.
    slots: Vec<InternSlot>,
    n_interned: usize,
    /// Interned strings ending in a number (`r:123`, `ag:s45`), by the
    /// rest of the string: see [`Numbered`].
    prefixes: HashMap<Box<str>, usize>,
    numbered: Vec<Numbered>,
    hasher: foldhash::fast::RandomState,
    /// Set when a string did not fit (more than 4 GiB of strings).
    pub(crate) full: bool,
}

impl Strings {
    pub(crate) fn new() -> Strings {
        Strings {
            text: String::new(),
            ends: Vec::new(),
            slots: Vec::new(),
            n_interned: 0,
            prefixes: HashMap::default(),
            numbered: Vec::new(),
            hasher: foldhash::fast::RandomState::default(),
            full: false,
        }
    }

    /// Number of strings stored.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Stores `s` and returns its number, `None` when the store is full.
    pub(crate) fn push(&mut self, s: &str) -> Option<u32> {
        let id = self.ends.len();
        let end = self.text.len() + s.len();
        if id >= MAX_STORED || end > MAX_STORED {
            self.full = true;
            return None;
        }
        self.text.push_str(s);
        self.ends.push(end as u32);
        Some(id as u32)
    }

    /// The string numbered `id`.
    pub(crate) fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let start = match i.checked_sub(1) {
            Some(previous) => self.ends.get(previous).map_or(0, |&e| e as usize),
            None => 0,
        };
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    fn hash(&self, s: &str) -> u32 {
        use std::hash::BuildHasher;
        let h = self.hasher.hash_one(s);
        (h ^ (h >> 32)) as u32
    }

    /// The number of the interned string equal to `s`, if any.
    pub(crate) fn find(&self, s: &str) -> Option<u32> {
        if let Some((prefix, number)) = split_number(s) {
            let numbered = &self.numbered[*self.prefixes.get(prefix)?];
            if let Some(&id) = numbered.ids.get(number)
                && id != 0
            {
                return Some(id - 1);
            }
            if numbered.in_table == 0 {
                return None;
            }
        }
        self.find_in_table(s)
    }

    /// The number of the string equal to `s` in the hash table, if any.
    fn find_in_table(&self, s: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let probe = InternSlot::probe(s, self.hash(s));
        let mask = self.slots.len() - 1;
        let mut i = probe.hash as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.id_plus_one == 0 {
                return None;
            }
            if slot.matches(&probe, s, self) {
                return Some(slot.id_plus_one - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// Interns `s`: the number of the equal string stored before, or of a
    /// new one. `None` when the store is full.
    pub(crate) fn intern(&mut self, s: &str) -> Option<u32> {
        let Some((prefix, number)) = split_number(s) else {
            return self.intern_in_table(s);
        };
        let at = match self.prefixes.get(prefix) {
            Some(&at) => at,
            None => {
                self.prefixes.insert(prefix.into(), self.numbered.len());
                self.numbered.push(Numbered::default());
                self.numbered.len() - 1
            }
        };
        let numbered = &self.numbered[at];
        if let Some(&id) = numbered.ids.get(number)
            && id != 0
        {
            return Some(id - 1);
        }
        if numbered.in_table != 0
            && let Some(id) = self.find_in_table(s)
        {
            return Some(id);
        }
        if number >= Numbered::room(numbered.count) {
            self.numbered[at].in_table += 1;
            return self.intern_in_table(s);
        }
        let id = self.push(s)?;
        let numbered = &mut self.numbered[at];
        if numbered.ids.len() <= number {
            numbered.ids.resize(number + 1, 0);
        }
        numbered.ids[number] = id + 1;
        numbered.count += 1;
        Some(id)
    }

    /// Interns `s` in the hash table.
    fn intern_in_table(&mut self, s: &str) -> Option<u32> {
        if (self.n_interned + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mut probe = InternSlot::probe(s, self.hash(s));
        let mask = self.slots.len() - 1;
        let mut i = probe.hash as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.id_plus_one == 0 {
                let id = self.push(s)?;
                probe.id_plus_one = id + 1;
                self.slots[i] = probe;
                self.n_interned += 1;
                return Some(id);
            }
            if slot.matches(&probe, s, self) {
                return Some(slot.id_plus_one - 1);
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let len = (self.slots.len() * 2).max(64);
        let mut slots = vec![InternSlot::EMPTY; len];
        let mask = len - 1;
        for slot in &self.slots {
            if slot.id_plus_one != 0 {
                let mut i = slot.hash as usize & mask;
                while slots[i].id_plus_one != 0 {
                    i = (i + 1) & mask;
                }
                slots[i] = *slot;
            }
        }
        self.slots = slots;
    }
}

/// The interned strings that end in a number and share the rest: `r:0`,
/// `r:1`, ... PROV files name items this way more often than not, and a
/// flat array indexed by the number finds them with one read of 4 bytes
/// where the hash table reads a 24-byte slot at random. Only canonical
/// numbers (no leading zero, at most nine digits) count, so a string and
/// its (rest, number) pair name each other. The array of a rest with `c`
/// strings holds numbers below [`Numbered::room`]`(c)`, which bounds its
/// size by a few times its strings; larger numbers go to the hash table.
#[derive(Default)]
struct Numbered {
    /// The string's number + 1 at each number, 0 where there is none.
    ids: Vec<u32>,
    /// Strings in `ids`.
    count: usize,
    /// Strings of this rest that went to the hash table.
    in_table: usize,
}

impl Numbered {
    /// The numbers an array holding `count` strings may reach.
    fn room(count: usize) -> usize {
        4 * count + 64
    }
}

/// `s` split into the rest and its trailing canonical decimal number.
fn split_number(s: &str) -> Option<(&str, usize)> {
    let n_digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if n_digits == 0 || n_digits > 9 {
        return None;
    }
    let (rest, digits) = s.split_at(s.len() - n_digits);
    if n_digits > 1 && digits.starts_with('0') {
        return None;
    }
    digits.parse().ok().map(|number| (rest, number))
}

/// Strings up to this many bytes are kept in their hash slot too, so that
/// finding them reads one slot and not the store: ids such as `r:123456` or
/// `ag:s12345` are this short, and a file names each of them several times.
const INLINE: usize = 15;

/// A slot of the interning table.
#[derive(Clone, Copy)]
struct InternSlot {
    /// The string's number + 1; 0 for an empty slot.
    id_plus_one: u32,
    hash: u32,
    /// The string's length then its bytes when at most [`INLINE`] bytes
    /// long; `u8::MAX` first otherwise.
    short: [u8; INLINE + 1],
}

impl InternSlot {
    const EMPTY: InternSlot = InternSlot {
        id_plus_one: 0,
        hash: 0,
        short: [0; INLINE + 1],
    };

    /// The slot `s` would have, with no number yet.
    fn probe(s: &str, hash: u32) -> InternSlot {
        let mut short = [0; INLINE + 1];
        if s.len() <= INLINE {
            // At most INLINE bytes, so the length fits in a u8.
            short[0] = s.len() as u8;
            short[1..=s.len()].copy_from_slice(s.as_bytes());
        } else {
            short[0] = u8::MAX;
        }
        InternSlot {
            id_plus_one: 0,
            hash,
            short,
        }
    }

    /// Whether this occupied slot holds the string of `probe`, which is `s`.
    #[inline]
    fn matches(&self, probe: &InternSlot, s: &str, strings: &Strings) -> bool {
        self.hash == probe.hash
            && self.short == probe.short
            && (s.len() <= INLINE || strings.get(self.id_plus_one - 1) == s)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::{Strings, split_number};

    #[test]
    fn only_canonical_numbers_split() {
        assert_eq!(split_number("r:123"), Some(("r:", 123)));
        assert_eq!(split_number("r:0"), Some(("r:", 0)));
        assert_eq!(split_number("42"), Some(("", 42)));
        assert_eq!(split_number("ag:s7"), Some(("ag:s", 7)));
        for not in ["r:", "r:01", "r:00", "r:1234567890", "r:1x", ""] {
            assert_eq!(split_number(not), None, "{not}");
        }
    }

    /// Equal strings get equal numbers and different strings different
    /// ones, whether they are found in the hash table or by number, in any
    /// order: ids with numbers (dense, sparse, huge, with leading zeros)
    /// beside ones without.
    fn check_interning(names: &[String]) {
        let mut strings = Strings::new();
        let mut model: HashMap<&str, u32> = HashMap::new();
        for name in names {
            let id = strings.intern(name).unwrap();
            assert_eq!(*model.entry(name).or_insert(id), id, "{name}");
            assert_eq!(strings.get(id), name);
            assert_eq!(strings.find(name), Some(id));
        }
        for (name, &id) in &model {
            assert_eq!(strings.find(name), Some(id), "{name}");
        }
        assert_eq!(strings.find("never:interned"), None);
        assert_eq!(strings.find("r:999999999"), None);
    }

    #[test]
    fn numbered_and_hashed_strings_intern_alike() {
        let mut names = Vec::new();
        for k in (0..3000u32).rev() {
            names.push(format!("r:{}", (k * 7919) % 3000));
            names.push(format!("r:{}", k * 1_000_003 % 999_999_999));
            names.push(format!("ag:s{:03}", k % 1500));
            names.push(format!("a long identifier without a number {}x", k % 700));
        }
        check_interning(&names);
    }

    proptest! {
        #[test]
        fn any_strings_intern_alike(
            names in prop::collection::vec("[a-c]{0,2}:?[0-9]{0,4}", 0..300)
        ) {
            check_interning(&names);
        }
    }
}
