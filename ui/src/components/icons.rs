//! Inline SVG icons: the app is offline, so there is no icon font or image to fetch.

use leptos::prelude::*;

#[component]
pub fn CloseIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
                d="M4 4l8 8M12 4l-8 8"
                stroke="currentcolor"
                stroke-width="1.6"
                stroke-linecap="round"
                fill="none"
            />
        </svg>
    }
}

#[component]
pub fn PlusIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
                d="M8 3v10M3 8h10"
                stroke="currentcolor"
                stroke-width="1.6"
                stroke-linecap="round"
                fill="none"
            />
        </svg>
    }
}

#[component]
pub fn FileIcon() -> impl IntoView {
    view! {
        <svg class="icon icon-file" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
            <path
                d="M5 2.5h6.5L16 7v10.5H5z M11.5 2.5V7H16"
                stroke="currentcolor"
                stroke-width="1.4"
                stroke-linejoin="round"
                fill="none"
            />
        </svg>
    }
}

#[component]
pub fn LockIcon() -> impl IntoView {
    view! {
        <svg class="icon icon-lock" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
            <rect
                x="4"
                y="9"
                width="12"
                height="8.5"
                rx="1.5"
                stroke="currentcolor"
                stroke-width="1.4"
                fill="none"
            />
            <path
                d="M7 9V6.5a3 3 0 0 1 6 0V9"
                stroke="currentcolor"
                stroke-width="1.4"
                fill="none"
            />
        </svg>
    }
}
