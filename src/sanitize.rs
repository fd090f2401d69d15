//! Raw HTML in the body: dropped by default; with the `sanitize` feature, HTML blocks can
//! be kept after ammonia has cleaned them against an allowlist.

/// What happens to raw HTML in the Markdown body.
///
/// Inline HTML (a tag inside a paragraph) is always dropped, since its tags arrive in
/// pieces that cannot be checked one by one; the text between them stays. HTML blocks
/// are dropped too, unless `RawHtml::Sanitize` (feature `sanitize`) keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RawHtml {
    /// Drop raw HTML. The default.
    #[default]
    Omit,
    /// Keep HTML blocks, cleaned by ammonia: its default allowlist of text-level and
    /// structural elements, plus `figure`, `figcaption`, `picture`, `source`, `video` and
    /// `audio`, and `iframe` whose `src` is an `https` URL on one of `embed_hosts`. Other
    /// iframes lose their `src`. Scripts, styles, event handlers and `javascript:` URLs
    /// never pass.
    #[cfg(feature = "sanitize")]
    Sanitize {
        /// Hosts whose pages may be embedded in an iframe, such as
        /// `www.youtube-nocookie.com`.
        embed_hosts: Vec<String>,
    },
}

impl RawHtml {
    /// [`RawHtml::Sanitize`] with iframes from YouTube (privacy-enhanced mode) and Vimeo.
    #[cfg(feature = "sanitize")]
    pub fn sanitized() -> RawHtml {
        RawHtml::Sanitize {
            embed_hosts: vec!["www.youtube-nocookie.com".into(), "player.vimeo.com".into()],
        }
    }

    /// The cleaner for this policy; none when raw HTML is dropped.
    pub(crate) fn sanitizer(&self) -> Option<Sanitizer> {
        match self {
            RawHtml::Omit => None,
            #[cfg(feature = "sanitize")]
            RawHtml::Sanitize { embed_hosts } => Some(Sanitizer::new(embed_hosts)),
        }
    }
}

/// Cleans HTML blocks of the body.
#[cfg(feature = "sanitize")]
pub(crate) struct Sanitizer(ammonia::Builder<'static>);

/// Without the `sanitize` feature no cleaner can exist.
#[cfg(not(feature = "sanitize"))]
pub(crate) enum Sanitizer {}

#[cfg(feature = "sanitize")]
impl Sanitizer {
    fn new(embed_hosts: &[String]) -> Sanitizer {
        use std::collections::HashSet;
        let hosts: HashSet<String> = embed_hosts.iter().map(|h| h.to_ascii_lowercase()).collect();
        let mut builder = ammonia::Builder::default();
        builder
            .add_tags([
                "figure",
                "figcaption",
                "picture",
                "source",
                "video",
                "audio",
                "iframe",
            ])
            .add_tag_attributes(
                "iframe",
                [
                    "src",
                    "title",
                    "width",
                    "height",
                    "allow",
                    "allowfullscreen",
                ],
            )
            .add_tag_attributes("video", ["src", "poster", "controls", "width", "height"])
            .add_tag_attributes("audio", ["src", "controls"])
            .add_tag_attributes("source", ["src", "srcset", "type", "media"])
            .add_tag_attributes("img", ["srcset", "sizes", "width", "height", "loading"])
            .set_tag_attribute_value(
                "iframe",
                "sandbox",
                "allow-scripts allow-same-origin allow-presentation",
            )
            .set_tag_attribute_value("iframe", "loading", "lazy")
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true)
            .attribute_filter(move |element, attribute, value| {
                if element == "iframe" && attribute == "src" {
                    let allowed = url::Url::parse(value).ok().is_some_and(|url| {
                        url.scheme() == "https" && url.host_str().is_some_and(|h| hosts.contains(h))
                    });
                    return allowed.then(|| value.into());
                }
                // ammonia checks the schemes of the URL attributes it knows; `srcset`
                // holds a list of URLs, and every URL attribute gets the body's own check.
                let safe = match attribute {
                    "srcset" => value
                        .split(',')
                        .filter_map(|candidate| candidate.split_whitespace().next())
                        .all(crate::markdown::safe_url),
                    "src" | "href" | "poster" | "cite" => crate::markdown::safe_url(value),
                    _ => true,
                };
                safe.then(|| value.into())
            });
        Sanitizer(builder)
    }

    pub(crate) fn clean(&self, html: &str) -> String {
        self.0.clean(html).to_string()
    }
}

#[cfg(not(feature = "sanitize"))]
impl Sanitizer {
    pub(crate) fn clean(&self, _html: &str) -> String {
        match *self {}
    }
}

#[cfg(all(test, feature = "sanitize"))]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        RawHtml::sanitized().sanitizer().unwrap().clean(html)
    }

    #[test]
    fn keeps_figures_and_allowlisted_embeds() {
        assert_eq!(
            clean(r#"<figure><img src="/a.png" alt="A"><figcaption>Cap</figcaption></figure>"#),
            r#"<figure><img src="/a.png" alt="A"><figcaption>Cap</figcaption></figure>"#
        );
        let embed = clean(
            r#"<iframe src="https://www.youtube-nocookie.com/embed/x" onload="evil()"></iframe>"#,
        );
        assert!(
            embed.contains(r#"src="https://www.youtube-nocookie.com/embed/x""#),
            "{embed}"
        );
        assert!(
            embed.contains("sandbox=") && !embed.contains("onload"),
            "{embed}"
        );
        let other = clean(r#"<iframe src="https://evil.example/"></iframe>"#);
        assert!(!other.contains("evil.example"), "{other}");
    }

    #[test]
    fn drops_scripts_and_script_urls() {
        assert_eq!(clean("<script>alert(1)</script><p>ok</p>"), "<p>ok</p>");
        assert_eq!(
            clean(r#"<a href="javascript:alert(1)">x</a>"#),
            r#"<a rel="noopener noreferrer">x</a>"#
        );
        assert_eq!(clean(r#"<img src=x onerror=alert(1)>"#), r#"<img src="x">"#);
        assert_eq!(
            clean(r#"<img srcset="a.png 1x, javascript:alert(1) 2x">"#),
            "<img>"
        );
        assert_eq!(
            clean(r#"<video poster="javascript:alert(1)"></video>"#),
            "<video></video>"
        );
    }
}
