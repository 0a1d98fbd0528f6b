//! The brands this council accepts, with the detected one highlighted
//! and announced politely once it is known (WCAG 4.1.3).

use leptos::prelude::*;
use paypage_card::Brand;

use crate::state::use_page;

#[component]
pub fn AcceptedBrands() -> impl IntoView {
    let page = use_page();
    let detected = Memo::new(move |_| page.form.brand());
    let logos = move || {
        page.accepted()
            .into_iter()
            .map(|brand| view! { <Logo brand detected /> })
            .collect_view()
    };
    let announcement = move || {
        detected.get().map(|brand| {
            page.fill("brand-detected", &[("brand", brand.name())])
        })
    };
    view! {
        <div class="brands">
            <p class="brands__title" id="accepted-cards">{page.text("accepted-cards")}</p>
            <ul class="brands__list" aria-labelledby="accepted-cards">{logos}</ul>
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
        </div>
    }
}

#[component]
fn Logo(brand: Brand, detected: Memo<Option<Brand>>) -> impl IntoView {
    let class = move || match detected.get() {
        Some(found) if found == brand => "brand brand--detected",
        Some(_) => "brand brand--other",
        None => "brand",
    };
    view! {
        <li class=class>
            <img src=format!("/page/brands/{}.svg", brand.code()) alt=brand.name()
                width="48" height="32" />
        </li>
    }
}
