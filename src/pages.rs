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

// Pages that read the database render on the server only; the browser build gets empty
// stand-ins (in islands mode it never renders a page, only the islands inside one).
#[cfg(feature = "ssr")]
pub mod classroom;
#[cfg(feature = "ssr")]
pub mod teacher;

macro_rules! server_pages {
    ($($name:ident => $page:path),* $(,)?) => {
        $(
            #[leptos::component]
            pub fn $name() -> impl leptos::IntoView {
                #[cfg(feature = "ssr")]
                {
                    leptos::prelude::IntoAny::into_any($page())
                }
                #[cfg(not(feature = "ssr"))]
                {
                    leptos::prelude::IntoAny::into_any(())
                }
            }
        )*
    };
}

server_pages! {
    Join => classroom::JoinPage,
    ClassHome => classroom::ClassHomePage,
    TeacherHome => teacher::TeacherHomePage,
    TeacherSignUp => teacher::SignUpPage,
    TeacherClass => teacher::ClassPage,
    JoinSheet => teacher::JoinSheetPage,
    RejoinCards => teacher::RejoinCardsPage,
    StudentReport => teacher::StudentPage,
    Replay => teacher::ReplayPage,
    ClassSummary => teacher::SummaryPage,
}
