//! The HTML shell and the route table.

use crate::pages::lesson::LessonPage;
use crate::pages::lessons::LessonsPage;
use crate::pages::parent_guide::ParentGuidePage;
use crate::pages::teacher_notes::TeacherNotesPage;
use crate::pages::{ClassHome, ClassSummary, Join, JoinSheet, RejoinCards, Replay, StudentReport, TeacherClass, TeacherHome, TeacherSignUp};
use crate::pages::{home::HomePage, language::LanguagePage, not_found::NotFound, play::PlayPage, progress::ProgressPage, results::ResultsPage};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// No dead taps on a slow network: a tap on a round's button before its island is live is held
/// (the button shows it is busy) and replayed by the island once it is (`feedwiseReplay`).
const TAP_QUEUE: &str = "(()=>{const q=[];const h=e=>{const b=e.target.closest&&e.target.closest('.game button');\
if(!b)return;const g=b.closest('.game');if(!g||g.dataset.hydrated==='true')return;e.preventDefault();\
e.stopImmediatePropagation();if(!q.includes(b)){q.push(b);b.setAttribute('aria-busy','true');}};\
document.addEventListener('click',h,true);window.feedwiseReplay=()=>{document.removeEventListener('click',h,true);\
q.splice(0).forEach(b=>{b.removeAttribute('aria-busy');if(b.isConnected)b.click();});};})();";

pub fn shell(options: LeptosOptions) -> impl IntoView {
    // A fresh nonce per page: the hydration scripts carry it, and the page's CSP allows only them.
    #[cfg(feature = "ssr")]
    {
        leptos::nonce::provide_nonce();
        let nonce = leptos::nonce::use_nonce();
        if let (Some(nonce), Some(res)) = (nonce, use_context::<leptos_axum::ResponseOptions>())
            && let Ok(value) = axum::http::HeaderValue::from_str(&crate::startup::csp(Some(&nonce)))
        {
            res.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HashedStylesheet options=options.clone() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options islands=true />
                <script nonce=leptos::nonce::use_nonce().map(|n| n.to_string()) inner_html=TAP_QUEUE></script>
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
                <Route path=path!("/:lang/lessons/:id/teacher") view=TeacherNotesPage ssr=SsrMode::Async />
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
