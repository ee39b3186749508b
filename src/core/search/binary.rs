//! The search index as compact bytes, so a large corpus can ship its index built ahead of
//! time instead of folding every quote in the browser at startup.
//!
//! Only what cannot be derived cheaply is stored: the sorted vocabulary (front-coded:
//! each word as the length it shares with the previous one and the rest) and each
//! quote's words as vocabulary ids (LEB128 varints). Postings, speakers' names, dates
//! and the typo filter's shapes are rebuilt from the corpus on load, in one pass.
//!
//! ```text
//! "DSXI" version:u8 fingerprint:u64le quotes:varint words:varint
//! (shared:varint len:varint bytes)*words  (count:varint id:varint*count)*quotes
//! ```
//!
//! The fingerprint covers the quotes' texts, the speakers' names and how [`fold`] reads a
//! probe text, so an
//! index loaded with other data, or after the folding rules changed, is refused with a
//! reason rather than giving wrong results. Reading never panics on any bytes.

use std::fmt;

use super::{QuoteIndex, TokenId};
use crate::core::fold::fold;
use crate::core::model::Corpus;
use crate::core::pack::content_hash;

const MAGIC: &[u8; 4] = b"DSXI";
const VERSION: u8 = 1;
/// Folded into the fingerprint: a change in folding changes how this reads.
const FOLD_PROBE: &str = "Türkiye’s AL-Sharaa Hay`at naïveté Genève حماة الشرع Zürich ß İ";

/// Why bytes are not a usable index for a corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexError(pub String);

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "search index: {}", self.0)
    }
}

impl std::error::Error for IndexError {}

/// What identifies the data an index was built from: the quotes' texts, the speakers'
/// names (their words are in the vocabulary), and the folding rules.
pub(super) fn fingerprint(corpus: &Corpus) -> u64 {
    let mut bytes = fold(FOLD_PROBE).into_bytes();
    let names = corpus.actors.iter().flat_map(|a| std::iter::once(&a.name).chain(&a.aliases));
    for text in corpus.quotes.iter().map(|q| &q.text).chain(names) {
        bytes.push(0x1f);
        bytes.extend_from_slice(text.as_bytes());
    }
    content_hash(&bytes)
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

impl QuoteIndex {
    /// This index as bytes for [`QuoteIndex::from_bytes`] with the same corpus.
    pub fn to_bytes(&self, corpus: &Corpus) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&fingerprint(corpus).to_le_bytes());
        let words = &self.words;
        put_varint(&mut out, words.len() as u32);
        put_words(&mut out, &self.vocabulary);
        for quote_words in words {
            put_varint(&mut out, quote_words.len() as u32);
            for &id in quote_words {
                put_varint(&mut out, id);
            }
        }
        out
    }

    /// The index that [`QuoteIndex::to_bytes`] wrote for `corpus`, or why these bytes are
    /// not one (truncated, corrupt, another version, or built from other data).
    pub fn from_bytes(corpus: &Corpus, bytes: &[u8]) -> Result<QuoteIndex, IndexError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(IndexError("not a Dossier search index (bad magic bytes)".into()));
        }
        let version = r.take(1)?[0];
        if version != VERSION {
            return Err(IndexError(format!("format version {version}, this build reads version {VERSION}")));
        }
        let stored: [u8; 8] = r.take(8)?.try_into().map_err(|_| IndexError("truncated fingerprint".into()))?;
        if u64::from_le_bytes(stored) != fingerprint(corpus) {
            return Err(IndexError("built from other quotes or other folding rules than this build's".into()));
        }
        let quotes = r.varint()? as usize;
        if quotes != corpus.quotes.len() {
            return Err(IndexError(format!("holds {quotes} quotes, the corpus has {}", corpus.quotes.len())));
        }
        let vocabulary = read_words(&mut r)?;
        let mut words: Vec<Vec<TokenId>> = Vec::with_capacity(quotes);
        for q in 0..quotes {
            let n = r.varint()? as usize;
            let mut ids = Vec::with_capacity(n.min(r.remaining()));
            for _ in 0..n {
                let id = r.varint()?;
                if id as usize >= vocabulary.len() {
                    return Err(IndexError(format!("quote {q} names word {id} of {}", vocabulary.len())));
                }
                ids.push(id);
            }
            words.push(ids);
        }
        if r.remaining() > 0 {
            return Err(IndexError(format!("{} bytes after the end", r.remaining())));
        }
        Ok(QuoteIndex::assemble(corpus, vocabulary, words))
    }
}

/// The sorted vocabulary, front-coded: its length, then each word as the bytes it shares
/// with the previous one and the rest.
pub(super) fn put_words(out: &mut Vec<u8>, vocabulary: &[String]) {
    put_varint(out, vocabulary.len() as u32);
    let mut previous: &str = "";
    for word in vocabulary {
        let shared = previous.bytes().zip(word.bytes()).take_while(|(a, b)| a == b).count();
        // Cut at a character boundary, so every stored piece is UTF-8 on its own.
        let shared = (0..=shared).rev().find(|&i| word.is_char_boundary(i)).unwrap_or(0);
        put_varint(out, shared as u32);
        put_varint(out, (word.len() - shared) as u32);
        out.extend_from_slice(&word.as_bytes()[shared..]);
        previous = word;
    }
}

/// What [`put_words`] wrote, checked: UTF-8, sorted, unique, none empty.
pub(super) fn read_words(r: &mut Reader<'_>) -> Result<Vec<String>, IndexError> {
    let count = r.varint()? as usize;
    let mut vocabulary: Vec<String> = Vec::with_capacity(count.min(r.remaining()));
    for i in 0..count {
        let shared = r.varint()? as usize;
        let len = r.varint()? as usize;
        let previous = vocabulary.last().map_or("", String::as_str);
        if shared > previous.len() || !previous.is_char_boundary(shared) {
            return Err(IndexError(format!("word {i} shares more than the previous word has")));
        }
        let rest = std::str::from_utf8(r.take(len)?).map_err(|_| IndexError(format!("word {i} is not UTF-8")))?;
        let word = format!("{}{rest}", &previous[..shared]);
        // Sorted and unique, so lookups can bisect.
        if vocabulary.last().is_some_and(|p| p.as_str() >= word.as_str()) || word.is_empty() {
            return Err(IndexError(format!("word {i} is empty or out of order")));
        }
        vocabulary.push(word);
    }
    Ok(vocabulary)
}

/// Reads bytes front to back; every read says when the bytes run out.
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], IndexError> {
        if n > self.remaining() {
            return Err(IndexError(format!("truncated at byte {} (needs {n} more, has {})", self.at, self.remaining())));
        }
        let piece = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(piece)
    }

    pub(super) fn varint(&mut self) -> Result<u32, IndexError> {
        // Most numbers are one byte (columns, gaps between postings): read those directly.
        if let Some(&byte) = self.bytes.get(self.at) {
            if byte & 0x80 == 0 {
                self.at += 1;
                return Ok(u32::from(byte));
            }
        }
        let mut n: u64 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(n).map_err(|_| IndexError(format!("number too large at byte {}", self.at)));
            }
        }
        Err(IndexError(format!("number too long at byte {}", self.at)))
    }
}
