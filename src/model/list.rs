//! [`ShortList`]: a list that keeps its first few items inside its owner.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

/// A list of `Copy` items that stores up to `N` of them inline, in the
/// value itself, and moves to the heap beyond.
///
/// A report usually has one speaker and relays one report, and an archive
/// holds millions of reports: a `Vec` would allocate for each of those
/// lists, and reading them would cost a memory access more. So
/// [`Report::sources`](crate::Report::sources) is a [`Speakers`] list (three
/// inline) and [`Report::relays`](crate::Report::relays) a [`Relays`] list
/// (one inline), each the size of a `Vec` (24 bytes on 64-bit targets).
///
/// It dereferences to a slice, so everything a slice offers (`iter`, `len`,
/// indexing, `contains`, `first`, sorting in place, ...) works on it; it
/// adds what changes the length (`push`, `retain`, `remove`, `clear`,
/// `dedup`, `extend`). Two lists are equal when their items are, whichever
/// way they are stored, and it serializes as a sequence.
///
/// ```
/// use according::model::ShortList;
///
/// let mut list: ShortList<u32, 2> = ShortList::new();
/// list.push(7);
/// list.push(3);
/// assert!(list.is_inline());
/// list.push(5); // a third item moves the list to the heap
/// assert!(!list.is_inline());
/// list.sort_unstable();
/// assert_eq!(list, [3, 5, 7]);
/// ```
#[derive(Clone)]
pub struct ShortList<T: Copy, const N: usize> {
    repr: Repr<T, N>,
}

/// The speakers of a report: up to three inline.
pub type Speakers = ShortList<crate::SourceId, 3>;

/// The relays of a report: one inline.
pub type Relays = ShortList<crate::Relay, 1>;

#[derive(Clone)]
enum Repr<T: Copy, const N: usize> {
    /// `1 ≤ len ≤ N` items in `items[..len]`; the slots after them hold
    /// copies of an item, never read.
    Inline { len: u8, items: [T; N] },
    /// Any number of items, in a vector: empty lists (no allocation) and
    /// lists that outgrew the inline room.
    Heap(Vec<T>),
}

impl<T: Copy, const N: usize> ShortList<T, N> {
    /// An empty list. Does not allocate.
    pub const fn new() -> Self {
        ShortList {
            repr: Repr::Heap(Vec::new()),
        }
    }

    /// Number of items. **O(1)**.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Inline { len, .. } => usize::from(*len),
            Repr::Heap(items) => items.len(),
        }
    }

    /// Whether the list has no item. **O(1)**.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the items are stored inline (an empty list counts as not
    /// inline: it holds nothing anywhere).
    pub fn is_inline(&self) -> bool {
        matches!(self.repr, Repr::Inline { .. })
    }

    /// The items, as a slice.
    pub fn as_slice(&self) -> &[T] {
        match &self.repr {
            Repr::Inline { len, items } => &items[..usize::from(*len)],
            Repr::Heap(items) => items,
        }
    }

    /// The items, as a mutable slice.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        match &mut self.repr {
            Repr::Inline { len, items } => &mut items[..usize::from(*len)],
            Repr::Heap(items) => items,
        }
    }

    /// Appends `item`. Amortised **O(1)**; moves the items to the heap when
    /// the list outgrows `N`.
    pub fn push(&mut self, item: T) {
        match &mut self.repr {
            Repr::Heap(items) if items.capacity() == 0 && N > 0 => {
                self.repr = Repr::Inline {
                    len: 1,
                    items: [item; N],
                };
            }
            Repr::Heap(items) => items.push(item),
            Repr::Inline { len, items } if usize::from(*len) < N => {
                items[usize::from(*len)] = item;
                *len += 1;
            }
            Repr::Inline { items, .. } => {
                let mut grown = Vec::with_capacity(N * 2);
                grown.extend_from_slice(items);
                grown.push(item);
                self.repr = Repr::Heap(grown);
            }
        }
    }

    /// Removes and returns the last item. **O(1)**.
    pub fn pop(&mut self) -> Option<T> {
        let last = *self.as_slice().last()?;
        self.truncate(self.len() - 1);
        Some(last)
    }

    /// Keeps the first `new_len` items (all of them when there are fewer).
    /// **O(1)**.
    pub fn truncate(&mut self, new_len: usize) {
        match &mut self.repr {
            Repr::Inline { .. } if new_len == 0 => self.repr = Repr::Heap(Vec::new()),
            Repr::Inline { len, .. } => {
                if new_len < usize::from(*len) {
                    // Below `len`, which is a `u8`.
                    *len = new_len as u8;
                }
            }
            Repr::Heap(items) => items.truncate(new_len),
        }
    }

    /// Removes every item, and frees the heap storage if there was any.
    pub fn clear(&mut self) {
        self.repr = Repr::Heap(Vec::new());
    }

    /// Removes and returns the item at `index`, shifting the ones after it.
    /// **O(len)**.
    ///
    /// # Panics
    ///
    /// When `index` is out of bounds, as [`Vec::remove`].
    pub fn remove(&mut self, index: usize) -> T {
        let item = self.as_slice()[index];
        self.as_mut_slice().copy_within(index + 1.., index);
        self.truncate(self.len() - 1);
        item
    }

    /// Keeps only the items for which `keep` returns `true`, in order.
    /// **O(len)**.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let mut kept = 0;
        let items = self.as_mut_slice();
        for i in 0..items.len() {
            if keep(&items[i]) {
                items[kept] = items[i];
                kept += 1;
            }
        }
        self.truncate(kept);
    }

    /// Removes consecutive repeated items, as [`Vec::dedup`]. **O(len)**.
    pub fn dedup(&mut self)
    where
        T: PartialEq,
    {
        let mut kept = 0;
        let items = self.as_mut_slice();
        for i in 0..items.len() {
            if kept == 0 || items[kept - 1] != items[i] {
                items[kept] = items[i];
                kept += 1;
            }
        }
        self.truncate(kept);
    }

    /// The items, in a vector.
    pub fn to_vec(&self) -> Vec<T> {
        self.as_slice().to_vec()
    }
}

impl<T: Copy, const N: usize> Default for ShortList<T, N> {
    fn default() -> Self {
        ShortList::new()
    }
}

impl<T: Copy, const N: usize> Deref for ShortList<T, N> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy, const N: usize> DerefMut for ShortList<T, N> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: Copy, const N: usize> AsRef<[T]> for ShortList<T, N> {
    fn as_ref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy + fmt::Debug, const N: usize> fmt::Debug for ShortList<T, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<T: Copy + PartialEq, const N: usize, const M: usize> PartialEq<ShortList<T, M>>
    for ShortList<T, N>
{
    fn eq(&self, other: &ShortList<T, M>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Copy + Eq, const N: usize> Eq for ShortList<T, N> {}

impl<T: Copy + PartialEq, const N: usize> PartialEq<[T]> for ShortList<T, N> {
    fn eq(&self, other: &[T]) -> bool {
        self.as_slice() == other
    }
}

impl<T: Copy + PartialEq, const N: usize> PartialEq<&[T]> for ShortList<T, N> {
    fn eq(&self, other: &&[T]) -> bool {
        self.as_slice() == *other
    }
}

impl<T: Copy + PartialEq, const N: usize, const M: usize> PartialEq<[T; M]> for ShortList<T, N> {
    fn eq(&self, other: &[T; M]) -> bool {
        self.as_slice() == other
    }
}

impl<T: Copy + PartialEq, const N: usize> PartialEq<Vec<T>> for ShortList<T, N> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Copy + Hash, const N: usize> Hash for ShortList<T, N> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<T: Copy, const N: usize> From<Vec<T>> for ShortList<T, N> {
    /// Moves the items inline when they fit, freeing the vector.
    fn from(items: Vec<T>) -> Self {
        match items[..] {
            [] => ShortList::new(),
            [first, ..] if items.len() <= N => {
                let mut inline = [first; N];
                inline[..items.len()].copy_from_slice(&items);
                ShortList {
                    repr: Repr::Inline {
                        // `len ≤ N`, and `N ≤ 255` for any useful list.
                        len: items.len() as u8,
                        items: inline,
                    },
                }
            }
            _ => ShortList {
                repr: Repr::Heap(items),
            },
        }
    }
}

impl<T: Copy, const N: usize> From<&[T]> for ShortList<T, N> {
    fn from(items: &[T]) -> Self {
        items.iter().copied().collect()
    }
}

impl<T: Copy, const N: usize, const M: usize> From<[T; M]> for ShortList<T, N> {
    fn from(items: [T; M]) -> Self {
        items.into_iter().collect()
    }
}

impl<T: Copy, const N: usize> From<ShortList<T, N>> for Vec<T> {
    fn from(list: ShortList<T, N>) -> Vec<T> {
        match list.repr {
            Repr::Heap(items) => items,
            Repr::Inline { .. } => list.to_vec(),
        }
    }
}

impl<T: Copy, const N: usize> Extend<T> for ShortList<T, N> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

impl<'a, T: Copy + 'a, const N: usize> Extend<&'a T> for ShortList<T, N> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, items: I) {
        self.extend(items.into_iter().copied());
    }
}

impl<T: Copy, const N: usize> FromIterator<T> for ShortList<T, N> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut list = ShortList::new();
        list.extend(items);
        list
    }
}

impl<'a, T: Copy, const N: usize> IntoIterator for &'a ShortList<T, N> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'a, T: Copy, const N: usize> IntoIterator for &'a mut ShortList<T, N> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_mut_slice().iter_mut()
    }
}

impl<T: Copy, const N: usize> IntoIterator for ShortList<T, N> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        Vec::from(self).into_iter()
    }
}

impl<T: Copy + Serialize, const N: usize> Serialize for ShortList<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl<'de, T: Copy + Deserialize<'de>, const N: usize> Deserialize<'de> for ShortList<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T, const N: usize>(PhantomData<T>);

        impl<'de, T: Copy + Deserialize<'de>, const N: usize> Visitor<'de> for ListVisitor<T, N> {
            type Value = ShortList<T, N>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut list = ShortList::new();
                while let Some(item) = seq.next_element()? {
                    list.push(item);
                }
                Ok(list)
            }
        }

        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::ShortList;

    /// Every operation agrees with the same operation on a `Vec`, across
    /// the inline/heap boundary.
    #[test]
    fn behaves_like_a_vec() {
        let mut list: ShortList<u32, 2> = ShortList::new();
        let mut model: Vec<u32> = Vec::new();
        assert!(!list.is_inline());
        for step in 0..40u32 {
            match step % 7 {
                0..=3 => {
                    list.push(step % 5);
                    model.push(step % 5);
                }
                4 => {
                    assert_eq!(list.pop(), model.pop());
                }
                5 => {
                    list.retain(|&x| x != 2);
                    model.retain(|&x| x != 2);
                }
                _ => {
                    list.sort_unstable();
                    list.dedup();
                    model.sort_unstable();
                    model.dedup();
                }
            }
            assert_eq!(list, model, "after step {step}");
            assert_eq!(list.len(), model.len());
        }
        while !model.is_empty() {
            assert_eq!(list.remove(0), model.remove(0));
            assert_eq!(list, model);
        }
        assert!(list.is_empty());
    }

    #[test]
    fn small_lists_stay_inline_and_convert() {
        let list: ShortList<u32, 3> = vec![4, 5].into();
        assert!(list.is_inline());
        assert_eq!(Vec::from(list.clone()), vec![4, 5]);
        let list: ShortList<u32, 3> = vec![1, 2, 3, 4].into();
        assert!(!list.is_inline());
        assert_eq!(list.into_iter().sum::<u32>(), 10);
        let empty: ShortList<u32, 3> = Vec::new().into();
        assert!(empty.is_empty() && !empty.is_inline());
    }

    #[test]
    fn same_size_as_a_vec() {
        use std::mem::size_of;
        assert_eq!(size_of::<super::Relays>(), size_of::<Vec<crate::Relay>>());
        assert_eq!(
            size_of::<super::Speakers>(),
            size_of::<Vec<crate::SourceId>>()
        );
    }

    #[test]
    fn serializes_as_a_sequence() {
        let list: ShortList<u32, 1> = [1, 2, 3].into();
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(json, "[1,2,3]");
        let back: ShortList<u32, 1> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, list);
        let one: ShortList<u32, 1> = serde_json::from_str("[9]").unwrap();
        assert!(one.is_inline());
    }
}
