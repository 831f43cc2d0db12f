//! One file per route.

pub mod home;
pub mod language;
pub mod not_found;
pub mod play;
pub mod progress;
pub mod results;
