//! The site example, building a folder of articles into pages, an index, feeds and a
//! sitemap.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn build(input: &Path, output: &Path) -> Output {
    Command::new(common::example("site"))
        .args(["--base-url", "https://news.example/"])
        .arg(input)
        .arg(output)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the site example runs")
}

fn write_article(dir: &Path, slug: &str, tags: &[&str], category: &str, day: u32) {
    let json = serde_json::json!({
        "title": format!("Article {slug}"),
        "summary": format!("About {slug}."),
        "body": format!("The body of article {slug}, with a [link](https://example.com/{slug})."),
        "tags": tags,
        "category": category,
        "published": format!("2026-01-{day:02}T09:00:00+09:00"),
    });
    std::fs::write(dir.join(format!("{slug}.json")), json.to_string()).unwrap();
}

#[track_caller]
fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn builds_pages_index_feeds_and_sitemap_with_related_articles() {
    let input = temp_dir("in");
    let output = temp_dir("out");
    write_article(&input, "a", &["x", "y"], "Politics", 4);
    write_article(&input, "b", &["x"], "Politics", 3);
    write_article(&input, "c", &["y"], "Economy", 2);
    write_article(&input, "d", &["z"], "Sports", 1);
    let out = build(&input, &output);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Related articles come from shared tags (two points each) and category (one).
    let a = read(output.join("a.html"));
    let cards: Vec<&str> = a
        .match_indices("<h3 class=\"dl-card-title\"><a href=\"")
        .map(|(i, m)| &a[i + m.len()..i + m.len() + 6])
        .collect();
    assert_eq!(cards, ["b.html", "c.html"]);
    assert!(
        !read(output.join("d.html")).contains("<section class=\"dl-related\""),
        "nothing shares a tag or category with d"
    );

    let index = read(output.join("index.html"));
    let order: Vec<usize> = ["Article a", "Article b", "Article c", "Article d"]
        .iter()
        .map(|t| index.find(t).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first");

    let atom = read(output.join("feed.xml"));
    assert!(atom.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(atom.matches("<entry>").count(), 4);
    assert!(atom.contains("<id>https://news.example/a.html</id>"));
    assert!(atom.contains("<content type=\"html\">&lt;article class=&quot;dl-article&quot;"));

    let feed: serde_json::Value = serde_json::from_str(&read(output.join("feed.json"))).unwrap();
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    let items = feed["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    for item in items {
        assert!(
            item["content_html"]
                .as_str()
                .unwrap()
                .starts_with("<article class=\"dl-article\"")
        );
        let text = item["content_text"].as_str().unwrap();
        assert!(
            text.contains("with a link [1]")
                && text.contains("References\n[1] https://example.com/"),
            "{text}"
        );
    }

    let sitemap = read(output.join("sitemap.xml"));
    assert_eq!(sitemap.matches("<url>").count(), 5);
    assert!(sitemap.contains("<url><loc>https://news.example/a.html</loc><lastmod>2026-01-04T09:00:00+09:00</lastmod></url>"));

    std::fs::remove_dir_all(&input).unwrap();
    std::fs::remove_dir_all(&output).unwrap();
}

#[test]
fn builds_every_fixture() {
    let output = temp_dir("fixtures");
    let out = build(Path::new("tests/fixtures"), &output);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixtures = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_file())
        .count();
    let pages = std::fs::read_dir(&output)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();
    assert_eq!(pages, fixtures + 1, "a page per fixture and the index");
    // Each card of the index says its article's language and direction, so that Arabic
    // and Hebrew titles are laid out right to left in an index of many languages.
    let index = read(output.join("index.html"));
    for marking in [
        "lang=\"ar\" dir=\"rtl\"",
        "lang=\"he\" dir=\"rtl\"",
        "lang=\"ko\" dir=\"ltr\"",
    ] {
        assert!(index.contains(marking), "{marking}");
    }
    std::fs::remove_dir_all(&output).unwrap();
}

#[test]
fn a_bad_article_stops_the_build_with_exit_2() {
    let input = temp_dir("bad");
    let output = temp_dir("bad-out");
    write_article(&input, "good", &[], "News", 1);
    std::fs::write(
        input.join("bad.json"),
        r#"{"title": "T", "body": "B", "url": "javascript:alert(1)"}"#,
    )
    .unwrap();
    let out = build(&input, &output);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.json: invalid URL in `url`"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&input).unwrap();
    std::fs::remove_dir_all(&output).unwrap();
}
