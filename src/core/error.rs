//! Data errors: what is wrong, in which file, for which record.
//!
//! The loader collects every [`DataError`] instead of stopping at the first, so a curator
//! fixes a corpus in one pass. [`ErrorKind`] lets tests assert the kind of failure without
//! matching on prose; `Display` gives the sentence a person reads.

use std::fmt;

/// The kinds of problem a corpus can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// A file is not valid JSON of the expected shape (serde's message says where).
    Json,
    /// An id is not a lower-case slug.
    BadId,
    /// Two records in one file share an id.
    DuplicateId,
    /// A reference (actor, place, document, paragraph) does not resolve.
    UnknownReference,
    /// A value is not one of the allowed words (kinds, roles, precisions).
    BadValue,
    /// A date is malformed or contradicts its precision.
    BadDate,
    /// A paragraph is not an exact piece of its source file, or is out of order.
    NotInSource,
    /// A quote text or event evidence is not an exact substring of its paragraph.
    NotInParagraph,
    /// A required text is empty.
    Empty,
}

/// One problem in one record of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file name relative to the data folder, e.g. `quotes.json`.
    pub file: String,
    /// The record's id (or `#index` where it has none); empty for whole-file errors.
    pub record: String,
    pub kind: ErrorKind,
    pub reason: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.record.is_empty() {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}: {}: {}", self.file, self.record, self.reason)
        }
    }
}

/// Every problem found in a corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        write!(f, "{} problem{} found", self.0.len(), if self.0.len() == 1 { "" } else { "s" })
    }
}

impl std::error::Error for DataErrors {}
