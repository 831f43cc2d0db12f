//! Reusable views. The islands (`feed_game` with `game`, `progress_view`, `lesson_badge` for the
//! lesson list's marks, `outbox`'s line on the class page and `live` for teachers) are the only
//! parts that run in the browser, and they only change the HTML the server rendered (`dom`),
//! reading their setup from the page (`data`); everything else is rendered on the server only.

pub mod comment_view;
pub mod data;
pub mod dialogs;
pub mod dom;
pub mod feed_game;
pub mod game;
pub mod feedback;
pub mod layout;
pub mod lesson_badge;
pub mod live;
pub mod outbox;
pub mod post_view;
pub mod progress_view;
pub mod round_setup;
pub mod store;
