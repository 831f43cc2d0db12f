//! One file per route.

pub mod home;
pub mod language;
pub mod lesson;
pub mod lessons;
pub mod not_found;
pub mod parent_guide;
pub mod play;
pub mod progress;
pub mod results;
pub mod teacher_notes;
