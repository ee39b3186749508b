//! One module per page, each a component the shell shows for its [`crate::core::route::Page`].

pub mod actor;
pub mod actors;
pub mod document;
pub mod documents;
pub mod event;
pub mod home;
pub mod not_found;
pub mod quote;
pub mod quotes;
pub mod timeline;
