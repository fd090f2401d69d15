//! Every public type can cross threads, so a service can share articles and options.

use dateline::html::{
    ArticleElement, ArticleHeader, BodyHtml, Byline, Comments, Document, Figure, Head, HtmlOptions,
    Notices, Page, Related, SiteBar, Stylesheet, TableOfContents,
};
use dateline::locale::{Plural, PluralText, Strings};
use dateline::reading_time::{ReadingSpeed, ReadingTime};
use dateline::text::{LinkStyle, TextOptions, TextParts};
use dateline::*;

fn send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    send_sync::<Article>();
    send_sync::<ArticleBuilder>();
    send_sync::<ArticleKind>();
    send_sync::<Author>();
    send_sync::<Category>();
    send_sync::<Comment>();
    send_sync::<DateTime>();
    send_sync::<Disclaimer>();
    send_sync::<DisclaimerKind>();
    send_sync::<Error>();
    send_sync::<Image>();
    send_sync::<Limits>();
    send_sync::<Provenance>();
    send_sync::<RawHtml>();
    send_sync::<RelatedArticle>();
    send_sync::<Section>();
    send_sync::<Site>();
    send_sync::<Source>();
    send_sync::<Url>();
    send_sync::<HtmlOptions>();
    send_sync::<Stylesheet>();
    send_sync::<Page<'static>>();
    send_sync::<Document<'static>>();
    send_sync::<ArticleElement<'static>>();
    send_sync::<ArticleHeader<'static>>();
    send_sync::<BodyHtml<'static>>();
    send_sync::<Byline<'static>>();
    send_sync::<Comments<'static>>();
    send_sync::<Figure<'static>>();
    send_sync::<Head<'static>>();
    send_sync::<Notices<'static>>();
    send_sync::<Related<'static>>();
    send_sync::<SiteBar<'static>>();
    send_sync::<TableOfContents<'static>>();
    send_sync::<Strings>();
    send_sync::<Plural>();
    send_sync::<PluralText>();
    send_sync::<ReadingSpeed>();
    send_sync::<ReadingTime>();
    send_sync::<TextOptions>();
    send_sync::<TextParts>();
    send_sync::<LinkStyle>();
}
