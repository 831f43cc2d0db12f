//! Pure types and rules: the feed generator and scoring. No I/O, no Leptos, no database;
//! compiled for the server and the browser alike.

pub mod accounts;
pub mod answer_key;
pub mod answer_line;
pub mod corpus;
pub mod evasion;
pub mod export;
pub mod generator;
pub mod illustration;
pub mod itembank;
pub mod model;
pub mod personal;
pub mod scoring;
pub mod slots;
pub mod style;
pub mod template;
pub mod voice;
