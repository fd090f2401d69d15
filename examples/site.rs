//! Builds a static site from a folder of articles: a page per article, an index, an Atom
//! feed, a JSON Feed 1.1 and a sitemap.
//!
//! ```text
//! cargo run --example site -- [--base-url URL] INPUT_DIR OUTPUT_DIR
//! ```
//!
//! INPUT_DIR holds `.md` (TOML front matter) and `.json` articles; each becomes
//! `OUTPUT_DIR/<name>.html`. An article that lists no related articles gets the three
//! that share the most tags and its category. The feeds' `content_html` and
//! `content_text` come from dateline's renderers. Bad input stops the build with exit 2.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline::html::{self, HtmlOptions, Page};
use dateline::locale::direction;
use dateline::text::TextOptions;
use dateline::{Article, Limits, RelatedArticle, Url};
use indicatif::{ProgressBar, ProgressStyle};
use maud::{DOCTYPE, PreEscaped, html};

const USAGE: &str = "usage: site [--base-url URL] INPUT_DIR OUTPUT_DIR";

/// An article of the site, with where it is published.
struct Entry {
    slug: String,
    article: Article,
    /// The `<article>` element and the plain text, for the feeds.
    content_html: String,
    content_text: String,
}

fn read_articles(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "json")))
        .collect();
    paths.sort();
    let limits = Limits::default();
    paths
        .iter()
        .map(|path| {
            let bytes =
                std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            let article = if path.extension().is_some_and(|e| e == "json") {
                Article::from_json_slice(&bytes, &limits)
            } else {
                Article::from_markdown_slice(&bytes, &limits)
            };
            let article = article.map_err(|e| format!("{}: {e}", path.display()))?;
            let slug = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Ok(Entry {
                slug,
                article,
                content_html: String::new(),
                content_text: String::new(),
            })
        })
        .collect()
}

/// How related two articles are: two points per shared tag, one for the same category.
fn relatedness(a: &Article, b: &Article) -> usize {
    let shared_tags = a.tags().iter().filter(|t| b.tags().contains(t)).count();
    let same_category = match (a.category(), b.category()) {
        (Some(x), Some(y)) => usize::from(x.name == y.name),
        _ => 0,
    };
    2 * shared_tags + same_category
}

fn related_card(entry: &Entry) -> Result<RelatedArticle, String> {
    let url = Url::parse(&format!("{}.html", entry.slug)).map_err(|e| e.to_string())?;
    Ok(RelatedArticle::of_article(&entry.article, url))
}

/// Adds the three most related articles to each article that lists none.
fn link_related(entries: &mut [Entry]) -> Result<(), String> {
    // Each article's card, made once: its reading time takes a parse of its body.
    let all_cards = entries
        .iter()
        .map(related_card)
        .collect::<Result<Vec<_>, _>>()?;
    let mut additions = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if !entry.article.related().is_empty() {
            continue;
        }
        let mut scored: Vec<(usize, usize)> = entries
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(j, other)| (relatedness(&entry.article, &other.article), j))
            .filter(|(score, _)| *score > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let cards = scored
            .iter()
            .take(3)
            .map(|(_, j)| all_cards[*j].clone())
            .collect::<Vec<_>>();
        if !cards.is_empty() {
            additions.push((i, cards));
        }
    }
    for (i, cards) in additions {
        let builder = cards
            .into_iter()
            .fold(entries[i].article.to_builder(), |b, card| b.related(card));
        entries[i].article = builder
            .build()
            .map_err(|e| format!("{}: {e}", entries[i].slug))?;
    }
    Ok(())
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn date_of(article: &Article) -> String {
    article
        .updated()
        .or(article.published())
        .map_or_else(|| jiff::Timestamp::now().to_string(), |d| d.to_string())
}

/// Newest first, then by name.
fn sort_newest_first(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        let key = |e: &Entry| e.article.published().map(|d| d.timestamp());
        key(b).cmp(&key(a)).then(a.slug.cmp(&b.slug))
    });
}

fn index_page(entries: &[Entry]) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Articles" }
                link rel="alternate" type="application/atom+xml" href="feed.xml" title="Atom feed";
                link rel="alternate" type="application/feed+json" href="feed.json" title="JSON Feed";
                style { (PreEscaped(html::STYLESHEET)) }
            }
            body.dl-page {
                main.dl-main {
                    h1.dl-headline { "Articles" }
                    ul.dl-cards {
                        @for entry in entries {
                            li.dl-card lang=(entry.article.language()) dir=(direction(entry.article.language())) {
                                h2.dl-card-title { a href={ (entry.slug) ".html" } { (entry.article.title()) } }
                                @if let Some(summary) = entry.article.summary() {
                                    p.dl-card-summary { (summary) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

fn atom_feed(entries: &[Entry], base: &str) -> String {
    let updated = entries.first().map_or_else(
        || jiff::Timestamp::now().to_string(),
        |e| date_of(&e.article),
    );
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>Articles</title>\n<id>{base}</id>\n<link href=\"{base}\"/>\n<link rel=\"self\" href=\"{base}feed.xml\"/>\n<updated>{updated}</updated>\n",
        base = xml_escape(base)
    );
    for entry in entries {
        let article = &entry.article;
        let url = xml_escape(&format!("{base}{}.html", entry.slug));
        let content = &entry.content_html;
        xml.push_str(&format!("<entry>\n<title>{}</title>\n<id>{url}</id>\n<link href=\"{url}\"/>\n<updated>{}</updated>\n", xml_escape(article.title()), date_of(article)));
        if let Some(published) = article.published() {
            xml.push_str(&format!("<published>{published}</published>\n"));
        }
        for author in article.authors() {
            xml.push_str(&format!(
                "<author><name>{}</name></author>\n",
                xml_escape(&author.name)
            ));
        }
        if let Some(summary) = article.summary() {
            xml.push_str(&format!("<summary>{}</summary>\n", xml_escape(summary)));
        }
        xml.push_str(&format!(
            "<content type=\"html\">{}</content>\n</entry>\n",
            xml_escape(content)
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

fn json_feed(entries: &[Entry], base: &str) -> String {
    let items: Vec<serde_json::Value> = entries
        .iter()
        .map(|entry| {
            let article = &entry.article;
            let url = format!("{base}{}.html", entry.slug);
            let mut item = serde_json::json!({
                "id": url,
                "url": url,
                "title": article.title(),
                "content_html": entry.content_html,
                "content_text": entry.content_text,
                "language": article.language(),
                "tags": article.tags(),
            });
            if let Some(summary) = article.summary() {
                item["summary"] = summary.into();
            }
            if let Some(published) = article.published() {
                item["date_published"] = published.to_string().into();
            }
            if let Some(updated) = article.updated() {
                item["date_modified"] = updated.to_string().into();
            }
            if !article.authors().is_empty() {
                item["authors"] = article
                    .authors()
                    .iter()
                    .map(|a| serde_json::json!({ "name": a.name }))
                    .collect();
            }
            item
        })
        .collect();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Articles",
        "home_page_url": base,
        "feed_url": format!("{base}feed.json"),
        "items": items,
    });
    serde_json::to_string_pretty(&feed).expect("a JSON value serializes") + "\n"
}

fn sitemap(entries: &[Entry], base: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    xml.push_str(&format!("<url><loc>{}</loc></url>\n", xml_escape(base)));
    for entry in entries {
        xml.push_str(&format!(
            "<url><loc>{}</loc>",
            xml_escape(&format!("{base}{}.html", entry.slug))
        ));
        if let Some(date) = entry.article.updated().or(entry.article.published()) {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn build(input: &Path, output: &Path, base: &str) -> Result<usize, String> {
    let mut entries = read_articles(input)?;
    link_related(&mut entries)?;
    sort_newest_first(&mut entries);
    std::fs::create_dir_all(output)
        .map_err(|e| format!("cannot create `{}`: {e}", output.display()))?;
    let write = |name: &str, content: &str| {
        std::fs::write(output.join(name), content)
            .map_err(|e| format!("cannot write `{name}`: {e}"))
    };
    let progress = ProgressBar::new(entries.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pages {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let (options, text_options) = (HtmlOptions::default(), TextOptions::default());
    for entry in &mut entries {
        progress.set_message(entry.slug.clone());
        // One parse gives the page, and the feeds' `<article>` element and plain text.
        let (page, plain) = Page::with_text(&entry.article, &options, &text_options);
        write(
            &format!("{}.html", entry.slug),
            &page.document().to_string(),
        )?;
        entry.content_html = page.article().to_string();
        entry.content_text = plain;
        progress.inc(1);
    }
    progress.finish_and_clear();
    write("index.html", &index_page(&entries))?;
    write("feed.xml", &atom_feed(&entries, base))?;
    write("feed.json", &json_feed(&entries, base))?;
    write("sitemap.xml", &sitemap(&entries, base))?;
    Ok(entries.len())
}

fn main() -> ExitCode {
    let mut base = "https://example.com/".to_owned();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base-url" => match args.next().map(|b| Url::parse(&b).map(|u| (b, u))) {
                Some(Ok((b, url))) if url.is_absolute() => {
                    base = if b.ends_with('/') { b } else { b + "/" }
                }
                _ => {
                    eprintln!("error: `--base-url` needs an absolute http or https URL\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            flag if flag.starts_with('-') => {
                eprintln!("error: unknown option `{flag}`\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let [input, output] = match <[PathBuf; 2]>::try_from(paths) {
        Ok(paths) => paths,
        Err(_) => {
            eprintln!("error: INPUT_DIR and OUTPUT_DIR are required\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match build(&input, &output, &base) {
        Ok(count) => {
            eprintln!(
                "built {count} pages, an index, feed.xml, feed.json and sitemap.xml in {}",
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
