//! A map from strings for the few names and URLs of one article (heading ids, footnote
//! names, link targets): searched in order while short, hashed once long.

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

/// Entries in the order they were added, each with its position.
///
/// While there are at most [`StrMap::LINEAR`] entries, a lookup compares keys in order:
/// for a handful of short keys that costs less than hashing one with the standard
/// library's hasher, and nothing is allocated for a hash table. Once there are more, a
/// hash table of positions is built and kept up to date (hashed by the standard library's
/// randomly keyed hasher, as its `HashMap` is), so that many keys, as in a hostile article
/// with thousands of links, cost no more than hashing each.
#[derive(Clone)]
pub(crate) struct StrMap<V> {
    entries: Vec<(String, V)>,
    /// The position of every entry, by its key's hash, once there are more than
    /// [`StrMap::LINEAR`]; empty before.
    positions: HashTable<usize>,
    hasher: RandomState,
}

impl<V> Default for StrMap<V> {
    fn default() -> StrMap<V> {
        StrMap::with_capacity(0)
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for StrMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<V> StrMap<V> {
    /// The most entries searched in order.
    const LINEAR: usize = 16;

    /// An empty map with room for `capacity` entries.
    pub(crate) fn with_capacity(capacity: usize) -> StrMap<V> {
        StrMap {
            entries: Vec::with_capacity(capacity),
            positions: HashTable::new(),
            hasher: RandomState::new(),
        }
    }

    /// The position of `key`, if it is in the map.
    pub(crate) fn position(&self, key: &str) -> Option<usize> {
        if self.entries.len() <= Self::LINEAR {
            return self.entries.iter().position(|(k, _)| k == key);
        }
        let hash = self.hasher.hash_one(key);
        self.positions
            .find(hash, |&i| self.entries[i].0 == key)
            .copied()
    }

    /// The value at `position`, as [`StrMap::position`] or [`StrMap::push`] gave it.
    pub(crate) fn value_mut(&mut self, position: usize) -> &mut V {
        &mut self.entries[position].1
    }

    /// Adds `key`, which is not in the map yet, and returns its position.
    pub(crate) fn push(&mut self, key: String, value: V) -> usize {
        debug_assert!(self.position(&key).is_none(), "{key:?} is in the map");
        let position = self.entries.len();
        self.entries.push((key, value));
        let Self {
            entries,
            positions,
            hasher,
        } = self;
        let rehash = |&i: &usize| hasher.hash_one(entries[i].0.as_str());
        if position == Self::LINEAR {
            // Past the short list: every entry so far gets its place in the table, which
            // has room for the entries asked for up front (or twice as many as now).
            positions.reserve(entries.capacity().max(entries.len() * 2), rehash);
            for i in 0..entries.len() {
                positions.insert_unique(rehash(&i), i, rehash);
            }
        } else if position > Self::LINEAR {
            positions.insert_unique(rehash(&position), position, rehash);
        }
        position
    }

    /// The keys, in the order they were added.
    pub(crate) fn keys(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// Whether the map has no entries.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Lookups and positions agree with a hash map and a list, before and after the
        /// map grows past its short list.
        #[test]
        fn agrees_with_a_hash_map(keys in proptest::collection::vec("[ab]{0,3}|[a-z]{1,2}", 0..60)) {
            let mut ours = StrMap::default();
            let mut model = std::collections::HashMap::new();
            let mut order = Vec::new();
            for key in keys {
                proptest::prop_assert_eq!(ours.position(&key), model.get(&key).copied());
                if !model.contains_key(&key) {
                    let position = ours.push(key.clone(), ());
                    proptest::prop_assert_eq!(position, order.len());
                    model.insert(key.clone(), position);
                    order.push(key);
                }
            }
            proptest::prop_assert!(ours.keys().eq(order.iter().map(String::as_str)));
            for (i, key) in order.iter().enumerate() {
                proptest::prop_assert_eq!(ours.position(key), Some(i));
            }
            proptest::prop_assert_eq!(ours.position("not a key"), None);
        }
    }

    #[test]
    fn values_stay_with_their_keys() {
        let mut map = StrMap::with_capacity(4);
        assert!(map.is_empty());
        for i in 0..40 {
            assert_eq!(map.push(format!("k{i}"), i), i);
        }
        for i in 0..40 {
            let position = map.position(&format!("k{i}")).unwrap();
            *map.value_mut(position) += 100;
            assert_eq!(*map.value_mut(position), i + 100);
        }
    }
}
