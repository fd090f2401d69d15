//! Finds what must never be in a page: script that is not our JSON-LD, event handlers,
//! script-capable URLs, and elements that load or run other documents.

use scraper::{Html, Node};

/// Schemes that run script or reach local files, after the browser's own clean-up.
const FORBIDDEN_SCHEMES: &[&str] = &[
    "javascript:",
    "vbscript:",
    "file:",
    "data:",
    "livescript:",
    "mocha:",
];

/// Attributes that hold a URL a browser may load or follow.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "xlink:href",
    "data",
    "background",
    "cite",
    "ping",
];

/// Elements that never belong in a rendered article.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "object", "embed", "applet", "base", "form", "frame", "frameset", "portal", "math", "svg",
    "template", "noscript",
];

/// How a browser reads a URL's scheme: entities are already decoded by the parser; white
/// space and control characters are dropped and case is folded.
fn scheme_view(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

fn forbidden_url(value: &str) -> bool {
    let view = scheme_view(value);
    FORBIDDEN_SCHEMES.iter().any(|s| view.starts_with(s))
}

/// Which iframes may stay: none by default; with sanitized raw HTML, `https` embeds from
/// these hosts.
#[derive(Clone, Copy)]
pub struct Allow<'a> {
    pub iframe_hosts: &'a [&'a str],
}

impl Allow<'_> {
    pub const NOTHING: Allow<'static> = Allow { iframe_hosts: &[] };
}

/// Every forbidden construct in `html`, described; empty when the page is clean.
pub fn forbidden_constructs(html: &str, allow: Allow<'_>) -> Vec<String> {
    let document = Html::parse_document(html);
    let mut found = Vec::new();
    let mut scripts = 0;
    let mut styles = 0;
    for node in document.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name();
        match name {
            "script" => {
                scripts += 1;
                if element.attr("type") != Some("application/ld+json") {
                    found.push(format!("a script that is not JSON-LD: {element:?}"));
                }
            }
            "style" => styles += 1,
            "iframe" => {
                let src = element.attr("src").unwrap_or("");
                let host_ok = url::Url::parse(src).ok().is_some_and(|u| {
                    u.scheme() == "https"
                        && u.host_str()
                            .is_some_and(|h| allow.iframe_hosts.contains(&h))
                });
                if !src.is_empty() && !host_ok {
                    found.push(format!("an iframe from `{src}`"));
                }
            }
            "meta" if element.attr("http-equiv").is_some() => {
                found.push(format!("a meta http-equiv: {element:?}"))
            }
            "link"
                if element
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("import")) =>
            {
                found.push("an HTML import".into());
            }
            _ if FORBIDDEN_ELEMENTS.contains(&name) => found.push(format!("a `{name}` element")),
            _ => {}
        }
        for (attribute, value) in element.attrs() {
            let attribute = attribute.to_ascii_lowercase();
            if attribute.starts_with("on") {
                found.push(format!("an event handler `{attribute}` on `{name}`"));
            }
            if attribute == "style" {
                found.push(format!("a style attribute on `{name}`: `{value}`"));
            }
            if URL_ATTRIBUTES.contains(&attribute.as_str()) {
                let urls: Vec<&str> = if attribute == "srcset" {
                    value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .collect()
                } else {
                    vec![value]
                };
                for url in urls {
                    if forbidden_url(url) {
                        found.push(format!("`{attribute}=\"{url}\"` on `{name}`"));
                    }
                }
            }
        }
    }
    if scripts > 1 {
        found.push(format!("{scripts} script elements, not one"));
    }
    if styles > 1 {
        found.push(format!("{styles} style elements"));
    }
    // The JSON-LD cannot be broken out of, and it stays JSON.
    for script in document.select(&scraper::Selector::parse("script").expect("a valid selector")) {
        let text: String = script.text().collect();
        let lower = text.to_ascii_lowercase();
        if lower.contains("</script")
            || lower.contains("<!--")
            || text.contains('\u{2028}')
            || text.contains('\u{2029}')
        {
            found.push("JSON-LD with `</script`, `<!--`, U+2028 or U+2029 in it".into());
        }
        if serde_json::from_str::<serde_json::Value>(&text).is_err() {
            found.push("JSON-LD that does not parse".into());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_finds_what_it_looks_for() {
        let bad = r#"<!DOCTYPE html><html><head><script>x()</script></head><body>
            <a href="  JaVa&#x0A;ScRiPt:alert(1)">a</a><img src=x onerror=alert(1)>
            <img srcset="ok.png 1x, data:image/svg+xml,x 2x"><iframe src="https://evil.example/"></iframe>
            <object data="x"></object><form action="vbscript:x"></form><p style="color:red">s</p>
            </body></html>"#;
        let found = forbidden_constructs(bad, Allow::NOTHING);
        for expected in [
            "not JSON-LD",
            "href=\"  JaVa\nScRiPt:alert(1)\"",
            "onerror",
            "data:image/svg+xml",
            "iframe from",
            "`object`",
            "vbscript:x",
            "style attribute",
        ] {
            assert!(
                found.iter().any(|f| f.contains(expected)),
                "missed {expected}: {found:#?}"
            );
        }
        let good = r#"<!DOCTYPE html><html><head><script type="application/ld+json">{"a":"\u003c/script\u003e"}</script></head>
            <body><a href="https://example.com/">ok</a></body></html>"#;
        assert!(forbidden_constructs(good, Allow::NOTHING).is_empty());
    }
}
