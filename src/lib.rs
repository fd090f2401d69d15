//! `dateline` turns a typed news article into a finished article page: a full HTML page
//! or embeddable HTML components, plain text, and the metadata that search engines,
//! social sites and screen readers read.
//!
//! # Quick start
//!
//! ```
//! use dateline::{Article, html::{self, HtmlOptions}, text::{self, TextOptions}};
//!
//! let article = Article::from_json(r###"{
//!     "title": "Rail link approved",
//!     "summary": "The council backs a new line to the port.",
//!     "body": "## The vote\n\nThe council voted 9 to 2 for the line.",
//!     "kind": "analysis",
//!     "provenance": "ai_generated",
//!     "category": {"name": "Transport", "url": "/transport"},
//!     "published": "2026-01-05T09:00:00+09:00",
//!     "sources": [{"name": "City council minutes", "url": "https://council.example/minutes"}]
//! }"###)?;
//!
//! let page = html::page(&article, &HtmlOptions::default());
//! assert!(page.contains(r#"<span class="dl-label dl-label-ai">AI Analysis</span>"#));
//! assert!(page.contains(r#"<h2 id="the-vote">The vote</h2>"#));
//! assert!(page.contains("trainedAlgorithmicMedia"));
//!
//! let plain = text::render(&article, &TextOptions::default());
//! assert!(plain.starts_with("Transport · AI Analysis\n\nRail link approved\n=================="));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it fits together
//!
//! Data flows one way. Input ([`input`]: JSON, or Markdown with TOML front matter, or
//! [`Article::builder`]) is checked once and becomes an [`Article`]. A renderer parses the
//! body once, decides what to say (labels, dates, notices, reading time), and then shows
//! it as HTML ([`html`]) or plain text ([`text`]).
//!
//! # AI provenance
//!
//! An article's [`Provenance`] is part of the model. An AI-generated article always
//! carries a visible disclaimer in its language, pointing to its sources, a content label
//! such as "AI Analysis", and machine-readable marking: schema.org `digitalSourceType`
//! with the IPTC term `trainedAlgorithmicMedia` in its JSON-LD, and a `data-provenance`
//! attribute on the `<article>` element.
//!
//! # Safety
//!
//! Every text field is escaped. URLs in the model must be `http`, `https` or relative;
//! the body's raw HTML is dropped and its link targets are checked. Text fields lose
//! control and bidirectional override characters ([`input`] has the policy). Sizes are
//! bounded by [`Limits`]. Bad input gets an [`Error`] that names the field, never a panic.
//!
//! # Reading time
//!
//! [`reading_time`] counts words of space-delimited scripts and characters of Chinese and
//! Japanese apart, and times each at its own researched rate.
//!
//! # Crate features
//!
//! - `sanitize` (off by default): lets [`html::HtmlOptions::raw_html`] keep raw HTML blocks
//!   of the body, cleaned by [ammonia](https://docs.rs/ammonia) against an allowlist
//!   (`RawHtml::Sanitize`). Without it, raw HTML is always dropped.

#![doc(html_root_url = "https://docs.rs/dateline/0.1.0")]

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod bytes;
pub mod error;
pub mod html;
pub mod input;
pub mod locale;
mod markdown;
mod model;
pub mod reading_time;
mod sanitize;
mod strmap;
pub mod text;
mod view;

pub use error::{Error, Result};
pub use input::Limits;
pub use model::{
    Article, ArticleBuilder, ArticleKind, Author, Category, Comment, DateTime, Disclaimer,
    DisclaimerKind, Image, Provenance, RelatedArticle, Section, Site, Source, Url,
};
pub use sanitize::RawHtml;
