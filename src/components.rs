//! Reusable views. The islands (`feed_game`, `progress_view`, and `lesson_badge` with the lesson
//! badges and the pre/post comparison) are the only parts that run in the browser; everything
//! else is rendered on the server only.

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
pub mod store;
