//! The parts an article is made of: people, sources, images, the site, related articles.
//!
//! These are plain data with public fields. Their URLs and dates are already checked
//! types ([`Url`], [`DateTime`]); the rest (non-empty names, sizes) is checked when the
//! part becomes part of an [`Article`](crate::Article).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use super::{DateTime, Url};

/// A person or desk credited with the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Author {
    /// Display name, such as `Kim Min-ji` or `Politics Desk`.
    pub name: String,
    /// Profile page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

impl Author {
    /// An author with a name and no profile page.
    pub fn new(name: impl Into<String>) -> Author {
        Author {
            name: name.into(),
            url: None,
        }
    }

    /// Sets the profile page.
    pub fn with_url(mut self, url: Url) -> Author {
        self.url = Some(url);
        self
    }
}

/// A source the article is based on: a wire report, a statement, a study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Source {
    /// Name of the source, such as `Korean Central News Agency`.
    pub name: String,
    /// Where the reader can check it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

impl Source {
    /// A source with a name and a link.
    pub fn new(name: impl Into<String>, url: Option<Url>) -> Source {
        Source {
            name: name.into(),
            url,
        }
    }
}

/// The section of the publication an article is filed under, such as `Politics`.
///
/// In JSON and TOML a category is either a string (its name) or `{ name, url }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Category {
    /// Display name.
    pub name: String,
    /// The category's index page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

impl Category {
    /// A category with a name and an optional index page.
    pub fn new(name: impl Into<String>, url: Option<Url>) -> Category {
        Category {
            name: name.into(),
            url,
        }
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Category, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            name: String,
            #[serde(default)]
            url: Option<Url>,
        }

        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Category;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a category name or an object with `name` and `url`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Category, E> {
                Ok(Category::new(v, None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Category, A::Error> {
                let f = Fields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Category::new(f.name, f.url))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A picture: the feature image of an article, or a related article's thumbnail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Image {
    /// Where the image is.
    pub url: Url,
    /// Text that replaces the image for readers who cannot see it. Required for the
    /// feature image; may be empty for a related article's thumbnail, which is decorative.
    pub alt: String,
    /// A caption shown under the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Who made the image, such as `Photo: Yonhap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Width in pixels; with `height`, lets browsers reserve the space before loading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Height in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

impl Image {
    /// An image with its alt text.
    pub fn new(url: Url, alt: impl Into<String>) -> Image {
        Image {
            url,
            alt: alt.into(),
            caption: None,
            credit: None,
            width: None,
            height: None,
        }
    }
}

/// The publication: shown as the site bar at the top of the page and as the publisher in
/// search metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Site {
    /// Name of the site, such as `Liabooks`.
    pub name: String,
    /// Home page.
    pub url: Url,
    /// The section or publication within the site, such as `PRISM News`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// The publisher's logo, for search metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Url>,
}

impl Site {
    /// A site with a name and home page.
    pub fn new(name: impl Into<String>, url: Url) -> Site {
        Site {
            name: name.into(),
            url,
            section: None,
            logo: None,
        }
    }
}

/// A section or publication within a [`Site`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Section {
    /// Display name.
    pub name: String,
    /// Its front page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

impl Section {
    /// A section with a name and an optional front page.
    pub fn new(name: impl Into<String>, url: Option<Url>) -> Section {
        Section {
            name: name.into(),
            url,
        }
    }
}

/// A reader's comment. Its text is plain text, never Markdown or HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Comment {
    /// The commenter's display name.
    pub author: String,
    /// When it was posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<DateTime>,
    /// The comment, as plain text; line breaks are kept.
    pub text: String,
}

impl Comment {
    /// A comment by `author`.
    pub fn new(author: impl Into<String>, text: impl Into<String>) -> Comment {
        Comment {
            author: author.into(),
            posted: None,
            text: text.into(),
        }
    }
}

/// Another article, shown as a card under "Related articles".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RelatedArticle {
    /// Its headline.
    pub title: String,
    /// Its page.
    pub url: Url,
    /// Its category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Its standfirst.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
    /// Its thumbnail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Its reading time in minutes, if the host knows it. 0 is taken as not known: the
    /// card shows no reading time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading_minutes: Option<u32>,
}

impl RelatedArticle {
    /// A related article with a headline and a link.
    pub fn new(title: impl Into<String>, url: Url) -> RelatedArticle {
        RelatedArticle {
            title: title.into(),
            url,
            category: None,
            summary: None,
            published: None,
            image: None,
            reading_minutes: None,
        }
    }

    /// The card of `article`, linking to `url`: its headline, category, standfirst,
    /// publication date and feature image, and its reading time at the default speeds
    /// (which takes a parse of its body). For a host that lists its own articles as
    /// related to one another.
    ///
    /// ```
    /// use dateline::{Article, RelatedArticle, Url};
    /// let earlier = Article::from_json(r#"{"title": "Bridge closes", "body": "Repairs start.", "category": "Transport"}"#)?;
    /// let card = RelatedArticle::of_article(&earlier, Url::parse("/bridge-closes")?);
    /// assert_eq!((card.title.as_str(), card.reading_minutes), ("Bridge closes", Some(1)));
    /// assert_eq!(card.category.unwrap().name, "Transport");
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn of_article(article: &crate::Article, url: Url) -> RelatedArticle {
        let reading_time = crate::reading_time::ReadingTime::of_article(
            article,
            &crate::reading_time::ReadingSpeed::default(),
        );
        RelatedArticle {
            title: article.title().to_owned(),
            url,
            category: article.category().cloned(),
            summary: article.summary().map(str::to_owned),
            published: article.published(),
            image: article.image().cloned(),
            reading_minutes: Some(reading_time.minutes()),
        }
    }
}

macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        // Read from a string alone, so that a value of another type (a number, `null`) is
        // an invalid value of the field, not a JSON syntax error, as serde's derived enums
        // make it.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a string")
                    }

                    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<$name, E> {
                        match value {
                            $( $text => Ok($name::$variant), )+
                            _ => Err(E::unknown_variant(value, &[$($text),+])),
                        }
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        impl $name {
            /// Every value, in the order the documentation lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in JSON and TOML.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_set! {
    /// What sort of journalism an article is. It chooses the content label and the
    /// schema.org type in search metadata.
    #[derive(Default)]
    pub enum ArticleKind {
        /// Straight reporting of events (`NewsArticle`). The default.
        #[default]
        News => "news",
        /// Interpretation of the news (`AnalysisNewsArticle`).
        Analysis => "analysis",
        /// A named writer's argument (`OpinionNewsArticle`).
        Opinion => "opinion",
        /// The publication's own position (`OpinionNewsArticle`).
        Editorial => "editorial",
        /// Background that explains a subject (`BackgroundNewsArticle`).
        Explainer => "explainer",
        /// A critic's review (`ReviewNewsArticle`).
        Review => "review",
        /// Questions and answers (`NewsArticle`).
        Interview => "interview",
        /// Long-form reporting (`ReportageNewsArticle`).
        Feature => "feature",
        /// A check of a public claim (`NewsArticle` with a claim review elsewhere).
        FactCheck => "fact_check",
        /// An obituary (`NewsArticle`).
        Obituary => "obituary",
    }
}

closed_set! {
    /// Who wrote the article: people, or a machine.
    ///
    /// AI-generated articles get a visible disclaimer and machine-readable marking
    /// (schema.org `digitalSourceType`); neither can be turned off.
    #[derive(Default)]
    pub enum Provenance {
        /// Written by people. The default.
        #[default]
        Human => "human",
        /// Written by people with the help of AI tools.
        AiAssisted => "ai_assisted",
        /// Generated by AI, possibly edited by people.
        AiGenerated => "ai_generated",
    }
}

closed_set! {
    /// What a [`Disclaimer`] tells the reader.
    pub enum DisclaimerKind {
        /// The article was generated by AI.
        AiGenerated => "ai_generated",
        /// The article was written with the help of AI.
        AiAssisted => "ai_assisted",
        /// The article was paid for by an advertiser.
        Sponsored => "sponsored",
        /// The article is opinion, not the publication's reporting.
        Opinion => "opinion",
        /// The article has been corrected; the text says how.
        Correction => "correction",
        /// Any other notice; the text is required.
        Notice => "notice",
    }
}

/// A notice shown beside the article: the AI-generated content disclaimer, or a sponsored,
/// opinion or correction notice.
///
/// An AI-generated article always shows the AI disclaimer, in the article's language and
/// pointing to its sources. Give a disclaimer of kind `ai_generated` to replace its text;
/// give another kind to show that notice as well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Disclaimer {
    /// What the notice says.
    pub kind: DisclaimerKind,
    /// Text that replaces the default text for `kind`, in plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Disclaimer {
    /// A notice of `kind` with its default text.
    pub fn new(kind: DisclaimerKind) -> Disclaimer {
        Disclaimer { kind, text: None }
    }

    /// A notice of `kind` with its own text.
    pub fn with_text(kind: DisclaimerKind, text: impl Into<String>) -> Disclaimer {
        Disclaimer {
            kind,
            text: Some(text.into()),
        }
    }
}
