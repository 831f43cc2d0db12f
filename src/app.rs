//! The HTML shell and the route table.

use crate::pages::lesson::LessonPage;
use crate::pages::lessons::LessonsPage;
use crate::pages::parent_guide::ParentGuidePage;
use crate::pages::teacher_notes::TeacherNotesPage;
use crate::pages::{ClassHome, ClassSummary, Join, JoinSheet, RejoinCards, Replay, StudentReport, TeacherClass, TeacherHome, TeacherSignUp};
use crate::pages::{home::HomePage, language::LanguagePage, not_found::NotFound, play::PlayPage, progress::ProgressPage, results::ResultsPage};
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href="/pkg/feedwise.css" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=LanguagePage />
                <Route path=path!("/:lang") view=HomePage />
                <Route path=path!("/:lang/play") view=PlayPage ssr=SsrMode::Async />
                <Route path=path!("/:lang/progress") view=ProgressPage />
                <Route path=path!("/:lang/results") view=ResultsPage ssr=SsrMode::Async />
                <Route path=path!("/:lang/lessons") view=LessonsPage />
                <Route path=path!("/:lang/lessons/:id") view=LessonPage />
                <Route path=path!("/:lang/lessons/:id/teacher") view=TeacherNotesPage />
                <Route path=path!("/:lang/lessons/:id/parent") view=ParentGuidePage />
                // Pages that read the database are sent once their data is there.
                <Route path=path!("/:lang/join") view=Join ssr=SsrMode::Async />
                <Route path=path!("/:lang/class") view=ClassHome ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher") view=TeacherHome ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher/signup") view=TeacherSignUp ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher/classes/:id") view=TeacherClass ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher/classes/:id/sheet") view=JoinSheet ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher/classes/:id/cards") view=RejoinCards ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher/classes/:id/summary") view=ClassSummary ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher/classes/:id/students/:sid") view=StudentReport ssr=SsrMode::Async />
                <Route path=path!("/:lang/teacher/classes/:id/replay/:sid/:aid") view=Replay ssr=SsrMode::Async />
            </Routes>
        </Router>
    }
}
