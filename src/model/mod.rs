//! The article model: plain data, checked when it is built.
//!
//! [`Article`] is the one type a renderer takes. It can only be made by parsing
//! ([`Article::from_json`], [`Article::from_markdown`]) or by [`Article::builder`], and
//! both check every field, so a renderer never sees an invalid article.

mod date;
mod parts;
mod url;

use serde::{Deserialize, Serialize};

pub use date::DateTime;
pub use parts::{
    ArticleKind, Author, Category, Comment, Disclaimer, DisclaimerKind, Image, Provenance,
    RelatedArticle, Section, Site, Source,
};
pub(crate) use url::BaseUrl;
pub use url::Url;

use crate::input::{self, Limits};

/// The fields of an article as they are written in JSON and TOML; unchecked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleFields {
    pub(crate) title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) seo_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) summary: Option<String>,
    /// Always present once checked; absent only in front matter, where the Markdown
    /// after it is the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) url: Option<Url>,
    #[serde(default = "default_language", deserialize_with = "language_or_default")]
    pub(crate) language: String,
    #[serde(default, deserialize_with = "or_default")]
    pub(crate) kind: ArticleKind,
    #[serde(default, deserialize_with = "or_default")]
    pub(crate) provenance: Provenance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) category: Option<Category>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) published: Option<DateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) updated: Option<DateTime>,
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) authors: Vec<Author>,
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) image: Option<Image>,
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) disclaimer: Option<Disclaimer>,
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) related: Vec<RelatedArticle>,
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub(crate) comments: Vec<Comment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) site: Option<Site>,
}

fn default_language() -> String {
    "en".to_owned()
}

/// A field that may be left out or `null`, both of which give its default, as an
/// `Option` field takes `null` for `None`.
fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// `language`, which may be `null` for the default `en`, as when it is left out.
fn language_or_default<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_else(default_language))
}

impl ArticleFields {
    fn new(title: String, body: String) -> ArticleFields {
        ArticleFields {
            title,
            seo_title: None,
            summary: None,
            body: Some(body),
            url: None,
            language: default_language(),
            kind: ArticleKind::default(),
            provenance: Provenance::default(),
            label: None,
            category: None,
            published: None,
            updated: None,
            authors: Vec::new(),
            sources: Vec::new(),
            image: None,
            tags: Vec::new(),
            disclaimer: None,
            related: Vec::new(),
            comments: Vec::new(),
            site: None,
        }
    }
}

/// A checked news article: everything a page shows, from the site bar to the related
/// articles.
///
/// Make one by parsing JSON or Markdown with front matter (see [`crate::input`] for the
/// format), or in code with [`Article::builder`]. Either way every field is checked:
/// required text is present, URLs are `http`, `https` or relative, dates are in order,
/// sizes are within [`Limits`], and control characters that could disguise text are gone.
///
/// ```
/// use dateline::{Article, ArticleKind, Provenance};
///
/// let article = Article::builder("Budget passes", "The assembly approved the budget.")
///     .kind(ArticleKind::Analysis)
///     .provenance(Provenance::AiGenerated)
///     .published("2026-01-05T09:00:00+09:00")
///     .build()?;
/// assert_eq!(article.title(), "Budget passes");
/// assert_eq!(article.language(), "en");
/// assert_eq!(article.published().unwrap().to_string(), "2026-01-05T09:00:00+09:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "ArticleFields")]
pub struct Article(pub(crate) ArticleFields);

impl Serialize for Article {
    /// Writes the article in the input format, so that it reads back the same.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl TryFrom<ArticleFields> for Article {
    type Error = crate::Error;
    fn try_from(fields: ArticleFields) -> crate::Result<Article> {
        input::validate(fields, &Limits::default())
    }
}

impl Article {
    /// Starts building an article in code from its headline and Markdown body.
    pub fn builder(title: impl Into<String>, body: impl Into<String>) -> ArticleBuilder {
        ArticleBuilder {
            fields: ArticleFields::new(title.into(), body.into()),
            published: None,
            updated: None,
            url: None,
            limits: Limits::default(),
        }
    }

    /// The headline.
    pub fn title(&self) -> &str {
        &self.0.title
    }
    /// A headline for search results and the browser tab, if it differs from the title.
    pub fn seo_title(&self) -> Option<&str> {
        self.0.seo_title.as_deref()
    }
    /// The standfirst: one or two sentences under the headline.
    pub fn summary(&self) -> Option<&str> {
        self.0.summary.as_deref()
    }
    /// The body, in Markdown.
    pub fn body(&self) -> &str {
        self.0.body.as_deref().unwrap_or_default()
    }
    /// The canonical URL.
    pub fn url(&self) -> Option<&Url> {
        self.0.url.as_ref()
    }
    /// The BCP 47 language tag, `en` unless set.
    pub fn language(&self) -> &str {
        &self.0.language
    }
    /// What sort of journalism the article is.
    pub fn kind(&self) -> ArticleKind {
        self.0.kind
    }
    /// Who wrote it: people or a machine.
    pub fn provenance(&self) -> Provenance {
        self.0.provenance
    }
    /// A content label that replaces the one made from kind and provenance.
    pub fn label(&self) -> Option<&str> {
        self.0.label.as_deref()
    }
    /// The category.
    pub fn category(&self) -> Option<&Category> {
        self.0.category.as_ref()
    }
    /// When it was first published.
    pub fn published(&self) -> Option<DateTime> {
        self.0.published
    }
    /// When it was last updated; never before `published`.
    pub fn updated(&self) -> Option<DateTime> {
        self.0.updated
    }
    /// Authors, in credit order.
    pub fn authors(&self) -> &[Author] {
        &self.0.authors
    }
    /// Sources the article is based on.
    pub fn sources(&self) -> &[Source] {
        &self.0.sources
    }
    /// The feature image.
    pub fn image(&self) -> Option<&Image> {
        self.0.image.as_ref()
    }
    /// Keywords.
    pub fn tags(&self) -> &[String] {
        &self.0.tags
    }
    /// The notice given with the article, if any; see [`Disclaimer`].
    pub fn disclaimer(&self) -> Option<&Disclaimer> {
        self.0.disclaimer.as_ref()
    }
    /// Related articles, in display order.
    pub fn related(&self) -> &[RelatedArticle] {
        &self.0.related
    }
    /// Reader comments, in display order.
    pub fn comments(&self) -> &[Comment] {
        &self.0.comments
    }
    /// The publication.
    pub fn site(&self) -> Option<&Site> {
        self.0.site.as_ref()
    }

    /// A builder holding this article's fields, to change some and check it again.
    ///
    /// ```
    /// use dateline::{Article, RelatedArticle, Url};
    ///
    /// let article = Article::builder("Bridge reopens", "Traffic is back.").build()?;
    /// let with_related = article
    ///     .to_builder()
    ///     .related(RelatedArticle::new("Bridge closes for repairs", Url::parse("/bridge-closes")?))
    ///     .build()?;
    /// assert_eq!(with_related.related().len(), 1);
    /// assert_eq!(with_related.title(), "Bridge reopens");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_builder(&self) -> ArticleBuilder {
        ArticleBuilder {
            fields: self.0.clone(),
            published: None,
            updated: None,
            url: None,
            limits: Limits::default(),
        }
    }

    /// The canonical URL made absolute against the site's home page when it is relative.
    pub fn canonical_url(&self) -> Option<Url> {
        let url = self.0.url.as_ref()?;
        Some(match &self.0.site {
            Some(site) => url.resolve(&site.url),
            None => url.clone(),
        })
    }
}

/// Builds an [`Article`] in code; [`ArticleBuilder::build`] checks it.
///
/// URLs and dates are given as strings and checked by `build`, so that a bad one is
/// reported with the field it was given for.
#[derive(Debug, Clone)]
#[must_use = "an article builder does nothing until `build` is called"]
pub struct ArticleBuilder {
    fields: ArticleFields,
    published: Option<String>,
    updated: Option<String>,
    url: Option<String>,
    limits: Limits,
}

impl ArticleBuilder {
    /// Sets the search and browser-tab headline.
    pub fn seo_title(mut self, seo_title: impl Into<String>) -> Self {
        self.fields.seo_title = Some(seo_title.into());
        self
    }
    /// Sets the standfirst.
    pub fn summary(mut self, summary: impl Into<String>) -> Self {
        self.fields.summary = Some(summary.into());
        self
    }
    /// Sets the canonical URL; checked by `build`.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
    /// Sets the BCP 47 language tag.
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.fields.language = language.into();
        self
    }
    /// Sets the kind.
    pub fn kind(mut self, kind: ArticleKind) -> Self {
        self.fields.kind = kind;
        self
    }
    /// Sets the provenance.
    pub fn provenance(mut self, provenance: Provenance) -> Self {
        self.fields.provenance = provenance;
        self
    }
    /// Replaces the content label made from kind and provenance.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.fields.label = Some(label.into());
        self
    }
    /// Sets the category.
    pub fn category(mut self, category: Category) -> Self {
        self.fields.category = Some(category);
        self
    }
    /// Sets the publication date (RFC 3339); checked by `build`.
    pub fn published(mut self, date: impl Into<String>) -> Self {
        self.published = Some(date.into());
        self
    }
    /// Sets the update date (RFC 3339); checked by `build`.
    pub fn updated(mut self, date: impl Into<String>) -> Self {
        self.updated = Some(date.into());
        self
    }
    /// Adds an author.
    pub fn author(mut self, author: Author) -> Self {
        self.fields.authors.push(author);
        self
    }
    /// Adds a source.
    pub fn source(mut self, source: Source) -> Self {
        self.fields.sources.push(source);
        self
    }
    /// Sets the feature image.
    pub fn image(mut self, image: Image) -> Self {
        self.fields.image = Some(image);
        self
    }
    /// Adds a tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.fields.tags.push(tag.into());
        self
    }
    /// Sets the notice shown with the article.
    pub fn disclaimer(mut self, disclaimer: Disclaimer) -> Self {
        self.fields.disclaimer = Some(disclaimer);
        self
    }
    /// Adds a related article.
    pub fn related(mut self, related: RelatedArticle) -> Self {
        self.fields.related.push(related);
        self
    }
    /// Adds a reader comment.
    pub fn comment(mut self, comment: Comment) -> Self {
        self.fields.comments.push(comment);
        self
    }
    /// Sets the site.
    pub fn site(mut self, site: Site) -> Self {
        self.fields.site = Some(site);
        self
    }
    /// Uses other limits than [`Limits::default`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Checks every field and makes the article.
    ///
    /// # Errors
    ///
    /// The first problem found, naming its field; see [`Error`](crate::Error).
    pub fn build(self) -> crate::Result<Article> {
        let mut fields = self.fields;
        if let Some(url) = self.url {
            fields.url = Some(Url::parse_field(&url, "url")?);
        }
        if let Some(date) = self.published {
            fields.published = Some(DateTime::parse_field(&date, "published")?);
        }
        if let Some(date) = self.updated {
            fields.updated = Some(DateTime::parse_field(&date, "updated")?);
        }
        input::validate(fields, &self.limits)
    }
}
