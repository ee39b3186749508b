//! Pieces shared by several pages.

pub mod chart;
pub mod cite;
pub mod copy;
pub mod date;
pub mod export;
pub mod ignored;
pub mod lanes;
pub mod missing;
pub mod more;
pub mod quote_card;
pub mod waiting;
