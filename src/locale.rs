//! Words on the page, per language: labels, notices, dates and plural rules.
//!
//! [`Strings::for_language`] gives the built-in strings for English, Korean, Japanese,
//! Chinese (simplified characters, and traditional ones for `zh-Hant`, `zh-TW`, `zh-HK`
//! and `zh-MO`), Spanish, French, German, Arabic, Portuguese, Italian, Dutch, Russian,
//! Polish and Hebrew (other languages fall back to English;
//! the HTML page then marks those English words with `lang="en"`, so that screen readers
//! voice them as English). Every field is public, so a caller can replace any string.
//!
//! ```
//! use dateline::locale::Strings;
//!
//! let mut strings = Strings::for_language("ko");
//! assert_eq!(strings.reading_time(3), "읽는 데 3분");
//! strings.comments = "Thoughts".into();
//! assert_eq!(Strings::for_language("fr-CA").reading_time(1), "1 min de lecture");
//! ```

use std::borrow::Cow;

use std::fmt::{self, Write as _};

use jiff::civil;

use crate::{ArticleKind, DisclaimerKind};

type Text = Cow<'static, str>;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Plural {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

/// The CLDR cardinal plural category of the whole number `n` in `language` (a BCP 47 tag,
/// in any case).
///
/// The rules are CLDR's for Arabic, Belarusian, Bengali, Chinese, Czech, English, French,
/// German, Hebrew, Hindi, Indonesian, Italian, Japanese, Korean, Malay, Polish, Portuguese
/// (Brazilian for `pt` and `pt-BR`, European for other regions), Russian, Slovak, Spanish,
/// Thai, Ukrainian and Vietnamese; any other language gets `one` for 1 and `other` for the
/// rest, as English and most European languages do.
///
/// ```
/// use dateline::locale::{plural, Plural};
/// assert_eq!(plural("en", 1), Plural::One);
/// assert_eq!(plural("fr", 0), Plural::One);
/// assert_eq!(plural("FR-CA", 0), Plural::One);
/// assert_eq!(plural("pt-BR", 0), Plural::One);
/// assert_eq!(plural("pt-PT", 0), Plural::Other);
/// assert_eq!(plural("pl", 22), Plural::Few);
/// assert_eq!(plural("ar", 3), Plural::Few);
/// assert_eq!(plural("ar", 11), Plural::Many);
/// assert_eq!(plural("ko", 1), Plural::Other);
/// ```
pub fn plural(language: &str, n: u64) -> Plural {
    let primary = primary(language);
    if primary.bytes().any(|b| b.is_ascii_uppercase()) {
        let mut buffer = [0; 8];
        return plural_of(lowercase_primary(primary, &mut buffer), language, n);
    }
    plural_of(primary, language, n)
}

/// [`plural`] for the primary subtag `primary`, in lower case, of `language`.
fn plural_of(primary: &str, language: &str, n: u64) -> Plural {
    match primary {
        "ko" | "ja" | "zh" | "th" | "vi" | "id" | "ms" => Plural::Other,
        // `pt` is Brazilian Portuguese; European Portuguese (`pt-PT`) counts 0 as others.
        "fr" | "hi" | "bn" if n <= 1 => Plural::One,
        "pt" if n <= 1 && !is_european_portuguese(language) => Plural::One,
        "fr" | "es" | "it" | "pt" if n != 0 && n.is_multiple_of(1_000_000) => Plural::Many,
        "he" if n == 2 => Plural::Two,
        "pl" => match (n, n % 10, n % 100) {
            (1, _, _) => Plural::One,
            (_, 2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
            _ => Plural::Many,
        },
        "cs" | "sk" if (2..=4).contains(&n) => Plural::Few,
        "ar" => match (n, n % 100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
        "ru" | "uk" | "be" => match (n % 10, n % 100) {
            (1, r) if r != 11 => Plural::One,
            (2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
            _ => Plural::Many,
        },
        _ if n == 1 => Plural::One,
        _ => Plural::Other,
    }
}

/// A primary language subtag in lower case, written into `buffer`: `zh` for `ZH`; empty
/// when it is longer than a primary subtag can be.
fn lowercase_primary<'b>(primary: &str, buffer: &'b mut [u8; 8]) -> &'b str {
    let primary = primary.as_bytes();
    let Some(lower) = buffer.get_mut(..primary.len()) else {
        return "";
    };
    lower.copy_from_slice(primary);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).unwrap_or("")
}

/// Whether a Portuguese tag names European Portuguese: its region is Portugal, or any
/// region but Brazil (CLDR's `pt_PT` rules hold for Portuguese outside Brazil).
fn is_european_portuguese(language: &str) -> bool {
    region(language).is_some_and(|region| !region.eq_ignore_ascii_case("br"))
}

/// The subtags of a language tag after its primary one, up to any one-character subtag
/// that opens an extension or private use.
fn subtags(language: &str) -> impl Iterator<Item = &str> {
    language
        .split(['-', '_'])
        .skip(1)
        .take_while(|subtag| subtag.len() > 1)
}

/// The region subtag of a language tag, as written: two letters or three digits (`TW` of
/// `zh-Hant-TW`, `419` of `es-419`).
pub(crate) fn region(language: &str) -> Option<&str> {
    subtags(language).find(|s| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The script subtag of a language tag, as written: four letters (`Hant` of `zh-Hant-TW`).
fn script(language: &str) -> Option<&str> {
    subtags(language).find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether the language of a primary subtag sets no spaces between words: Chinese and
/// Japanese.
fn unspaced(primary: &str) -> bool {
    primary.eq_ignore_ascii_case("ja") || primary.eq_ignore_ascii_case("zh")
}

/// The primary language subtag, as written: `zh` for `zh-Hant-TW`.
fn primary(language: &str) -> &str {
    let end = language
        .bytes()
        .position(|b| b == b'-' || b == b'_')
        .unwrap_or(language.len());
    &language[..end]
}

/// A text with a number in it (`{n}`), one form per plural category; a missing form falls
/// back to `other`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PluralText {
    /// For `zero`.
    pub zero: Option<Text>,
    /// For `one`.
    pub one: Option<Text>,
    /// For `two`.
    pub two: Option<Text>,
    /// For `few`.
    pub few: Option<Text>,
    /// For `many`.
    pub many: Option<Text>,
    /// For `other`, and any missing form.
    pub other: Text,
}

impl PluralText {
    /// One form for every number.
    pub fn new(other: impl Into<Text>) -> PluralText {
        PluralText {
            zero: None,
            one: None,
            two: None,
            few: None,
            many: None,
            other: other.into(),
        }
    }

    /// Sets the `one` form.
    pub fn one(mut self, one: impl Into<Text>) -> PluralText {
        self.one = Some(one.into());
        self
    }

    /// The form for `n` in `language`, with `{n}` replaced by `n`.
    pub fn format(&self, language: &str, n: u64) -> String {
        let mut out = String::with_capacity(self.other.len() + 16);
        self.format_into(language, n, &mut out);
        out
    }

    /// [`PluralText::format`], written at the end of `out`.
    pub(crate) fn format_into(&self, language: &str, n: u64, out: &mut String) {
        let form = match plural(language, n) {
            Plural::Zero => self.zero.as_ref(),
            Plural::One => self.one.as_ref(),
            Plural::Two => self.two.as_ref(),
            Plural::Few => self.few.as_ref(),
            Plural::Many => self.many.as_ref(),
            Plural::Other => None,
        };
        fill_into(form.unwrap_or(&self.other), out, |name, out| match name {
            "n" => {
                push_decimal(out, n);
                Ok(())
            }
            _ => Err(fmt::Error),
        });
    }
}

/// The words of the page in one language. Build with [`Strings::for_language`] and
/// change any field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Strings {
    /// The BCP 47 tag these strings are for; chooses plural rules. When its language is
    /// not the article's, the page marks its own words with it (`lang`, and `dir` when
    /// the two go different ways).
    pub language: String,
    /// "{n} min read".
    pub min_read: PluralText,
    /// Label before the source links: "Source", "Sources".
    pub sources: PluralText,
    /// Heading of the related articles: "Related articles".
    pub related: Text,
    /// Heading of the comments: "Comments".
    pub comments: Text,
    /// Shown when there are no comments yet.
    pub no_comments: Text,
    /// Before the publication date: "Published".
    pub published: Text,
    /// Before the update date: "Updated".
    pub updated: Text,
    /// Before the author names: "By".
    pub by: Text,
    /// Between the last two names: "and".
    pub and: Text,
    /// Heading of the table of contents: "Contents".
    pub contents: Text,
    /// Accessible name of the site bar: "Site".
    pub site_navigation: Text,
    /// Accessible name of the notices beside the article: "About this article".
    pub notice: Text,
    /// Content labels, one per [`ArticleKind`], in [`ArticleKind::ALL`] order.
    pub kinds: Vec<Text>,
    /// The label of an AI-generated article; `{kind}` is the kind's label: "AI {kind}".
    pub ai_generated_label: Text,
    /// The label of an AI-assisted article: "{kind} · AI-assisted".
    pub ai_assisted_label: Text,
    /// Default notice texts, one per [`DisclaimerKind`] in [`DisclaimerKind::ALL`] order;
    /// empty for kinds that need their own text (correction, notice).
    pub notices: Vec<Text>,
    /// Month names, January first, as used in `date_pattern`.
    pub months: [Text; 12],
    /// How a date is written: `{year}`, `{month}` (number), `{month_name}`, `{day}`.
    pub date_pattern: Text,
    /// How a time of day is written: `{hour}` (0 to 23) and `{minute}` (two digits).
    pub time_pattern: Text,
    /// What follows a label such as "Sources": ": ", or "：" in Chinese and Japanese.
    pub colon: Text,
    /// Heading of the list of link URLs in plain text: "References".
    pub references: Text,
    /// The word before an image's alt text in plain text: "Image".
    pub image: Text,
    /// Accessible name of the link from a footnote back to where it is referenced;
    /// `{n}` is the footnote's number, with `-2`, `-3` and so on for its later
    /// references: "Back to reference {n}". Keep `{n}` apart from the letters after it:
    /// a later link shows its number, and its name must hold that number as a word.
    pub back_to_reference: Text,
}

macro_rules! texts {
    ($($s:expr),* $(,)?) => { vec![$(Cow::Borrowed($s)),*] };
}

fn months(names: [&'static str; 12]) -> [Text; 12] {
    names.map(Cow::Borrowed)
}

const NUMERIC_MONTHS: [&str; 12] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

/// Writes `pattern` at the end of `out` with each `{name}` that `value` knows replaced by
/// its value, in one pass; other braces stay as they are.
fn fill_into(
    pattern: &str,
    out: &mut String,
    mut value: impl FnMut(&str, &mut String) -> fmt::Result,
) {
    let mut rest = pattern;
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after
            .bytes()
            .position(|b| b == b'}')
            .map(|close| &after[..close]);
        let start = out.len();
        match name {
            Some(name) if value(name, out).is_ok() => rest = &after[name.len() + 1..],
            _ => {
                out.truncate(start);
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// Writes `n` in decimal digits, as `{n}` formats it, without the formatting machinery.
pub(crate) fn push_decimal(out: &mut String, n: u64) {
    const ASCII: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
    push_digits(out, n, &ASCII);
}

/// Writes `n` in decimal with `digits` for 0 to 9, most significant first.
pub(crate) fn push_digits(out: &mut String, mut n: u64, digits: &[char; 10]) {
    let mut places = [0u8; 20];
    let mut start = places.len();
    loop {
        start -= 1;
        places[start] = (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &places[start..] {
        out.push(digits[usize::from(d)]);
    }
}

/// The languages with built-in strings, by primary subtag, and `zh-Hant` for Chinese in
/// traditional characters (`zh` is Chinese in simplified characters).
const BUILT_IN: [&str; 15] = [
    "en", "ko", "ja", "zh", "es", "fr", "de", "ar", "pt", "it", "nl", "ru", "pl", "he", "zh-Hant",
];

/// Where `language` (a BCP 47 tag) is in [`BUILT_IN`]; none for a language without
/// built-in strings, which gets English words.
fn built_in(language: &str) -> Option<usize> {
    let primary = primary(language);
    if primary.eq_ignore_ascii_case("zh") && traditional_chinese(language) {
        return BUILT_IN.iter().position(|b| *b == "zh-Hant");
    }
    BUILT_IN
        .iter()
        .position(|b| b.eq_ignore_ascii_case(primary))
}

/// Whether a Chinese tag asks for traditional characters: its script is `Hant`, or it names
/// no script and its region is Taiwan, Hong Kong or Macao, where traditional characters
/// are the likely script (CLDR's likely subtags).
fn traditional_chinese(language: &str) -> bool {
    match script(language) {
        Some(script) => script.eq_ignore_ascii_case("hant"),
        None => region(language)
            .is_some_and(|r| ["tw", "hk", "mo"].iter().any(|t| r.eq_ignore_ascii_case(t))),
    }
}

impl Strings {
    /// The built-in strings for `language`, made once per process for each language with
    /// built-in strings (they depend only on its primary subtag, and for Chinese on its
    /// script); the English ones for any other language.
    pub(crate) fn shared(language: &str) -> &'static Strings {
        use std::sync::LazyLock;
        static SHARED: [LazyLock<Strings>; BUILT_IN.len()] = [
            LazyLock::new(|| Strings::for_language(BUILT_IN[0])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[1])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[2])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[3])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[4])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[5])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[6])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[7])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[8])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[9])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[10])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[11])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[12])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[13])),
            LazyLock::new(|| Strings::for_language(BUILT_IN[14])),
        ];
        &SHARED[built_in(language).unwrap_or(0)]
    }

    /// The built-in strings for `language` (a BCP 47 tag), with `language` as their
    /// [`Strings::language`]; the English ones, with `en`, for a language without built-in
    /// strings. To translate those, change the fields and set `language` too: it chooses
    /// the plural rules and tells the page what language its words are in.
    ///
    /// ```
    /// use dateline::locale::Strings;
    /// assert_eq!(Strings::for_language("fr-CA").language, "fr-CA");
    /// assert_eq!(Strings::for_language("id-ID").language, "en");
    /// // Chinese in traditional characters, by script or by region.
    /// assert_eq!(Strings::for_language("zh-Hant").reading_time(3), "閱讀時間 3 分鐘");
    /// assert_eq!(Strings::for_language("zh-TW").reading_time(3), "閱讀時間 3 分鐘");
    /// assert_eq!(Strings::for_language("zh-CN").reading_time(3), "阅读时间 3 分钟");
    /// ```
    pub fn for_language(language: &str) -> Strings {
        let mut s = Strings::english();
        let built_in = built_in(language);
        if built_in.is_some() {
            s.language = language.to_owned();
        }
        match built_in.map(|i| BUILT_IN[i]) {
            Some("ko") => {
                s.references = "참고 링크".into();
                s.back_to_reference = "본문의 참조 {n} 위치로 돌아가기".into();
                s.image = "이미지".into();
                s.min_read = PluralText::new("읽는 데 {n}분");
                s.sources = PluralText::new("출처");
                s.related = "관련 기사".into();
                s.comments = "댓글".into();
                s.no_comments = "아직 댓글이 없습니다.".into();
                s.published = "입력".into();
                s.updated = "수정".into();
                s.by = "글".into();
                s.and = "및".into();
                s.contents = "목차".into();
                s.site_navigation = "사이트".into();
                s.notice = "이 기사에 대하여".into();
                s.kinds = texts![
                    "뉴스",
                    "분석",
                    "오피니언",
                    "사설",
                    "해설",
                    "리뷰",
                    "인터뷰",
                    "기획",
                    "팩트체크",
                    "부고"
                ];
                s.ai_generated_label = "AI {kind}".into();
                s.ai_assisted_label = "{kind} · AI 지원".into();
                s.notices = texts![
                    "이 기사는 아래 출처를 바탕으로 AI가 작성했습니다. 오류가 있을 수 있으니 원문 출처를 함께 확인해 주세요.",
                    "이 기사는 AI 도구의 도움을 받아 작성되었으며 편집자가 검토했습니다.",
                    "이 콘텐츠는 광고주의 후원으로 제작되었습니다.",
                    "이 글은 필자의 의견이며 본지의 입장과 다를 수 있습니다.",
                    "",
                    "",
                ];
                s.months = months(NUMERIC_MONTHS);
                s.date_pattern = "{year}년 {month}월 {day}일".into();
            }
            Some("ja") => {
                s.references = "リンク".into();
                s.back_to_reference = "本文の参照 {n} に戻る".into();
                s.image = "画像".into();
                s.min_read = PluralText::new("{n}分で読めます");
                s.sources = PluralText::new("出典");
                s.related = "関連記事".into();
                s.comments = "コメント".into();
                s.no_comments = "まだコメントはありません。".into();
                s.published = "公開".into();
                s.updated = "更新".into();
                s.by = "筆者".into();
                s.and = "、".into();
                s.contents = "目次".into();
                s.site_navigation = "サイト".into();
                s.notice = "この記事について".into();
                s.kinds = texts![
                    "ニュース",
                    "分析",
                    "オピニオン",
                    "社説",
                    "解説",
                    "レビュー",
                    "インタビュー",
                    "特集",
                    "ファクトチェック",
                    "訃報"
                ];
                s.ai_generated_label = "AI{kind}".into();
                s.ai_assisted_label = "{kind}・AI支援".into();
                s.notices = texts![
                    "この記事は、下記の情報源をもとにAIが作成しました。誤りを含む可能性があるため、元の情報源もご確認ください。",
                    "この記事はAIツールの支援を受けて執筆され、編集者が確認しました。",
                    "このコンテンツは広告主の提供によるものです。",
                    "この記事は筆者の意見であり、編集部の見解ではありません。",
                    "",
                    "",
                ];
                s.months = months(NUMERIC_MONTHS);
                s.date_pattern = "{year}年{month}月{day}日".into();
                s.colon = "：".into();
            }
            Some("zh") => {
                s.references = "链接".into();
                s.back_to_reference = "返回正文引用 {n}".into();
                s.image = "图片".into();
                s.min_read = PluralText::new("阅读时间 {n} 分钟");
                s.sources = PluralText::new("来源");
                s.related = "相关文章".into();
                s.comments = "评论".into();
                s.no_comments = "暂无评论。".into();
                s.published = "发布".into();
                s.updated = "更新".into();
                s.by = "作者".into();
                s.and = "和".into();
                s.contents = "目录".into();
                s.site_navigation = "网站".into();
                s.notice = "关于本文".into();
                s.kinds = texts![
                    "新闻",
                    "分析",
                    "观点",
                    "社论",
                    "解读",
                    "评论",
                    "访谈",
                    "专题",
                    "事实核查",
                    "讣告"
                ];
                s.ai_generated_label = "AI{kind}".into();
                s.ai_assisted_label = "{kind}·AI辅助".into();
                s.notices = texts![
                    "本文由人工智能根据下列来源生成，可能存在错误，请以原始来源为准。",
                    "本文在人工智能工具的辅助下写成，并经编辑审核。",
                    "本内容由广告客户赞助。",
                    "本文仅代表作者个人观点。",
                    "",
                    "",
                ];
                s.months = months(NUMERIC_MONTHS);
                s.date_pattern = "{year}年{month}月{day}日".into();
                s.colon = "：".into();
            }
            Some("es") => {
                s.references = "Referencias".into();
                s.back_to_reference = "Volver a la referencia {n}".into();
                s.image = "Imagen".into();
                s.min_read = PluralText::new("{n} min de lectura");
                s.sources = PluralText::new("Fuentes").one("Fuente");
                s.related = "Artículos relacionados".into();
                s.comments = "Comentarios".into();
                s.no_comments = "Todavía no hay comentarios.".into();
                s.published = "Publicado".into();
                s.updated = "Actualizado".into();
                s.by = "Por".into();
                s.and = "y".into();
                s.contents = "Contenido".into();
                s.site_navigation = "Sitio".into();
                s.notice = "Sobre este artículo".into();
                s.kinds = texts![
                    "Noticia",
                    "Análisis",
                    "Opinión",
                    "Editorial",
                    "Explicativo",
                    "Reseña",
                    "Entrevista",
                    "Reportaje",
                    "Verificación",
                    "Obituario"
                ];
                s.ai_generated_label = "{kind} IA".into();
                s.ai_assisted_label = "{kind} · asistido por IA".into();
                s.notices = texts![
                    "Este artículo fue generado por IA a partir de las fuentes indicadas. Puede contener errores; consulte las fuentes originales antes de darlo por cierto.",
                    "Este artículo se escribió con ayuda de herramientas de IA y fue revisado por la redacción.",
                    "Este contenido fue pagado por un anunciante.",
                    "Este es un artículo de opinión; refleja el punto de vista de su autor.",
                    "",
                    "",
                ];
                s.months = months([
                    "enero",
                    "febrero",
                    "marzo",
                    "abril",
                    "mayo",
                    "junio",
                    "julio",
                    "agosto",
                    "septiembre",
                    "octubre",
                    "noviembre",
                    "diciembre",
                ]);
                s.date_pattern = "{day} de {month_name} de {year}".into();
            }
            Some("fr") => {
                s.references = "Références".into();
                s.back_to_reference = "Retour à la référence {n}".into();
                s.image = "Image".into();
                s.min_read = PluralText::new("{n} min de lecture");
                s.sources = PluralText::new("Sources").one("Source");
                s.related = "Articles liés".into();
                s.comments = "Commentaires".into();
                s.no_comments = "Aucun commentaire pour l’instant.".into();
                s.published = "Publié le".into();
                s.updated = "Mis à jour le".into();
                s.by = "Par".into();
                s.and = "et".into();
                s.contents = "Sommaire".into();
                s.site_navigation = "Site".into();
                s.notice = "À propos de cet article".into();
                s.kinds = texts![
                    "Actualité",
                    "Analyse",
                    "Opinion",
                    "Éditorial",
                    "Décryptage",
                    "Critique",
                    "Entretien",
                    "Reportage",
                    "Vérification",
                    "Nécrologie"
                ];
                s.ai_generated_label = "{kind} IA".into();
                s.ai_assisted_label = "{kind} · assisté par IA".into();
                s.notices = texts![
                    "Cet article a été généré par une IA à partir des sources indiquées. Il peut contenir des erreurs : vérifiez les sources d’origine avant de vous y fier.",
                    "Cet article a été rédigé avec l’aide d’outils d’IA et relu par la rédaction.",
                    "Ce contenu a été financé par un annonceur.",
                    "Cet article est une tribune : il n’engage que son auteur.",
                    "",
                    "",
                ];
                s.months = months([
                    "janvier",
                    "février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "décembre",
                ]);
                s.date_pattern = "{day} {month_name} {year}".into();
                s.time_pattern = "{hour} h {minute}".into();
                s.colon = "\u{a0}: ".into();
            }
            Some("de") => {
                s.references = "Verweise".into();
                s.back_to_reference = "Zurück zum Verweis {n}".into();
                s.image = "Bild".into();
                s.min_read = PluralText::new("{n} Min. Lesezeit");
                s.sources = PluralText::new("Quellen").one("Quelle");
                s.related = "Verwandte Artikel".into();
                s.comments = "Kommentare".into();
                s.no_comments = "Noch keine Kommentare.".into();
                s.published = "Veröffentlicht".into();
                s.updated = "Aktualisiert".into();
                s.by = "Von".into();
                s.and = "und".into();
                s.contents = "Inhalt".into();
                s.site_navigation = "Website".into();
                s.notice = "Über diesen Artikel".into();
                s.kinds = texts![
                    "Nachricht",
                    "Analyse",
                    "Meinung",
                    "Leitartikel",
                    "Erklärstück",
                    "Rezension",
                    "Interview",
                    "Reportage",
                    "Faktencheck",
                    "Nachruf"
                ];
                s.ai_generated_label = "KI-{kind}".into();
                s.ai_assisted_label = "{kind} · KI-gestützt".into();
                s.notices = texts![
                    "Dieser Artikel wurde von einer KI auf Grundlage der genannten Quellen erstellt. Er kann Fehler enthalten; prüfen Sie bitte die Originalquellen.",
                    "Dieser Artikel entstand mit Hilfe von KI-Werkzeugen und wurde von der Redaktion geprüft.",
                    "Dieser Inhalt wurde von einem Werbepartner bezahlt.",
                    "Dies ist ein Meinungsbeitrag; er gibt die Ansicht des Autors wieder.",
                    "",
                    "",
                ];
                s.months = months([
                    "Januar",
                    "Februar",
                    "März",
                    "April",
                    "Mai",
                    "Juni",
                    "Juli",
                    "August",
                    "September",
                    "Oktober",
                    "November",
                    "Dezember",
                ]);
                s.date_pattern = "{day}. {month_name} {year}".into();
                s.time_pattern = "{hour}:{minute} Uhr".into();
            }
            Some("ar") => {
                s.references = "المراجع".into();
                s.back_to_reference = "العودة إلى الإحالة {n}".into();
                s.image = "صورة".into();
                s.min_read = PluralText {
                    zero: Some("أقل من دقيقة للقراءة".into()),
                    one: Some("دقيقة واحدة للقراءة".into()),
                    two: Some("دقيقتان للقراءة".into()),
                    few: Some("{n} دقائق للقراءة".into()),
                    many: Some("{n} دقيقة للقراءة".into()),
                    other: "{n} دقيقة للقراءة".into(),
                };
                s.sources = PluralText::new("المصادر").one("المصدر");
                s.related = "مقالات ذات صلة".into();
                s.comments = "التعليقات".into();
                s.no_comments = "لا توجد تعليقات بعد.".into();
                s.published = "نُشر في".into();
                s.updated = "حُدّث في".into();
                s.by = "بقلم".into();
                s.and = "و".into();
                s.contents = "المحتويات".into();
                s.site_navigation = "الموقع".into();
                s.notice = "حول هذا المقال".into();
                s.kinds = texts![
                    "خبر",
                    "تحليل",
                    "رأي",
                    "افتتاحية",
                    "شرح",
                    "مراجعة",
                    "مقابلة",
                    "تقرير",
                    "تدقيق",
                    "نعي"
                ];
                s.ai_generated_label = "{kind} بالذكاء الاصطناعي".into();
                s.ai_assisted_label = "{kind} · بمساعدة الذكاء الاصطناعي".into();
                s.notices = texts![
                    "أُنشئ هذا المقال بالذكاء الاصطناعي استنادًا إلى المصادر المذكورة. قد يحتوي على أخطاء، لذا يُرجى الرجوع إلى المصادر الأصلية.",
                    "كُتب هذا المقال بمساعدة أدوات الذكاء الاصطناعي وراجعه المحررون.",
                    "هذا المحتوى مدفوع من جهة معلنة.",
                    "هذا مقال رأي يعبّر عن وجهة نظر كاتبه.",
                    "",
                    "",
                ];
                s.months = months([
                    "يناير",
                    "فبراير",
                    "مارس",
                    "أبريل",
                    "مايو",
                    "يونيو",
                    "يوليو",
                    "أغسطس",
                    "سبتمبر",
                    "أكتوبر",
                    "نوفمبر",
                    "ديسمبر",
                ]);
                s.date_pattern = "{day} {month_name} {year}".into();
            }
            Some("pt") => {
                s.references = "Referências".into();
                s.back_to_reference = "Voltar à referência {n}".into();
                s.image = "Imagem".into();
                s.min_read = PluralText::new("{n} min de leitura");
                s.sources = PluralText::new("Fontes").one("Fonte");
                s.related = "Artigos relacionados".into();
                s.comments = "Comentários".into();
                s.no_comments = "Ainda não há comentários.".into();
                s.published = "Publicado".into();
                s.updated = "Atualizado".into();
                s.by = "Por".into();
                s.and = "e".into();
                s.contents = "Índice".into();
                s.site_navigation = "Site".into();
                s.notice = "Sobre este artigo".into();
                s.kinds = texts![
                    "Notícia",
                    "Análise",
                    "Opinião",
                    "Editorial",
                    "Explicador",
                    "Crítica",
                    "Entrevista",
                    "Reportagem",
                    "Verificação",
                    "Obituário"
                ];
                s.ai_generated_label = "{kind} por IA".into();
                s.ai_assisted_label = "{kind} · com apoio de IA".into();
                s.notices = texts![
                    "Este artigo foi gerado por IA a partir das fontes indicadas. Pode conter erros: confira as fontes originais antes de confiar nele.",
                    "Este artigo foi escrito com a ajuda de ferramentas de IA e revisado pela redação.",
                    "Este conteúdo foi pago por um anunciante.",
                    "Este é um artigo de opinião. As opiniões são do autor.",
                    "",
                    "",
                ];
                s.months = months([
                    "janeiro",
                    "fevereiro",
                    "março",
                    "abril",
                    "maio",
                    "junho",
                    "julho",
                    "agosto",
                    "setembro",
                    "outubro",
                    "novembro",
                    "dezembro",
                ]);
                s.date_pattern = "{day} de {month_name} de {year}".into();
                s.time_pattern = "{hour}h{minute}".into();
            }
            Some("it") => {
                s.references = "Riferimenti".into();
                s.back_to_reference = "Torna al riferimento {n}".into();
                s.image = "Immagine".into();
                s.min_read = PluralText::new("{n} min di lettura");
                s.sources = PluralText::new("Fonti").one("Fonte");
                s.related = "Articoli correlati".into();
                s.comments = "Commenti".into();
                s.no_comments = "Ancora nessun commento.".into();
                s.published = "Pubblicato".into();
                s.updated = "Aggiornato".into();
                s.by = "Di".into();
                s.and = "e".into();
                s.contents = "Indice".into();
                s.site_navigation = "Sito".into();
                s.notice = "Informazioni su questo articolo".into();
                s.kinds = texts![
                    "Notizia",
                    "Analisi",
                    "Opinione",
                    "Editoriale",
                    "Approfondimento",
                    "Recensione",
                    "Intervista",
                    "Reportage",
                    "Fact-checking",
                    "Necrologio"
                ];
                s.ai_generated_label = "{kind} IA".into();
                s.ai_assisted_label = "{kind} · con l’aiuto dell’IA".into();
                s.notices = texts![
                    "Questo articolo è stato generato dall’IA a partire dalle fonti indicate. Può contenere errori: verifica le fonti originali prima di farvi affidamento.",
                    "Questo articolo è stato scritto con l’aiuto di strumenti di IA e controllato dalla redazione.",
                    "Questo contenuto è stato pagato da un inserzionista.",
                    "Questo è un articolo d’opinione: le idee espresse sono dell’autore.",
                    "",
                    "",
                ];
                s.months = months([
                    "gennaio",
                    "febbraio",
                    "marzo",
                    "aprile",
                    "maggio",
                    "giugno",
                    "luglio",
                    "agosto",
                    "settembre",
                    "ottobre",
                    "novembre",
                    "dicembre",
                ]);
                s.date_pattern = "{day} {month_name} {year}".into();
            }
            Some("nl") => {
                s.references = "Verwijzingen".into();
                s.back_to_reference = "Terug naar verwijzing {n}".into();
                s.image = "Afbeelding".into();
                s.min_read = PluralText::new("{n} min leestijd");
                s.sources = PluralText::new("Bronnen").one("Bron");
                s.related = "Gerelateerde artikelen".into();
                s.comments = "Reacties".into();
                s.no_comments = "Nog geen reacties.".into();
                s.published = "Gepubliceerd".into();
                s.updated = "Bijgewerkt".into();
                s.by = "Door".into();
                s.and = "en".into();
                s.contents = "Inhoud".into();
                s.site_navigation = "Website".into();
                s.notice = "Over dit artikel".into();
                s.kinds = texts![
                    "Nieuws",
                    "Analyse",
                    "Opinie",
                    "Redactioneel",
                    "Uitleg",
                    "Recensie",
                    "Interview",
                    "Reportage",
                    "Factcheck",
                    "In memoriam"
                ];
                s.ai_generated_label = "{kind} door AI".into();
                s.ai_assisted_label = "{kind} · met hulp van AI".into();
                s.notices = texts![
                    "Dit artikel is door AI gemaakt op basis van de vermelde bronnen. Het kan fouten bevatten: raadpleeg de oorspronkelijke bronnen voordat u erop vertrouwt.",
                    "Dit artikel is geschreven met hulp van AI-hulpmiddelen en gecontroleerd door de redactie.",
                    "Deze inhoud is betaald door een adverteerder.",
                    "Dit is een opiniestuk. De standpunten zijn die van de auteur.",
                    "",
                    "",
                ];
                s.months = months([
                    "januari",
                    "februari",
                    "maart",
                    "april",
                    "mei",
                    "juni",
                    "juli",
                    "augustus",
                    "september",
                    "oktober",
                    "november",
                    "december",
                ]);
                s.date_pattern = "{day} {month_name} {year}".into();
            }
            Some("ru") => {
                s.references = "Ссылки".into();
                s.back_to_reference = "Вернуться к ссылке {n}".into();
                s.image = "Изображение".into();
                s.min_read = PluralText::new("{n} мин чтения");
                s.sources = PluralText::new("Источники").one("Источник");
                s.related = "Читайте также".into();
                s.comments = "Комментарии".into();
                s.no_comments = "Комментариев пока нет.".into();
                s.published = "Опубликовано".into();
                s.updated = "Обновлено".into();
                s.by = "Текст:".into();
                s.and = "и".into();
                s.contents = "Содержание".into();
                s.site_navigation = "Сайт".into();
                s.notice = "Об этой статье".into();
                s.kinds = texts![
                    "Новости",
                    "Анализ",
                    "Мнение",
                    "Колонка редакции",
                    "Разбор",
                    "Рецензия",
                    "Интервью",
                    "Репортаж",
                    "Проверка фактов",
                    "Некролог"
                ];
                s.ai_generated_label = "{kind} от ИИ".into();
                s.ai_assisted_label = "{kind} · с помощью ИИ".into();
                s.notices = texts![
                    "Эта статья создана искусственным интеллектом на основе указанных источников. В ней могут быть ошибки, поэтому сверяйтесь с первоисточниками.",
                    "Эта статья написана с помощью инструментов ИИ и проверена редакцией.",
                    "Этот материал оплачен рекламодателем.",
                    "Это авторская колонка. Мнение автора может не совпадать с позицией редакции.",
                    "",
                    "",
                ];
                s.months = months([
                    "января",
                    "февраля",
                    "марта",
                    "апреля",
                    "мая",
                    "июня",
                    "июля",
                    "августа",
                    "сентября",
                    "октября",
                    "ноября",
                    "декабря",
                ]);
                s.date_pattern = "{day} {month_name} {year}".into();
            }
            Some("pl") => {
                s.references = "Odnośniki".into();
                s.back_to_reference = "Wróć do odnośnika {n}".into();
                s.image = "Obraz".into();
                s.min_read = PluralText::new("{n} min czytania");
                s.sources = PluralText::new("Źródła").one("Źródło");
                s.related = "Powiązane artykuły".into();
                s.comments = "Komentarze".into();
                s.no_comments = "Nie ma jeszcze komentarzy.".into();
                s.published = "Opublikowano".into();
                s.updated = "Zaktualizowano".into();
                s.by = "Tekst:".into();
                s.and = "i".into();
                s.contents = "Spis treści".into();
                s.site_navigation = "Serwis".into();
                s.notice = "O tym artykule".into();
                s.kinds = texts![
                    "Wiadomości",
                    "Analiza",
                    "Opinia",
                    "Komentarz redakcji",
                    "Wyjaśniamy",
                    "Recenzja",
                    "Wywiad",
                    "Reportaż",
                    "Weryfikacja faktów",
                    "Nekrolog"
                ];
                s.ai_generated_label = "{kind} AI".into();
                s.ai_assisted_label = "{kind} · z pomocą AI".into();
                s.notices = texts![
                    "Ten artykuł został wygenerowany przez AI na podstawie podanych źródeł. Może zawierać błędy, dlatego przed skorzystaniem z niego sprawdź oryginalne źródła.",
                    "Ten artykuł powstał z pomocą narzędzi AI i został sprawdzony przez redakcję.",
                    "Ten materiał został opłacony przez reklamodawcę.",
                    "To jest tekst publicystyczny. Wyraża poglądy autora.",
                    "",
                    "",
                ];
                s.months = months([
                    "stycznia",
                    "lutego",
                    "marca",
                    "kwietnia",
                    "maja",
                    "czerwca",
                    "lipca",
                    "sierpnia",
                    "września",
                    "października",
                    "listopada",
                    "grudnia",
                ]);
                s.date_pattern = "{day} {month_name} {year}".into();
            }
            Some("he") => {
                s.references = "קישורים".into();
                s.back_to_reference = "חזרה להפניה {n}".into();
                s.image = "תמונה".into();
                s.min_read = PluralText::new("{n} דקות קריאה").one("דקת קריאה אחת");
                s.sources = PluralText::new("מקורות").one("מקור");
                s.related = "כתבות נוספות".into();
                s.comments = "תגובות".into();
                s.no_comments = "אין עדיין תגובות.".into();
                s.published = "פורסם".into();
                s.updated = "עודכן".into();
                s.by = "מאת".into();
                s.and = "ו".into();
                s.contents = "תוכן העניינים".into();
                s.site_navigation = "אתר".into();
                s.notice = "על כתבה זו".into();
                s.kinds = texts![
                    "חדשות",
                    "ניתוח",
                    "דעה",
                    "מאמר מערכת",
                    "הסבר",
                    "ביקורת",
                    "ראיון",
                    "כתבה",
                    "בדיקת עובדות",
                    "הספד"
                ];
                s.ai_generated_label = "{kind} באמצעות בינה מלאכותית".into();
                s.ai_assisted_label = "{kind} · בסיוע בינה מלאכותית".into();
                s.notices = texts![
                    "כתבה זו נוצרה באמצעות בינה מלאכותית על סמך המקורות המפורטים כאן. ייתכנו בה טעויות, ולכן כדאי לבדוק את המקורות המקוריים לפני שמסתמכים עליה.",
                    "כתבה זו נכתבה בסיוע כלי בינה מלאכותית ונבדקה על ידי המערכת.",
                    "תוכן זה ממומן על ידי מפרסם.",
                    "זהו מאמר דעה. הדעות המובעות בו הן של הכותב בלבד.",
                    "",
                    "",
                ];
                s.months = months([
                    "ינואר",
                    "פברואר",
                    "מרץ",
                    "אפריל",
                    "מאי",
                    "יוני",
                    "יולי",
                    "אוגוסט",
                    "ספטמבר",
                    "אוקטובר",
                    "נובמבר",
                    "דצמבר",
                ]);
                s.date_pattern = "{day} ב{month_name} {year}".into();
            }
            Some("zh-Hant") => {
                s.references = "連結".into();
                s.back_to_reference = "返回正文引用 {n}".into();
                s.image = "圖片".into();
                s.min_read = PluralText::new("閱讀時間 {n} 分鐘");
                s.sources = PluralText::new("來源");
                s.related = "相關文章".into();
                s.comments = "留言".into();
                s.no_comments = "目前還沒有留言。".into();
                s.published = "發布".into();
                s.updated = "更新".into();
                s.by = "作者".into();
                s.and = "與".into();
                s.contents = "目錄".into();
                s.site_navigation = "網站".into();
                s.notice = "關於本文".into();
                s.kinds = texts![
                    "新聞",
                    "分析",
                    "觀點",
                    "社論",
                    "解析",
                    "評論",
                    "專訪",
                    "專題",
                    "事實查核",
                    "訃聞"
                ];
                s.ai_generated_label = "AI{kind}".into();
                s.ai_assisted_label = "{kind}·AI輔助".into();
                s.notices = texts![
                    "本文由人工智慧根據下列來源生成，內容可能有誤，請以原始來源為準。",
                    "本文在人工智慧工具輔助下撰寫，並經編輯審閱。",
                    "本內容由廣告主贊助。",
                    "本文僅代表作者個人觀點。",
                    "",
                    "",
                ];
                s.months = months(NUMERIC_MONTHS);
                s.date_pattern = "{year}年{month}月{day}日".into();
                s.colon = "：".into();
            }
            _ => {}
        }
        s
    }

    fn english() -> Strings {
        Strings {
            language: "en".into(),
            min_read: PluralText::new("{n} min read"),
            sources: PluralText::new("Sources").one("Source"),
            related: "Related articles".into(),
            comments: "Comments".into(),
            no_comments: "No comments yet.".into(),
            published: "Published".into(),
            updated: "Updated".into(),
            by: "By".into(),
            and: "and".into(),
            contents: "Contents".into(),
            site_navigation: "Site".into(),
            notice: "About this article".into(),
            kinds: texts![
                "News",
                "Analysis",
                "Opinion",
                "Editorial",
                "Explainer",
                "Review",
                "Interview",
                "Feature",
                "Fact check",
                "Obituary"
            ],
            ai_generated_label: "AI {kind}".into(),
            ai_assisted_label: "{kind} · AI-assisted".into(),
            notices: texts![
                "This article was generated by AI from the sources listed here. It may contain mistakes, so check the original reporting before relying on it.",
                "This article was written with the help of AI tools and checked by our editors.",
                "This content was paid for by an advertiser.",
                "This is an opinion piece. The views are the author's own.",
                "",
                "",
            ],
            months: months([
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ]),
            date_pattern: "{month_name} {day}, {year}".into(),
            time_pattern: "{hour}:{minute}".into(),
            colon: ": ".into(),
            references: "References".into(),
            image: "Image".into(),
            back_to_reference: "Back to reference {n}".into(),
        }
    }

    /// The reading-time label: "3 min read".
    pub fn reading_time(&self, minutes: u32) -> String {
        self.min_read.format(&self.language, u64::from(minutes))
    }

    /// The label of `kind`.
    pub fn kind(&self, kind: ArticleKind) -> &str {
        let index = ArticleKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0);
        self.kinds.get(index).map_or(kind.as_str(), |s| s.as_ref())
    }

    /// The default text of a notice; empty for kinds that need their own.
    pub fn notice_text(&self, kind: DisclaimerKind) -> &str {
        let index = DisclaimerKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0);
        self.notices.get(index).map_or("", |s| s.as_ref())
    }

    /// A date written the local way: "January 5, 2026", "2026년 1월 5일".
    ///
    /// ```
    /// use dateline::locale::Strings;
    /// let date = jiff::civil::date(2026, 1, 5);
    /// assert_eq!(Strings::for_language("en").date(date), "January 5, 2026");
    /// assert_eq!(Strings::for_language("de").date(date), "5. Januar 2026");
    /// assert_eq!(Strings::for_language("ja").date(date), "2026年1月5日");
    /// ```
    pub fn date(&self, date: civil::Date) -> String {
        let mut out = String::with_capacity(self.date_pattern.len() + 16);
        self.write_date(date, &mut out);
        out
    }

    /// [`Strings::date`], written at the end of `out`.
    pub(crate) fn write_date(&self, date: civil::Date, out: &mut String) {
        let month = usize::try_from(date.month()).unwrap_or(1).clamp(1, 12);
        fill_into(&self.date_pattern, out, |name, out| match name {
            "year" => {
                let year = date.year();
                if year < 0 {
                    out.push('-');
                }
                push_decimal(out, u64::from(year.unsigned_abs()));
                Ok(())
            }
            "month_name" => out.write_str(&self.months[month - 1]),
            "month" => {
                push_decimal(out, month as u64);
                Ok(())
            }
            "day" => {
                push_decimal(out, u64::from(date.day().unsigned_abs()));
                Ok(())
            }
            _ => Err(fmt::Error),
        });
    }

    /// A time of day written the local way: "14:05", "14 h 05".
    ///
    /// ```
    /// use dateline::locale::Strings;
    /// let time = jiff::civil::time(14, 5, 0, 0);
    /// assert_eq!(Strings::for_language("en").time(time), "14:05");
    /// assert_eq!(Strings::for_language("fr").time(time), "14 h 05");
    /// ```
    pub fn time(&self, time: civil::Time) -> String {
        let mut out = String::with_capacity(self.time_pattern.len() + 8);
        self.write_time(time, &mut out);
        out
    }

    /// [`Strings::time`], written at the end of `out`.
    pub(crate) fn write_time(&self, time: civil::Time, out: &mut String) {
        fill_into(&self.time_pattern, out, |name, out| match name {
            "hour" => {
                push_decimal(out, u64::from(time.hour().unsigned_abs()));
                Ok(())
            }
            "minute" => {
                let minute = time.minute().unsigned_abs();
                out.push(char::from(b'0' + minute / 10));
                out.push(char::from(b'0' + minute % 10));
                Ok(())
            }
            _ => Err(fmt::Error),
        });
    }

    /// A label and its value: "Sources: A, B", "出典：A".
    pub fn labelled(&self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.colon)
    }

    /// Names joined the local way: "A", "A and B", "A, B and C".
    pub fn join(&self, names: &[&str]) -> String {
        let mut out = String::new();
        self.write_joined(names.iter().copied(), &mut out);
        out
    }

    /// The accessible name of the link back to the `reference`th reference (from 1) to
    /// footnote `number`, from [`Strings::back_to_reference`], written at the end of
    /// `out`: "Back to reference 2", then "Back to reference 2-2".
    pub(crate) fn write_back_to_reference(&self, number: u32, reference: u32, out: &mut String) {
        fill_into(&self.back_to_reference, out, |name, out| match name {
            "n" => {
                push_decimal(out, u64::from(number));
                if reference > 1 {
                    out.push('-');
                    push_decimal(out, u64::from(reference));
                }
                Ok(())
            }
            _ => Err(fmt::Error),
        });
    }

    /// [`Strings::join`], written at the end of `out`.
    pub(crate) fn write_joined<'n>(
        &self,
        names: impl ExactSizeIterator<Item = &'n str>,
        out: &mut String,
    ) {
        let count = names.len();
        for (i, name) in names.enumerate() {
            self.write_name_separator(i, count, out);
            out.push_str(name);
        }
    }

    /// Writes what goes before the name at `index` of `count` names joined the local way:
    /// nothing before the first, "and" before the last, a comma before the others. The
    /// HTML byline, which links each name, joins them with it too.
    pub(crate) fn write_name_separator(&self, index: usize, count: usize, out: &mut String) {
        if index == 0 {
            return;
        }
        if index + 1 == count {
            // Chinese and Japanese set no space around a word; other languages set one
            // around a word, none around punctuation such as `、`. Arabic and Hebrew write
            // "and" as a one-letter prefix of the next word (`وعلي`, `ורונית`).
            let language = primary(&self.language);
            let unspaced = unspaced(language) || self.and.chars().all(|c| !c.is_alphanumeric());
            let prefix = (language.eq_ignore_ascii_case("ar")
                || language.eq_ignore_ascii_case("he"))
                && self.and.chars().count() == 1;
            let space = if unspaced { "" } else { " " };
            out.push_str(space);
            out.push_str(&self.and);
            if !prefix {
                out.push_str(space);
            }
        } else {
            out.push_str(self.list_separator());
        }
    }

    /// What parts the items of a list, such as the sources: `、` in Chinese and Japanese,
    /// `، ` in Arabic, `, ` in other languages.
    pub(crate) fn list_separator(&self) -> &'static str {
        let language = primary(&self.language);
        if unspaced(language) {
            "、"
        } else if language.eq_ignore_ascii_case("ar") {
            "، "
        } else {
            ", "
        }
    }
}

/// Whether `tag` is a well-formed BCP 47 language tag, loosely: 2 to 8 letters for the
/// language, then alphanumeric subtags of 1 to 8 characters separated by hyphens.
///
/// ```
/// use dateline::locale::is_language_tag;
/// assert!(is_language_tag("zh-Hans-CN") && is_language_tag("es-419"));
/// assert!(!is_language_tag("en_US") && !is_language_tag("e"));
/// ```
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or_default();
    (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether `language` is written right to left.
pub(crate) fn is_rtl(language: &str) -> bool {
    const RTL: [&str; 10] = ["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"];
    let primary = primary(language);
    RTL.iter().any(|rtl| primary.eq_ignore_ascii_case(rtl))
}

/// The direction a language is written in, as an HTML `dir` value: `rtl` for Arabic,
/// Hebrew, Persian, Urdu and the other right-to-left languages, `ltr` for the rest. For a
/// host's own markup around an article, such as a list of articles in many languages.
///
/// ```
/// use dateline::locale::direction;
/// assert_eq!((direction("ar-EG"), direction("he"), direction("en")), ("rtl", "rtl", "ltr"));
/// ```
pub fn direction(language: &str) -> &'static str {
    if is_rtl(language) { "rtl" } else { "ltr" }
}

/// Whether two language tags name the same language: the same primary subtag, in any
/// case (`en` and `en-GB`, `pt-BR` and `PT`).
pub(crate) fn same_language(a: &str, b: &str) -> bool {
    primary(a).eq_ignore_ascii_case(primary(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_are_cldr_ones() {
        use Plural::*;
        let cases: [(&str, [Plural; 8]); 10] = [
            // n = 0, 1, 2, 3, 5, 11, 22, 1_000_000
            ("en", [Other, One, Other, Other, Other, Other, Other, Other]),
            ("fr", [One, One, Other, Other, Other, Other, Other, Many]),
            ("pt", [One, One, Other, Other, Other, Other, Other, Many]),
            (
                "pt-AO",
                [Other, One, Other, Other, Other, Other, Other, Many],
            ),
            ("ru", [Many, One, Few, Few, Many, Many, Few, Many]),
            ("pl", [Many, One, Few, Few, Many, Many, Few, Many]),
            ("cs", [Other, One, Few, Few, Other, Other, Other, Other]),
            ("he", [Other, One, Two, Other, Other, Other, Other, Other]),
            ("ar", [Zero, One, Two, Few, Few, Many, Many, Other]),
            ("hi", [One, One, Other, Other, Other, Other, Other, Other]),
        ];
        for (language, expected) in cases {
            let got = [0, 1, 2, 3, 5, 11, 22, 1_000_000].map(|n| plural(language, n));
            assert_eq!(got, expected, "{language}");
            assert_eq!(
                got,
                [0, 1, 2, 3, 5, 11, 22, 1_000_000].map(|n| plural(&language.to_uppercase(), n)),
                "{language} in capitals"
            );
        }
        assert_eq!(plural("ru", 21), One);
        assert_eq!(plural("pl", 21), Many);
        assert_eq!(plural("pt-br", 0), One);
        assert_eq!(plural("pt-x-pt", 0), One);
        assert_eq!(plural("averylongtag", 1), One);
    }

    #[test]
    fn decimals_are_written_as_formatting_writes_them() {
        let edges = [u64::MAX, u64::MAX / 10, 10u64.pow(19), 10u64.pow(19) - 1];
        for n in (0..100_000).chain(edges) {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn dates_and_times_fill_every_field() {
        let strings = Strings::for_language("en");
        for (h, m) in [(0, 0), (9, 5), (14, 5), (23, 59)] {
            let time = jiff::civil::time(h, m, 0, 0);
            assert_eq!(strings.time(time), format!("{h}:{m:02}"));
        }
        let mut custom = strings.clone();
        custom.date_pattern = "{day}/{month}/{year} {{day}} {unknown} {".into();
        let date = jiff::civil::date(2026, 1, 9);
        assert_eq!(custom.date(date), "9/1/2026 {9} {unknown} {");
        assert_eq!(strings.date(date), "January 9, 2026");
        for year in [-9999, -10, -1, 0, 7, 99, 2026, 9999] {
            let date = jiff::civil::date(year, 12, 31);
            assert_eq!(
                custom.date(date),
                format!("31/12/{year} {{31}} {{unknown}} {{")
            );
        }
    }

    #[test]
    fn every_language_has_every_string() {
        let english = Strings::for_language("en");
        for lang in BUILT_IN {
            let s = Strings::for_language(lang);
            if lang != "en" {
                assert_ne!(s.min_read, english.min_read, "{lang}");
                assert_ne!(s.kinds, english.kinds, "{lang}");
                assert_ne!(s.notices, english.notices, "{lang}");
            }
            assert_eq!(s.kinds.len(), ArticleKind::ALL.len(), "{lang}");
            assert_eq!(s.notices.len(), DisclaimerKind::ALL.len(), "{lang}");
            assert!(
                !s.notice_text(DisclaimerKind::AiGenerated).is_empty(),
                "{lang}"
            );
        }
    }

    #[test]
    fn joins_names() {
        let en = Strings::for_language("en");
        assert_eq!(en.join(&["A", "B", "C"]), "A, B and C");
        assert_eq!(Strings::for_language("ja").join(&["A", "B"]), "A、B");
        assert_eq!(
            Strings::for_language("ZH-TW").join(&["甲", "乙", "丙"]),
            "甲、乙與丙"
        );
        assert_eq!(Strings::for_language("JA").list_separator(), "、");
        assert_eq!(Strings::for_language("ar-EG").list_separator(), "، ");
        assert_eq!(Strings::for_language("ko").list_separator(), ", ");
        // "And" as a prefix of the last name, in Arabic and Hebrew.
        assert_eq!(
            Strings::for_language("ar").join(&["أحمد", "محمد", "علي"]),
            "أحمد، محمد وعلي"
        );
        assert_eq!(
            Strings::for_language("he-IL").join(&["דני", "רונית"]),
            "דני ורונית"
        );
        let mut spelled = Strings::for_language("he");
        spelled.and = "וגם".into();
        assert_eq!(spelled.join(&["דני", "רונית"]), "דני וגם רונית");
        assert_eq!(en.join(&["A", "B"]), "A and B");
        assert_eq!(en.join(&["A"]), "A");
        assert_eq!(en.join(&[]), "");
        let ar = Strings::for_language("ar");
        assert_eq!(ar.join(&["A", "B", "C"]), format!("A، B {}C", ar.and));
        let zh = Strings::for_language("zh");
        assert_eq!(zh.join(&["A", "B", "C"]), "A、B和C");
    }

    #[test]
    fn right_to_left_languages() {
        assert!(is_rtl("ar") && is_rtl("he-IL") && is_rtl("fa") && is_rtl("ur"));
        assert!(!is_rtl("en") && !is_rtl("ko"));
        assert!(is_rtl("AR") && is_rtl("Ckb-IQ") && is_rtl("he_IL"));
        assert_eq!((direction("he-IL"), direction("en")), ("rtl", "ltr"));
        assert!(same_language("en", "EN-gb") && same_language("pt_BR", "pt"));
        assert!(!same_language("en", "eng") && !same_language("zh", "ja"));
        assert!(!is_rtl("ara") && !is_rtl("") && !is_rtl("-ar"));
    }

    #[test]
    fn a_link_back_names_the_number_it_shows() {
        // The second link back to a footnote shows a superscript 2 after its arrow; its
        // name must hold that 2 as a word of its own (WCAG 2.5.3, axe-core's
        // label-content-name-mismatch), not run into the letters after it.
        for language in BUILT_IN {
            let mut name = String::new();
            Strings::for_language(language).write_back_to_reference(1, 2, &mut name);
            let after = name.find("1-2").map(|at| &name[at + 3..]);
            assert!(
                after.is_some_and(|rest| !rest.starts_with(char::is_alphanumeric)),
                "{language}: {name}"
            );
        }
    }

    #[test]
    fn patterns_fill_known_names_and_keep_other_braces() {
        let fill_ab = |pattern: &str| {
            let mut out = String::from(">");
            fill_into(pattern, &mut out, |name, out| match name {
                "a" => out.write_str("1"),
                "b" => out.write_str("{a}"),
                _ => Err(fmt::Error),
            });
            out.split_off(1)
        };
        assert_eq!(fill_ab("{a}-{b}"), "1-{a}");
        assert_eq!(fill_ab("{c} {a"), "{c} {a");
        assert_eq!(fill_ab("{{a}}"), "{1}");
        assert_eq!(fill_ab("é{a}é"), "é1é");
        assert_eq!(fill_ab(""), "");
    }

    #[test]
    fn shared_strings_are_the_built_in_ones() {
        for tag in [
            "en",
            "ko-KR",
            "JA",
            "zh-Hant-TW",
            "es-419",
            "fr-CA",
            "de",
            "ar-EG",
            "pt-PT",
            "it",
            "nl-BE",
            "ru",
            "pl",
        ] {
            let shared = Strings::shared(tag);
            let built = Strings::for_language(tag);
            assert_eq!(shared.min_read, built.min_read, "{tag}");
            assert_eq!(shared.date_pattern, built.date_pattern, "{tag}");
            assert_eq!(shared.reading_time(2), built.reading_time(2), "{tag}");
        }
        // Other languages share the English strings, which say so.
        assert!(std::ptr::eq(
            Strings::shared("id-ID"),
            Strings::shared("en")
        ));
        assert_eq!(Strings::shared("id-ID").language, "en");
    }

    #[test]
    fn chinese_takes_traditional_characters_by_script_or_region() {
        let traditional = Strings::for_language("zh-Hant").min_read;
        let simplified = Strings::for_language("zh").min_read;
        assert_ne!(traditional, simplified);
        for tag in [
            "zh-Hant",
            "ZH-HANT",
            "zh-Hant-CN",
            "zh-TW",
            "zh_hk",
            "zh-MO",
            "zh-cmn-TW",
            "zh-TW-u-ca-roc",
        ] {
            assert_eq!(Strings::for_language(tag).min_read, traditional, "{tag}");
            assert_eq!(Strings::shared(tag).min_read, traditional, "{tag}");
            assert_eq!(Strings::for_language(tag).language, tag);
        }
        for tag in [
            "zh",
            "zh-Hans",
            "zh-CN",
            "zh-SG",
            "zh-Hans-TW",
            "zh-Hans-HK",
            "zh-x-tw",
            "zh-CN-x-hant",
        ] {
            assert_eq!(Strings::for_language(tag).min_read, simplified, "{tag}");
            assert_eq!(Strings::shared(tag).min_read, simplified, "{tag}");
        }
        assert_eq!(Strings::shared("zh-TW").language, "zh-Hant");
    }
}
